/**
 * A small in-process cache: entries live `ttlMs`, at most `maxEntries` and `maxBytes` are
 * kept (least recently used first out), and concurrent loads of one key share a single
 * load, so fifty requests for the same cold page or count cause one render or one query.
 * lru-cache does the keeping (ttl, max, maxSize) and the sharing (fetchMethod); this wraps it
 * in the one call both callers need, getOrLoad, with a loader per call.
 *
 * Pure (no I/O, no secrets). Used for search counts (lib/server/search/count-cache.ts) and rendered
 * public pages (lib/server/page-cache/page-cache.ts).
 * Per process: several app instances each keep their own. Both callers tie each entry to the
 * database's content generation (in the key, or kept with the page and checked on every use),
 * so an entry is never answered after a change it predates.
 */
import { LRUCache } from "lru-cache";

export interface TtlCacheOptions<V> {
  ttlMs: number;
  maxEntries: number;
  /** Defaults to no byte limit (every value counts 0). */
  maxBytes?: number;
  sizeOf?: (value: V) => number;
  /** Loaded values that must not be kept (an error page, a response that sets a cookie). */
  keep?: (value: V) => boolean;
  now?: () => number;
}

type Load<V> = () => Promise<V>;

export class TtlCache<V> {
  // Boxed: lru-cache keeps no null or undefined, which a load may give like any other value.
  private readonly entries: LRUCache<string, { value: V }, Load<V>>;

  constructor(private readonly options: TtlCacheOptions<V>) {
    const { maxBytes, sizeOf } = options;
    this.entries = new LRUCache<string, { value: V }, Load<V>>({
      max: options.maxEntries,
      // lru-cache counts an entry stale once its age is more than ttl, this cache once it is
      // ttlMs: on a whole-millisecond clock the two agree with ttl one less.
      ttl: Math.max(1, options.ttlMs - 1),
      // Read the clock on every look-up (its default reads it once per millisecond, by a timer).
      ttlResolution: 0,
      perf: { now: options.now ?? Date.now },
      ...(maxBytes === undefined ? {} : { maxSize: maxBytes, sizeCalculation: (entry) => Math.max(1, sizeOf?.(entry.value) ?? 0) }),
      fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
      // A load under way finishes for its callers even if clear() or an eviction drops its key meanwhile.
      ignoreFetchAbort: true,
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The fresh value for `key`, if any; a hit moves it to the most recently used end. */
  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** The cached value, else the one `load` gives (shared by every caller waiting for it). */
  async getOrLoad(key: string, load: Load<V>): Promise<V> {
    if (this.options.ttlMs <= 0) return load();
    const { value } = (await this.entries.fetch(key, { context: load }))!;
    if (this.options.keep && !this.options.keep(value)) this.entries.delete(key);
    return value;
  }

  /** Keeps `value`, unless it alone is over maxBytes. */
  set(key: string, value: V): void {
    this.entries.set(key, { value });
  }

  /** Forgets everything (a write that every cached value may depend on). */
  clear(): void {
    this.entries.clear();
  }
}
