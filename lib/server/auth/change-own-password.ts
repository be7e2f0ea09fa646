import "server-only";
/**
 * A signed-in user changes their own password (the account page). They type the current one,
 * so a session left open on someone else's screen is not enough to take the account over. The
 * new password follows the usual rules; the change and its audit event commit together, and
 * their other sessions end (a change often follows a suspected leak). A disabled user changes
 * nothing: the role row is held until the transaction commits (lib/server/auth/account-enabled.ts).
 */
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { ApiError } from "@/lib/server/api/errors";
import { PASSWORD_KEYS, ownPasswordInput } from "@/lib/server/admin/admin-inputs";
import { FieldError, parseInput } from "@/lib/server/admin/field-error";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { accountEnabled, requireEnabledSession } from "./account-enabled";
import { passwordProblem } from "./password-policy";
import type { ActorContext } from "@/lib/server/service-context";

export async function changeOwnPassword(
  { db: prisma, actor, origin = { ip: null, userAgent: null } }: ActorContext,
  input: unknown,
  /** The session making the change, which stays signed in; every other one ends. */
  keepSessionToken: string | null = null,
): Promise<{ sessionsRevoked: number }> {
  const user = requireEnabledSession(actor);
  const { currentPassword, password } = parseInput(ownPasswordInput, input);
  const account = await prisma.account.findFirst({ where: { userId: user.id, providerId: "credential" }, select: { id: true, password: true } });
  if (!account?.password || !(await verifyPassword({ hash: account.password, password: currentPassword }))) {
    throw new FieldError("bad-request", "currentPassword", "currentPasswordWrong");
  }
  const problem = passwordProblem(password, user.email);
  if (problem) throw new FieldError("bad-request", "password", PASSWORD_KEYS[problem]);
  const hash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    if (!(await accountEnabled(tx, user.id))) throw new ApiError("forbidden", "this account is disabled");
    // Compared with the hash just verified, so two changes at once cannot both pass.
    const { count: changed } = await tx.account.updateMany({ where: { id: account.id, password: account.password }, data: { password: hash, updatedAt: new Date() } });
    if (changed !== 1) throw new ApiError("conflict", "the password changed meanwhile; try again");
    const { count } = await tx.session.deleteMany({ where: { userId: user.id, ...(keepSessionToken ? { token: { not: keepSessionToken } } : {}) } });
    await recordAuditEvent(tx, { actorUserId: user.id, action: "user.password-change", subject: user.id, detail: { email: user.email, sessionsRevoked: count }, ...origin });
    return { sessionsRevoked: count };
  });
}
