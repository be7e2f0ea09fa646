import "server-only";
/**
 * Sends alert digests on an interval inside the web server (ALERT_DIGEST_INTERVAL_MS), as the
 * committer loop commits. Safe with several instances and with `npm run alerts:send` at the same
 * time: each subscription's digest locks its row (lib/server/alerts/send-digests.ts).
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { startRepeatingRound } from "@/lib/server/background/repeating-round";
import type { AlertMailer } from "./mailer";
import { sendDigests } from "./send-digests";

export function startDigestLoop(prisma: PrismaClient, mailer: AlertMailer, intervalMs: number): { stop(): void } {
  return startRepeatingRound("alerts: digests", intervalMs, async () => {
    const round = await sendDigests(prisma, mailer);
    if (round.sent > 0 || round.failed > 0) console.info(`alerts: sent ${round.sent} digests, ${round.failed} failed`);
  });
}
