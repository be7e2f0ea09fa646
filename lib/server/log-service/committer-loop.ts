import "server-only";
/**
 * Runs the committer on an interval inside a long-lived process (the web server by default).
 * Safe with many instances: commitPending serializes on a database advisory lock. A failed
 * round is logged and retried at the next tick, never fatal: pending versions stay queued.
 * `onCommit` hears of each new checkpoint (the witnessing loop); it must only schedule work,
 * so nothing it does can delay the next commit.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { LogConfig } from "@/lib/server/env";
import { COMMIT_BATCH_SIZE, commitPending } from "./commit-pending";

export function startCommitterLoop(prisma: PrismaClient, config: LogConfig, intervalMs: number, onCommit?: () => void): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      // Drain: keep committing full batches until the queue is empty.
      for (;;) {
        const { committed, size } = await commitPending(prisma, config);
        if (committed > 0) {
          console.info(`committer: sequenced ${committed} entries, log size ${size}`);
          onCommit?.();
        }
        if (committed < COMMIT_BATCH_SIZE || stopped) break;
      }
    } catch (error) {
      console.error("committer: round failed, will retry", error);
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, 0);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
