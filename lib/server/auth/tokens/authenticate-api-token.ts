import "server-only";
/**
 * The principal of an agency API request: `Authorization: Bearer gst_…` → the token's row,
 * found by the SHA-256 of the presented secret, refused (401) when unknown or revoked. The
 * token acts as a clerk of exactly its one agency, so the publishing services' ordinary
 * requireAgencyClerk check authorizes it there and nowhere else.
 *
 * Every request reads the row afresh, so a revocation takes effect at once. Recording use is
 * throttled to one write a minute per token (a conditional UPDATE, so concurrent requests do
 * not queue on the row), but the revocation check itself is never skipped.
 */
import { ApiError } from "@/lib/server/api/errors";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { Actor } from "@/lib/server/auth/authorize";
import { bearerToken, hashTokenSecret } from "./token-secret";

export interface TokenPrincipal {
  tokenId: string;
  agencyId: string;
  /** May publish at once in an agency that requires review (create-api-token.ts). */
  publishDirectly: boolean;
  actor: Actor & { role: "clerk"; via: "token"; publishDirectly: boolean };
}

/** The audit trail's actor id for a token (audit_event.actor_user_id is a plain text id). */
export const tokenActorId = (tokenId: string) => `token:${tokenId}`;

export async function authenticateApiToken(prisma: PrismaClient, authorization: string | null): Promise<TokenPrincipal> {
  const secret = bearerToken(authorization);
  // The same answer for a malformed, unknown or revoked token: nothing here helps a guesser.
  if (!secret) throw new ApiError("unauthorized", "an agency API token is required: Authorization: Bearer gst_…");
  const token = await prisma.apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: { id: true, agencyId: true, label: true, revokedAt: true, publishDirectly: true },
  });
  if (!token || token.revokedAt) throw new ApiError("unauthorized", "the API token is not valid (unknown or revoked)");
  await prisma.$executeRaw`
    UPDATE api_token SET last_used_at = now()
    WHERE id = ${token.id} AND revoked_at IS NULL AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
  return {
    tokenId: token.id,
    agencyId: token.agencyId,
    publishDirectly: token.publishDirectly,
    actor: {
      id: tokenActorId(token.id),
      email: "",
      name: `API token ${token.label}`,
      role: "clerk",
      agencyIds: [token.agencyId],
      via: "token",
      publishDirectly: token.publishDirectly,
    },
  };
}
