import "server-only";
/**
 * Sends alert digests on an interval inside the web server (ALERT_DIGEST_INTERVAL_MS), as the
 * committer loop commits. Safe with several instances and with `npm run alerts:send` at the same
 * time: each subscription's digest locks its row (lib/alerts/send-digests.ts). A failed round is
 * logged and tried again at the next tick.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import type { AlertMailer } from "./mailer";
import { sendDigests } from "./send-digests";

export function startDigestLoop(prisma: PrismaClient, mailer: AlertMailer, intervalMs: number): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const round = await sendDigests(prisma, mailer);
      if (round.sent > 0 || round.failed > 0) console.info(`alerts: sent ${round.sent} digests, ${round.failed} failed`);
    } catch (error) {
      console.error("alerts: digest round failed, will retry", error);
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, intervalMs);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
