import "server-only";
/**
 * An administrator changes a user's role and, for a clerk, the agencies they publish for. Both
 * take effect on the user's next request (lib/server/auth/authorize.ts reads them fresh). Recorded as
 * `user.role-change` and `user.agencies-change`, each with what changed, in the same transaction;
 * the agencies whose drafts the clerk may review (clerk_agency.can_review) are part of the
 * agencies change (`reviewAdded`, `reviewRemoved`), which lib/server/audit/audit-user-access.ts replays.
 */
import { requireRole } from "@/lib/server/auth/authorize";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { userAccessInput } from "./admin-inputs";
import { FieldError, parseInput } from "./field-error";
import { requireAgenciesExist } from "./require-agencies-exist";
import type { ActorContext } from "@/lib/server/service-context";

export interface AccessChange {
  roleChanged: boolean;
  agenciesChanged: boolean;
}

export async function changeUserAccess({ db: prisma, actor, origin = { ip: null, userAgent: null } }: ActorContext, input: unknown): Promise<AccessChange> {
  const admin = requireRole(actor, "administrator");
  const access = parseInput(userAccessInput, input);
  // No lock-out: the last step of an administrator demoting themselves could leave nobody able
  // to manage users; another administrator must do it.
  if (access.userId === admin.id && access.role !== "administrator") throw new FieldError("forbidden", "role", "selfDemotion");
  const agencyIds = access.role === "clerk" ? [...new Set(access.agencyIds)].sort() : [];
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: access.userId }, include: { role: true, agencies: true } });
    if (!user) throw new FieldError("not-found", "_form", "userUnknown");
    await requireAgenciesExist(tx, agencyIds);
    const fromRole = user.role?.role ?? null;
    const fromAgencies = user.agencies.map((a) => a.agencyId).sort();
    const added = agencyIds.filter((id) => !fromAgencies.includes(id));
    const removed = fromAgencies.filter((id) => !agencyIds.includes(id));
    const roleChanged = fromRole !== access.role;
    if (roleChanged) {
      await tx.userRole.upsert({ where: { userId: user.id }, create: { userId: user.id, role: access.role }, update: { role: access.role } });
      await recordAuditEvent(tx, {
        actorUserId: admin.id,
        action: "user.role-change",
        subject: user.id,
        detail: { email: user.email, from: fromRole, to: access.role },
        ...origin,
      });
    }
    const fromReview = user.agencies
      .filter((a) => a.canReview)
      .map((a) => a.agencyId)
      .sort();
    // Without reviewAgencyIds the reviewer rights of the agencies kept stay as they were.
    const toReview = agencyIds.filter((id) => (access.reviewAgencyIds ? access.reviewAgencyIds.includes(id) : fromReview.includes(id)));
    const reviewAdded = toReview.filter((id) => !fromReview.includes(id));
    const reviewRemoved = fromReview.filter((id) => !toReview.includes(id));
    if (removed.length) await tx.clerkAgency.deleteMany({ where: { userId: user.id, agencyId: { in: removed } } });
    if (added.length) await tx.clerkAgency.createMany({ data: added.map((agencyId) => ({ userId: user.id, agencyId, canReview: toReview.includes(agencyId) })) });
    for (const agencyId of agencyIds.filter((id) => !added.includes(id))) {
      const canReview = toReview.includes(agencyId);
      if (canReview !== fromReview.includes(agencyId)) await tx.clerkAgency.update({ where: { userId_agencyId: { userId: user.id, agencyId } }, data: { canReview } });
    }
    const agenciesChanged = added.length + removed.length + reviewAdded.length + reviewRemoved.length > 0;
    if (agenciesChanged) {
      await recordAuditEvent(tx, {
        actorUserId: admin.id,
        action: "user.agencies-change",
        subject: user.id,
        detail: { email: user.email, added, removed, ...(reviewAdded.length ? { reviewAdded } : {}), ...(reviewRemoved.length ? { reviewRemoved } : {}) },
        ...origin,
      });
    }
    return { roleChanged, agenciesChanged };
  });
}
