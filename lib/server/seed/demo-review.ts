import "server-only";
/**
 * Turns on review and sign-off for the demo agencies marked `review` (demo-agencies.ts), with the
 * `agency.update` event the database demands for it, so `npm run up` shows the feature and the
 * seeded database audits clean. Idempotent: an agency already set is left alone.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { DEMO_AGENCIES } from "./demo-agencies";

export async function seedDemoReview(prisma: PrismaClient): Promise<void> {
  for (const agency of DEMO_AGENCIES.filter((a) => a.review)) {
    await prisma.$transaction(async (tx) => {
      const before = await tx.agency.findUniqueOrThrow({ where: { id: agency.id }, select: { requiresReview: true, showSignOff: true } });
      if (before.requiresReview && before.showSignOff) return;
      await tx.agency.update({ where: { id: agency.id }, data: { requiresReview: true, showSignOff: true } });
      await recordAuditEvent(tx, {
        actorUserId: null,
        action: "agency.update",
        subject: agency.id,
        detail: { source: "demo seed", requiresReview: { from: before.requiresReview, to: true }, showSignOff: { from: before.showSignOff, to: true } },
      });
    });
  }
}
