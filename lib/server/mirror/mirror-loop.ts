import "server-only";
/**
 * Follows the origin on an interval inside the mirror's server (MIRROR_INTERVAL_MS). A failed
 * round leaves the mirror behind and is tried again at the next tick; a refusal stops nothing
 * but the copying (the server keeps serving the verified history). Safe next to
 * `npm run mirror:sync` and other instances: each checkpoint is copied under an advisory lock.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { MirrorConfig } from "./mirror-config";
import { syncOnce } from "./sync-once";

export function startMirrorLoop(prisma: PrismaClient, config: MirrorConfig): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastState: string | undefined;
  const tick = async () => {
    try {
      const outcome = await syncOnce(prisma, config);
      if (outcome.copied > 0 || outcome.state !== lastState) {
        const log = outcome.state === "following" ? console.info : console.error;
        log(`mirror: ${outcome.state}: ${outcome.message}`);
      }
      lastState = outcome.state;
    } catch (error) {
      console.error("mirror: round failed, will retry", error);
    }
    if (!stopped) timer = setTimeout(tick, config.intervalMs);
  };
  timer = setTimeout(tick, 0);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
