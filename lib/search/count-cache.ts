import "server-only";
/**
 * Totals and facet counts, kept a few seconds per filter set (docs/decisions.md, "Search
 * counts may be seconds old"). Counting visits every match: all 100,000 rows for the
 * unfiltered list, 65 % of them for a word like 公开. Every page of one listing shares the same
 * counts, so pages 2…50 of a list, or the second visitor of a search, reuse the first count.
 *
 * Stale for at most COUNT_TTL_MS after a change made by another process (a second app
 * instance, a script); a change made through this process (reindexNotices) starts a new
 * generation at once (a search racing that write's transaction may still keep the old counts
 * for COUNT_TTL_MS). Keyed by database client too, so two databases never share counts.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { TtlCache } from "@/lib/cache/ttl-cache";

export type CountRow = { facet: string; value: string | null; count: bigint };

const COUNT_TTL_MS = 5_000;
const counts = new TtlCache<CountRow[]>({ ttlMs: COUNT_TTL_MS, maxEntries: 1_000 });
const clientIds = new WeakMap<object, number>();
let generation = 0;
let nextClientId = 0;

/** The counts for this exact statement and arguments, from the cache or from `run`. */
export function cachedCounts(prisma: PrismaClient, sql: string, args: readonly unknown[], run: () => Promise<CountRow[]>): Promise<CountRow[]> {
  let client = clientIds.get(prisma);
  if (client === undefined) clientIds.set(prisma, (client = ++nextClientId));
  return counts.getOrLoad(JSON.stringify([client, generation, sql, args]), run);
}

/** Called by every write to notice_search in this process: later searches count afresh. */
export function searchIndexChanged(): void {
  generation++;
  counts.clear();
}
