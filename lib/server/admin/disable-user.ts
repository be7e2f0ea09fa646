import "server-only";
/**
 * Disabling a user: their role and agency assignments are removed and every session of theirs
 * is deleted, in one transaction, so from the next request on they are signed out, and they
 * cannot sign in again nor change their name or password (lib/server/auth/account-enabled.ts). The
 * account is kept, not deleted: audit events and notice versions refer to it. Giving them a role
 * again re-enables them.
 */
import { requireRole } from "@/lib/server/auth/authorize";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { userDisableInput } from "./admin-inputs";
import { FieldError, parseInput } from "./field-error";
import type { ActorContext } from "@/lib/server/service-context";

export async function disableUser({ db: prisma, actor, origin = { ip: null, userAgent: null } }: ActorContext, input: unknown): Promise<{ sessionsRevoked: number }> {
  const admin = requireRole(actor, "administrator");
  const { userId } = parseInput(userDisableInput, input);
  if (userId === admin.id) throw new FieldError("forbidden", "_form", "selfDisable");
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, include: { role: true, agencies: true } });
    if (!user) throw new FieldError("not-found", "_form", "userUnknown");
    await tx.userRole.deleteMany({ where: { userId } });
    await tx.clerkAgency.deleteMany({ where: { userId } });
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, {
      actorUserId: admin.id,
      action: "user.disable",
      subject: userId,
      detail: { email: user.email, previousRole: user.role?.role ?? null, previousAgencyIds: user.agencies.map((a) => a.agencyId), sessionsRevoked: count },
      ...origin,
    });
    return { sessionsRevoked: count };
  });
}
