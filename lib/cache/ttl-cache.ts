/**
 * A small in-process cache: entries live `ttlMs`, at most `maxEntries` and `maxBytes` are
 * kept (least recently used first out), and concurrent loads of one key share a single
 * load, so fifty requests for the same cold page or count cause one render or one query.
 *
 * Pure (no I/O, no secrets). Today only the search counts use it (lib/search/count-cache.ts),
 * with ttlMs and maxEntries; staleMs, maxBytes, sizeOf and keep were written for a cache of
 * rendered pages that was tried and not merged; keep them or trim them with their tests.
 * Per process: several app instances each keep their own, which is fine for values that
 * may be a few seconds old by design.
 */
export interface TtlCacheOptions<V> {
  ttlMs: number;
  /**
   * For this long after `ttlMs`, an expired value is still answered while one caller reloads
   * it in the background (stale-while-revalidate), so a popular key never makes anyone wait.
   */
  staleMs?: number;
  maxEntries: number;
  /** Defaults to no byte limit (every value counts 0). */
  maxBytes?: number;
  sizeOf?: (value: V) => number;
  /** Loaded values that must not be kept (an error page, a response that sets a cookie). */
  keep?: (value: V) => boolean;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  expires: number;
  bytes: number;
}

export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loading = new Map<string, Promise<V>>();
  private bytes = 0;

  constructor(private readonly options: TtlCacheOptions<V>) {}

  get size(): number {
    return this.entries.size;
  }

  /** The fresh value for `key`, if any; a hit moves it to the most recently used end. */
  get(key: string): V | undefined {
    const entry = this.lookup(key);
    return entry && entry.expires > this.now() ? entry.value : undefined;
  }

  /**
   * The cached value, else the one `load` gives (shared by every caller waiting for it). Within
   * the stale window the old value is answered and `load` runs once in the background.
   */
  async getOrLoad(key: string, load: () => Promise<V>): Promise<V> {
    if (this.options.ttlMs <= 0) return load();
    const entry = this.lookup(key);
    if (entry && entry.expires > this.now()) return entry.value;
    if (entry) {
      void this.reload(key, load).catch(() => {}); // the stale value stays until a load succeeds
      return entry.value;
    }
    return this.reload(key, load);
  }

  private reload(key: string, load: () => Promise<V>): Promise<V> {
    const pending = this.loading.get(key);
    if (pending) return pending;
    const started = load()
      .then((value) => {
        if (this.options.keep?.(value) ?? true) this.set(key, value);
        return value;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, started);
    return started;
  }

  /** The entry, fresh or within its stale window; older ones are dropped. Marks it recently used. */
  private lookup(key: string): Entry<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires + (this.options.staleMs ?? 0) <= this.now()) {
      this.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, value: V): void {
    const bytes = this.options.sizeOf?.(value) ?? 0;
    const maxBytes = this.options.maxBytes ?? Infinity;
    if (bytes > maxBytes) return;
    this.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.options.ttlMs, bytes });
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Forgets everything (a write that every cached value may depend on). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
