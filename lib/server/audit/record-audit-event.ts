import "server-only";
/**
 * Appends one event to the audit trail (audit_event, append-only in the database): who
 * (actor), when (the database's clock), from where (address, user agent) and what (action,
 * subject, detail). Pass a transaction client so the event commits with the change it records.
 */
import type { Prisma, PrismaClient } from "@/lib/server/db/generated/client";

/**
 * Every action the trail records, in one list so the audit page can offer them as a filter and
 * give each a translated label (messages/<locale>/admin.json, namespace auditActions).
 */
export const AUDIT_ACTIONS = [
  "sign-in",
  "sign-in.failed",
  "sign-in.throttled",
  "sign-in.disabled",
  "sign-out",
  "sign-out.everywhere",
  "user.create",
  "user.role-change",
  "user.agencies-change",
  "user.disable",
  "user.password-reset",
  "user.password-change",
  "user.rename",
  "agency.create",
  "agency.update",
  "notice.publish",
  "notice.amend",
  "notice.correct",
  "notice.retract",
  "notice.redact",
  "notice.translation",
  "draft.create",
  "draft.update",
  "draft.rebase",
  "draft.delete",
  "draft.submit",
  "draft.withdraw",
  "draft.return",
  "draft.approve",
  "draft.publish-scheduled",
  "draft.schedule-failed",
  "token.create",
  "token.revoke",
  "witness.evidence",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventInput {
  actorUserId: string | null;
  action: AuditAction;
  /** What the action was about: an email, a user id, a notice id… */
  subject?: string | null;
  detail?: Prisma.InputJsonObject;
  ip?: string | null;
  userAgent?: string | null;
}

type Writer = Pick<PrismaClient, "auditEvent"> | Prisma.TransactionClient;

export async function recordAuditEvent(prisma: Writer, event: AuditEventInput): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      actorUserId: event.actorUserId,
      action: event.action,
      subject: event.subject ?? null,
      detail: event.detail ?? {},
      ip: event.ip ?? null,
      // Bounded: the header is attacker-chosen and the table keeps it forever.
      userAgent: event.userAgent?.slice(0, 500) ?? null,
    },
  });
}
