import "server-only";
/**
 * An administrator sets a new password for a user who lost theirs (there is no e-mail reset:
 * the portal sends no mail). The user's sessions are ended, since a reset often follows a
 * suspected leak — except when administrators reset their own, which would sign them out.
 * The audit event says that it happened, never what the password is.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { requireRole } from "@/lib/server/auth/authorize";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { passwordProblem } from "@/lib/server/auth/password-policy";
import { PASSWORD_KEYS, passwordResetInput } from "./admin-inputs";
import { FieldError, parseInput } from "./field-error";
import type { ActorContext } from "@/lib/server/service-context";

export async function resetUserPassword({ db: prisma, actor, origin = { ip: null, userAgent: null } }: ActorContext, input: unknown): Promise<{ sessionsRevoked: number }> {
  const admin = requireRole(actor, "administrator");
  const { userId, password } = parseInput(passwordResetInput, input);
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) throw new FieldError("not-found", "_form", "userUnknown");
  const problem = passwordProblem(password, user.email);
  if (problem) throw new FieldError("bad-request", "password", PASSWORD_KEYS[problem]);
  const hash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.account.updateMany({ where: { userId, providerId: "credential" }, data: { password: hash, updatedAt: new Date() } });
    if (updated.count === 0) await tx.account.create({ data: { id: randomUUID(), userId, accountId: userId, providerId: "credential", password: hash } });
    const { count } = userId === admin.id ? { count: 0 } : await tx.session.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, { actorUserId: admin.id, action: "user.password-reset", subject: userId, detail: { email: user.email, sessionsRevoked: count }, ...origin });
    return { sessionsRevoked: count };
  });
}
