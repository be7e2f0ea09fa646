import "server-only";
/**
 * Who may publish with no one signed in: every api_token row must have its `token.create`
 * event naming the same agency, label and prefix, and the right to publish directly only if
 * that event gave it (events from before the right existed say nothing: false); a token is
 * revoked exactly when a `token.revoke` event says so. A token inserted (or un-revoked) in the database is named.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import type { Discrepancy } from "@/lib/server/log-service/audit-log";

export async function checkApiTokens(prisma: Prisma.TransactionClient): Promise<Discrepancy[]> {
  const events = await prisma.auditEvent.findMany({
    where: { action: { in: ["token.create", "token.revoke"] } },
    orderBy: { id: "asc" },
    select: { action: true, subject: true, detail: true },
  });
  const created = new Map<string, Record<string, unknown>>();
  const revoked = new Set<string>();
  for (const e of events) {
    if (!e.subject) continue;
    if (e.action === "token.create") created.set(e.subject, e.detail as Record<string, unknown>);
    else revoked.add(e.subject);
  }
  const tokens = await prisma.apiToken.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, agencyId: true, label: true, prefix: true, publishDirectly: true, revokedAt: true },
  });
  const problems: Discrepancy[] = [];
  for (const token of tokens) {
    const where = `api token ${token.id}`;
    const detail = created.get(token.id);
    if (!detail) {
      problems.push({ where, message: "no token.create audit event: the token was not made by an administrator" });
      continue;
    }
    for (const field of ["agencyId", "label", "prefix"] as const) {
      if (detail[field] !== token[field]) problems.push({ where, message: `${field} is "${token[field]}", but its token.create event says "${String(detail[field])}"` });
    }
    if (token.publishDirectly !== (detail.publishDirectly === true)) {
      problems.push({ where, message: `publishDirectly is ${token.publishDirectly}, but its token.create event says ${detail.publishDirectly === true}` });
    }
    if (revoked.has(token.id) && token.revokedAt === null) problems.push({ where, message: "a token.revoke event revoked it, but the row is not revoked" });
    if (!revoked.has(token.id) && token.revokedAt !== null) problems.push({ where, message: "the row is revoked, but no token.revoke audit event says so" });
  }
  return problems;
}
