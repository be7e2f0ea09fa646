import "server-only";
/**
 * Revokes an agency API token (administrators only). It stops working at once: every request
 * looks the token up afresh (authenticate-api-token.ts), and a publish in flight re-checks it
 * under a row lock, so it either finishes before the revocation commits or fails.
 * Revoking twice is a conflict; the database refuses to un-revoke.
 */
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireRole } from "@/lib/server/auth/authorize";
import { tokenIdSchema } from "./token-inputs";
import type { ActorContext } from "@/lib/server/service-context";

export async function revokeApiToken({ db: prisma, actor, origin }: ActorContext, tokenId: unknown): Promise<{ id: string; revokedAt: string }> {
  const admin = requireRole(actor, "administrator");
  const id = tokenIdSchema.safeParse(tokenId);
  if (!id.success) throw new ApiError("not-found", "no such token");
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ agency_id: string; prefix: string; label: string; revoked_at: Date | null }[]>`
      SELECT agency_id, prefix, label, revoked_at FROM api_token WHERE id = ${id.data} FOR UPDATE`;
    const token = rows[0];
    if (!token) throw new ApiError("not-found", "no such token");
    if (token.revoked_at) throw new ApiError("conflict", "this token is already revoked");
    const revoked = await tx.apiToken.update({ where: { id: id.data }, data: { revokedAt: new Date(), revokedBy: admin.id }, select: { revokedAt: true } });
    await recordAuditEvent(tx, {
      actorUserId: admin.id,
      action: "token.revoke",
      subject: id.data,
      detail: { agencyId: token.agency_id, label: token.label, prefix: token.prefix },
      ip: origin?.ip,
      userAgent: origin?.userAgent,
    });
    return { id: id.data, revokedAt: revoked.revokedAt!.toISOString() };
  });
}
