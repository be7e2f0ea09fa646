import "server-only";
/**
 * Ends a subscription by any of its unsubscribe tokens (every mail has one, the confirmation
 * mail too): the row, its address and all its tokens are deleted at once. A digest being sent
 * for it at that moment holds its row; the delete waits for it, and later ones find nothing.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { findTokenSubscription } from "./alert-token-lookup";

export async function unsubscribe(prisma: PrismaClient, token: unknown): Promise<"unsubscribed" | "invalid"> {
  return prisma.$transaction(async (tx) => {
    // Unconfirmed requests count as valid here even past their expiry: deleting is always allowed.
    const found = await findTokenSubscription(tx, token, "unsubscribe", new Date(0));
    if (!found) return "invalid";
    const deleted = await tx.alertSubscription.deleteMany({ where: { id: found.id } });
    return deleted.count === 1 ? "unsubscribed" : "invalid";
  });
}
