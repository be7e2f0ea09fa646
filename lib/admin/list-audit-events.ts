import "server-only";
/**
 * The audit trail for administrators and auditors: newest first, filtered, one page at a time,
 * with each actor's email and name resolved (the table keeps only the id, so that it never
 * needs rewriting; an event about a later-renamed user still shows who it was by id).
 */
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { requireRole, type Actor } from "@/lib/auth/authorize";
import { auditFilterInput, dayBounds, type AuditFilter } from "./audit-filter";
import { parseInput } from "./field-error";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventRow {
  id: string;
  at: string;
  action: string;
  actor: { id: string; email: string | null; name: string | null } | null;
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
  const users = actorIds.length ? await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true, name: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    filter,
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: events.map((e) => ({
      id: e.id.toString(),
      at: e.at.toISOString(),
      action: e.action,
      actor: e.actorUserId ? { id: e.actorUserId, email: byId.get(e.actorUserId)?.email ?? null, name: byId.get(e.actorUserId)?.name ?? null } : null,
      subject: e.subject,
      detail: e.detail,
      ip: e.ip,
      userAgent: e.userAgent,
    })),
  };
}
