import "server-only";
/**
 * The one rule of review (docs/review.md): in an agency that requires review, nothing is
 * published that a reviewer did not approve — except by an agency system's token created with
 * the right to publish directly (lib/server/auth/tokens/create-api-token.ts), a right that is fixed at
 * creation and recorded in the audit trail. Every path that publishes asks this, inside the
 * transaction that publishes, so a change of the agency's setting cannot slip between.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import type { Actor } from "@/lib/server/auth/authorize";

export async function mustBeReviewed(tx: Prisma.TransactionClient, actor: Actor, agencyId: string): Promise<boolean> {
  if (actor.via === "token" && actor.publishDirectly) return false;
  const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { requiresReview: true } });
  return agency?.requiresReview === true;
}
