import "server-only";
/**
 * Runs the scheduled publisher (publish-due-drafts.ts) on an interval inside the web server.
 * Safe with many instances and alongside `npm run drafts:publish-due`: each draft is locked
 * while it is published.
 */
import { db } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { env, envOf } from "@/lib/server/env";
import { startRepeatingRound } from "@/lib/server/background/repeating-round";
import { publishDueDrafts } from "./publish-due-drafts";

export function startScheduledPublishLoop(prisma: PrismaClient, intervalMs: number): { stop(): void } {
  return startRepeatingRound("scheduled publication", intervalMs, async () => {
    const { published } = await publishDueDrafts(prisma);
    for (const p of published) console.info(`scheduled publication: draft ${p.draftId} published as ${p.noticeId} version ${p.version}`);
  });
}

/** Starts the loop unless SCHEDULED_PUBLISH_INTERVAL_MS is 0 (then `npm run drafts:publish-due` does it). */
export function startScheduledPublishing(): void {
  let interval;
  try {
    interval = env().SCHEDULED_PUBLISH_INTERVAL_MS;
  } catch (error) {
    console.error(`gongshi: ${(error as Error).message}`);
    if (envOf(["NODE_ENV"]).NODE_ENV === "production") process.exit(1);
    return;
  }
  if (interval === 0) {
    console.info("gongshi: scheduled publication is left to `npm run drafts:publish-due` (SCHEDULED_PUBLISH_INTERVAL_MS=0)");
    return;
  }
  startScheduledPublishLoop(db(), interval);
}
