import "server-only";
/**
 * Who may act: every user's current role (user_role) and, for clerks, agencies (clerk_agency)
 * must be what their audit events add up to, replayed in id order — `user.create` (role and
 * agencies), `user.role-change` (to), `user.agencies-change` (added, removed), `user.disable`
 * (none). The agencies a clerk may review in (clerk_agency.can_review) replay the same way:
 * `reviewAgencyIds` of `user.create`, `reviewAdded` and `reviewRemoved` of an agencies change. A role or agency granted in the database without its event is named, and so is one
 * taken away without one.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import type { Discrepancy } from "@/lib/server/log-service/audit-log";

interface Access {
  role: string | null;
  agencies: Set<string>;
  reviews: Set<string>;
  lastEvent: bigint;
}

const ACTIONS = ["user.create", "user.role-change", "user.agencies-change", "user.disable"];

export async function checkUserAccess(prisma: Prisma.TransactionClient): Promise<Discrepancy[]> {
  const events = await prisma.auditEvent.findMany({ where: { action: { in: ACTIONS } }, orderBy: { id: "asc" }, select: { id: true, action: true, subject: true, detail: true } });
  const replayed = new Map<string, Access>();
  for (const e of events) {
    if (!e.subject) continue;
    const detail = e.detail as Record<string, unknown>;
    const access = replayed.get(e.subject) ?? { role: null, agencies: new Set<string>(), reviews: new Set<string>(), lastEvent: e.id };
    access.lastEvent = e.id;
    if (e.action === "user.create") {
      access.role = typeof detail.role === "string" ? detail.role : null;
      access.agencies = new Set(strings(detail.agencyIds));
      access.reviews = new Set(strings(detail.reviewAgencyIds));
    } else if (e.action === "user.role-change") {
      access.role = typeof detail.to === "string" ? detail.to : null;
    } else if (e.action === "user.agencies-change") {
      for (const id of strings(detail.added)) access.agencies.add(id);
      for (const id of strings(detail.removed)) access.agencies.delete(id);
      for (const id of strings(detail.reviewAdded)) access.reviews.add(id);
      for (const id of [...strings(detail.reviewRemoved), ...strings(detail.removed)]) access.reviews.delete(id);
    } else {
      access.role = null;
      access.agencies.clear();
      access.reviews.clear();
    }
    replayed.set(e.subject, access);
  }
  const users = await prisma.user.findMany({
    orderBy: { id: "asc" },
    select: { id: true, email: true, role: { select: { role: true } }, agencies: { select: { agencyId: true, canReview: true } } },
  });
  const problems: Discrepancy[] = [];
  for (const user of users) {
    const expected = replayed.get(user.id);
    const role = user.role?.role ?? null;
    const where = `user ${user.id} (${user.email})`;
    const since = expected ? ` (last audit event ${expected.lastEvent})` : " (no audit event for this user)";
    if (role !== (expected?.role ?? null)) {
      problems.push({ where, message: `user_role is ${role ?? "none"}, but the audit trail gives ${expected?.role ?? "none"}${since}` });
    }
    const agencies = user.agencies.map((a) => a.agencyId).sort();
    const expectedAgencies = [...(expected?.agencies ?? [])].sort();
    if (agencies.join(",") !== expectedAgencies.join(",")) {
      problems.push({ where, message: `clerk_agency is [${agencies.join(", ")}], but the audit trail gives [${expectedAgencies.join(", ")}]${since}` });
    }
    const reviews = user.agencies
      .filter((a) => a.canReview)
      .map((a) => a.agencyId)
      .sort();
    const expectedReviews = [...(expected?.reviews ?? [])].sort();
    if (reviews.join(",") !== expectedReviews.join(",")) {
      problems.push({ where, message: `clerk_agency may review in [${reviews.join(", ")}], but the audit trail gives [${expectedReviews.join(", ")}]${since}` });
    }
  }
  return problems;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
