import "server-only";
/**
 * One sync at a time per process, shared by whoever asks while it runs: the server's loop and
 * every add-checkpoint request that finds the mirror behind (lib/server/mirror/mirror-add-checkpoint.ts)
 * wait for the same round instead of each reading the origin again. A caller arriving while a
 * round is under way gets the next one, which starts after it arrived and so sees what the
 * origin had by then.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { MirrorConfig } from "./mirror-config";
import { syncMirror, type SyncOutcome } from "./sync-mirror";

let running: Promise<SyncOutcome> | null = null;
let queued: Promise<SyncOutcome> | null = null;

export function syncOnce(prisma: PrismaClient, config: MirrorConfig): Promise<SyncOutcome> {
  if (queued) return queued;
  if (running) {
    queued = running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start(prisma, config);
      });
    return queued;
  }
  return start(prisma, config);
}

function start(prisma: PrismaClient, config: MirrorConfig): Promise<SyncOutcome> {
  const round = syncMirror(prisma, config).finally(() => {
    if (running === round) running = null;
  });
  running = round;
  return round;
}
