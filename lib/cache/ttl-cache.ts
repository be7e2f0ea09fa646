/**
 * A small in-process cache: entries live `ttlMs`, at most `maxEntries` and `maxBytes` are
 * kept (least recently used first out), and concurrent loads of one key share a single
 * load, so fifty requests for the same cold page or count cause one render or one query.
 *
 * Pure (no I/O, no secrets). Used for search counts (lib/search/count-cache.ts) and rendered
 * public pages (lib/page-cache/page-cache.ts).
 * Per process: several app instances each keep their own. Both callers tie each entry to the
 * database's content generation (in the key, or kept with the page and checked on every use),
 * so an entry is never answered after a change it predates.
 */
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
    return this.lookup(key)?.value;
  }

  /** The cached value, else the one `load` gives (shared by every caller waiting for it). */
  async getOrLoad(key: string, load: () => Promise<V>): Promise<V> {
    if (this.options.ttlMs <= 0) return load();
    const entry = this.lookup(key);
    if (entry) return entry.value;
    return this.load(key, load);
  }

  private load(key: string, load: () => Promise<V>): Promise<V> {
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

  /** The fresh entry; an expired one is dropped. Marks it recently used. */
  private lookup(key: string): Entry<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
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
