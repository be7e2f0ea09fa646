import "server-only";
/**
 * Runs the scheduled publisher (publish-due-drafts.ts) on an interval inside the web server.
 * Safe with many instances and alongside `npm run drafts:publish-due`: each draft is locked
 * while it is published. A failed round is logged and tried again at the next tick.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { publishDueDrafts } from "./publish-due-drafts";

export function startScheduledPublishLoop(prisma: PrismaClient, intervalMs: number): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const { published } = await publishDueDrafts(prisma);
      for (const p of published) console.info(`scheduled publication: draft ${p.draftId} published as ${p.noticeId} version ${p.version}`);
    } catch (error) {
      console.error("scheduled publication: round failed, will retry", error);
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
