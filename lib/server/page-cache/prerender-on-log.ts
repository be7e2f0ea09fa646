import "server-only";
/**
 * Pre-rendering: when notices are logged, their pages are rendered into this process's page
 * cache (page-cache.ts) before the first reader comes, so that reader gets a kept page instead of
 * a render. Each web server process does it for its own cache, following the log in the
 * database (a commit may come from another process or `npm run log:commit`).
 *
 * Bounded so publishing thousands at once cannot starve readers: at most PER_ROUND notices per
 * round (the newest), a queue of at most MAX_WAITING pages (prerender-queue.ts), one render at a
 * time, and none while a visitor's render is under way — pre-rendering only uses idle time.
 * Pages logged while the server was down are not caught up on start: their first reader renders them.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { PageCache } from "./page-cache";
import { PrerenderQueue } from "./prerender-queue";

const PER_ROUND = 100;
const MAX_WAITING = 400;
const IDLE_WAIT_MS = 50;

/** The newest notices among log entries [after, size) — versions and redactions — newest first. */
export async function noticesLoggedSince(prisma: PrismaClient, after: bigint, limit = PER_ROUND): Promise<{ size: bigint; noticeIds: string[] }> {
  const [head] = await prisma.$queryRaw<{ size: bigint | null }[]>`SELECT max(size) AS size FROM checkpoint`;
  const size = head?.size ?? 0n;
  if (size <= after) return { size: after, noticeIds: [] };
  const rows = await prisma.$queryRaw<{ notice_id: string }[]>`
    SELECT coalesce(v.notice_id, rv.notice_id) AS notice_id
    FROM log_entry e
    LEFT JOIN notice_version v ON v.id = e.notice_version_id
    LEFT JOIN redaction r ON r.id = e.redaction_id
    LEFT JOIN notice_version rv ON rv.id = r.notice_version_id
    WHERE e.index >= ${after} AND e.index < ${size}
    GROUP BY 1 ORDER BY max(e.index) DESC LIMIT ${limit}`;
  return { size, noticeIds: rows.map((r) => r.notice_id) };
}

export interface PrerenderLoop {
  stop(): void;
  /** Pages rendered so far (for tests and the start-up log). */
  readonly rendered: number;
}

export function startPrerenderLoop(prisma: PrismaClient, cache: PageCache, intervalMs: number): PrerenderLoop {
  const queue = new PrerenderQueue(MAX_WAITING);
  let stopped = false;
  let rendered = 0;
  let seen: bigint | null = null;
  let working = false;
  let polling = false;

  async function poll(): Promise<void> {
    if (polling) return;
    polling = true;
    try {
      if (seen === null) {
        // Start from the log as it is now: no catch-up of what was logged while we were down.
        const [head] = await prisma.$queryRaw<{ size: bigint | null }[]>`SELECT max(size) AS size FROM checkpoint`;
        seen = head?.size ?? 0n;
        return;
      }
      const found = await noticesLoggedSince(prisma, seen);
      seen = found.size;
      const dropped = queue.add(found.noticeIds);
      if (dropped > 0) console.info(`gongshi: pre-render queue full, ${dropped} page(s) left to their first reader`);
      void work();
    } catch (error) {
      console.error(`gongshi: pre-render: ${(error as Error).message}`);
    } finally {
      polling = false;
    }
  }

  async function work(): Promise<void> {
    if (working) return;
    working = true;
    try {
      for (let path = queue.next(); path !== undefined && !stopped; path = queue.next()) {
        while (cache.busy && !stopped) await new Promise((resolve) => setTimeout(resolve, IDLE_WAIT_MS));
        try {
          rendered += await cache.prerender(path);
        } catch (error) {
          console.error(`gongshi: pre-render of ${path}: ${(error as Error).message}`);
        }
      }
    } finally {
      working = false;
    }
  }

  const timer = setInterval(() => void poll(), intervalMs);
  timer.unref();
  void poll();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    get rendered() {
      return rendered;
    },
  };
}
