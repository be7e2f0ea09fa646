/**
 * Token buckets, one per key (a client address): each holds up to `burst` tokens and gains
 * `perMinute` a minute; a request takes one. Pure and in memory, so per process: with several
 * instances behind a load balancer each keeps its own buckets, and a client may get that many
 * times the rate (README, "Rate limits").
 */
export interface BucketOptions {
  perMinute: number;
  burst: number;
  /** Most keys kept; beyond it the longest-untouched go (they would be nearly full anyway). */
  maxKeys?: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: BucketOptions) {}

  /** Takes a token for `key`: 0 if there was one, else the whole seconds until there will be. */
  take(key: string, now = Date.now()): number {
    const perMs = this.options.perMinute / 60_000;
    const kept = this.buckets.get(key);
    const tokens = kept ? Math.min(this.options.burst, kept.tokens + Math.max(0, now - kept.at) * perMs) : this.options.burst;
    // Delete and set again: the Map's order is then least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens >= 1 ? tokens - 1 : tokens, at: now });
    if (this.buckets.size > (this.options.maxKeys ?? 100_000)) this.buckets.delete(this.buckets.keys().next().value!);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
  }
}
