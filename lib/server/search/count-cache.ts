import "server-only";
/**
 * Totals and facet counts, kept per filter set until the database's public content changes
 * (docs/decisions.md, "Search counts are kept until the content changes"). Counting visits
 * every match: all 100,000 rows for the unfiltered list, 65 % of them for a word like 公开.
 * Every page of one listing shares the same counts, so pages 2…50 of a list, or the second
 * visitor of a search, reuse the first count, and a notice recorded by any process (this one,
 * a second instance, a script) is counted by the next search, because it moves the content
 * generation (lib/server/cache/content-generation.ts) the key is made of.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { coalesced } from "@/lib/server/cache/coalesced.mjs";
import { readContentGeneration } from "@/lib/server/cache/content-generation";
import { TtlCache } from "@/lib/server/cache/ttl-cache";

export type CountRow = { facet: string; value: string | null; count: bigint };

/**
 * Counts are keyed by the content generation, so a change already makes old entries unused; the
 * 60-second lifetime only bounds how long an entry outlives a generation change this process missed.
 */
const COUNT_TTL_MS = 60_000;
const counts = new TtlCache<CountRow[]>({ ttlMs: COUNT_TTL_MS, maxEntries: 1_000 });
/** Per database client: its id in the keys (two databases never share counts) and its generation reader. */
const clients = new WeakMap<object, { id: number; generation: () => Promise<string> }>();
let nextClientId = 0;
/**
 * Index writes through this process: a rebuild of the index (reindexNotice, reindexAll) may
 * change rows without adding any public row, so without moving the generation.
 */
let indexWrites = 0;

/** The counts for this exact statement and arguments, from the cache or from `run`. */
export async function cachedCounts(prisma: PrismaClient, sql: string, args: readonly unknown[], run: () => Promise<CountRow[]>): Promise<CountRow[]> {
  let client = clients.get(prisma);
  if (client === undefined) clients.set(prisma, (client = { id: ++nextClientId, generation: coalesced(() => readContentGeneration(prisma)) }));
  const generation = await client.generation();
  return counts.getOrLoad(JSON.stringify([client.id, generation, indexWrites, sql, args]), run);
}

/** Called by every write to notice_search in this process: later searches count afresh. */
export function searchIndexChanged(): void {
  indexWrites++;
}
