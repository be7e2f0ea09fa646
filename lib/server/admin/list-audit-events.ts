import "server-only";
/**
 * The audit trail for administrators and auditors: newest first, filtered, one page at a time,
 * with each actor's email and name resolved (the table keeps only the id, so that it never
 * needs rewriting; an event about a later-renamed user still shows who it was by id). An agency
 * API token acts under the id `token:<token id>` (lib/server/auth/tokens/authenticate-api-token.ts),
 * which names no user: it is resolved to the token's label, prefix and agency instead.
 */
import type { Prisma, PrismaClient } from "@/lib/server/db/generated/client";
import { requireRole, type Actor } from "@/lib/server/auth/authorize";
import { auditFilterInput, dayBounds, type AuditFilter } from "./audit-filter";
import { parseInput } from "./field-error";

const TOKEN_ACTOR = "token:";

export type AuditActor =
  | { kind: "user"; id: string; email: string | null; name: string | null }
  | { kind: "token"; id: string; label: string; prefix: string; agency: { id: string; nameZh: string; nameEn: string } };

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventRow {
  id: string;
  at: string;
  action: string;
  actor: AuditActor | null;
  subject: string | null;
  detail: Prisma.JsonValue;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditPage {
  filter: AuditFilter;
  events: AuditEventRow[];
  total: number;
  pageCount: number;
}

export async function listAuditEvents(prisma: PrismaClient, actor: Actor | null, input: unknown): Promise<AuditPage> {
  requireRole(actor, "administrator", "auditor");
  const filter = parseInput(auditFilterInput, input);
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.action) where.action = filter.action;
  if (filter.subject) where.subject = { contains: filter.subject, mode: "insensitive" };
  if (filter.actor) {
    const actors = await prisma.user.findMany({ where: { email: { contains: filter.actor, mode: "insensitive" } }, select: { id: true }, take: 1000 });
    where.actorUserId = { in: actors.map((a) => a.id) };
  }
  if (filter.from || filter.to) where.at = { ...(filter.from && { gte: dayBounds(filter.from).start }), ...(filter.to && { lt: dayBounds(filter.to).end }) };
  const [total, events] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (filter.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => id !== null))];
  const userIds = actorIds.filter((id) => !id.startsWith(TOKEN_ACTOR));
  const tokenIds = actorIds.filter((id) => id.startsWith(TOKEN_ACTOR)).map((id) => id.slice(TOKEN_ACTOR.length));
  const [users, tokens] = await Promise.all([
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true } }) : [],
    tokenIds.length
      ? prisma.apiToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, label: true, prefix: true, agency: { select: { id: true, nameZh: true, nameEn: true } } } })
      : [],
  ]);
  const byId = new Map<string, AuditActor>([
    ...users.map((u) => [u.id, { kind: "user", ...u }] as const),
    ...tokens.map((t) => [`${TOKEN_ACTOR}${t.id}`, { kind: "token", id: `${TOKEN_ACTOR}${t.id}`, label: t.label, prefix: t.prefix, agency: t.agency }] as const),
  ]);
  // An id that resolves to nothing is still shown, as an unknown user with that id.
  const actorOf = (id: string): AuditActor => byId.get(id) ?? { kind: "user", id, email: null, name: null };
  return {
    filter,
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: events.map((e) => ({
      id: e.id.toString(),
      at: e.at.toISOString(),
      action: e.action,
      actor: e.actorUserId ? actorOf(e.actorUserId) : null,
      subject: e.subject,
      detail: e.detail,
      ip: e.ip,
      userAgent: e.userAgent,
    })),
  };
}
