import "server-only";
/**
 * The visitor pressed the button behind the confirmation link: alerts start. The digest cursor
 * starts at the log's size now, so the first digest holds what is logged after confirming, not
 * the whole history.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { findTokenSubscription } from "./alert-token-lookup";

export type ConfirmOutcome = "confirmed" | "already-confirmed" | "invalid";

export async function confirmSubscription(prisma: PrismaClient, token: unknown, now = new Date()): Promise<ConfirmOutcome> {
  return prisma.$transaction(async (tx) => {
    const found = await findTokenSubscription(tx, token, "confirm", now);
    if (!found) return "invalid";
    if (found.confirmed) return "already-confirmed";
    const updated = await tx.$executeRawUnsafe(
      `UPDATE alert_subscription SET confirmed_at = $2, next_index = (SELECT coalesce(max(index) + 1, 0) FROM log_entry)
       WHERE id = $1 AND confirmed_at IS NULL`,
      found.id,
      now,
    );
    return updated === 1 ? "confirmed" : "already-confirmed";
  });
}
