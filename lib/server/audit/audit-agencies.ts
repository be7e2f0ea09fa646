import "server-only";
/**
 * What citizens see as an agency's name and description must be what its audit events say:
 * the `agency.create` detail, with each later `agency.update` field's new value applied in id
 * order. An agency inserted or renamed in the database is named, with the field. The review
 * settings (requiresReview, showSignOff) are checked the same way; an agency created before
 * they existed starts with both off, as the migration that added them did.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import type { Discrepancy } from "@/lib/server/log-service/audit-log";

const FIELDS = ["nameZh", "nameEn", "descriptionZh", "descriptionEn", "requiresReview", "showSignOff"] as const;

export async function checkAgencies(prisma: Prisma.TransactionClient): Promise<Discrepancy[]> {
  const events = await prisma.auditEvent.findMany({
    where: { action: { in: ["agency.create", "agency.update"] } },
    orderBy: { id: "asc" },
    select: { action: true, subject: true, detail: true },
  });
  const replayed = new Map<string, Record<string, unknown>>();
  for (const e of events) {
    if (!e.subject) continue;
    const detail = e.detail as Record<string, unknown>;
    if (e.action === "agency.create") {
      replayed.set(e.subject, { descriptionZh: "", descriptionEn: "", requiresReview: false, showSignOff: false, ...detail });
      continue;
    }
    const fields = replayed.get(e.subject);
    if (!fields) continue; // an update without a create: the agency itself is reported below
    for (const field of FIELDS) {
      const change = detail[field] as { to?: unknown } | undefined;
      if (change && typeof change === "object" && "to" in change) fields[field] = change.to;
    }
  }
  const agencies = await prisma.agency.findMany({ orderBy: { id: "asc" } });
  const problems: Discrepancy[] = [];
  for (const agency of agencies) {
    const where = `agency ${agency.id}`;
    const fields = replayed.get(agency.id);
    if (!fields) {
      problems.push({ where, message: "no agency.create audit event: the agency was not added by an administrator" });
      continue;
    }
    for (const field of FIELDS) {
      if (fields[field] !== agency[field]) problems.push({ where, message: `${field} is "${String(agency[field])}", but its audit events give "${String(fields[field])}"` });
    }
  }
  return problems;
}
