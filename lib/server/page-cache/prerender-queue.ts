/**
 * The pages waiting to be pre-rendered after a commit: each notice's page in both languages,
 * newest first, at most `max` waiting. Publishing thousands of notices at once must not build a
 * queue that keeps the server rendering for an hour: when it is full, the oldest waiting pages
 * are dropped (their first visitor renders them, as without pre-rendering). Pure.
 */
export const PRERENDER_LOCALES = ["zh-CN", "en"] as const;

export class PrerenderQueue {
  private readonly waiting: string[] = [];

  constructor(private readonly max: number) {}

  /** Adds the pages of `noticeIds` (newest first) ahead of what waits; returns how many were dropped. */
  add(noticeIds: readonly string[]): number {
    const paths = noticeIds.flatMap((id) => PRERENDER_LOCALES.map((locale) => `/${locale}/n/${id}`));
    const fresh = paths.filter((p) => !this.waiting.includes(p));
    this.waiting.unshift(...fresh);
    const dropped = Math.max(0, this.waiting.length - this.max);
    this.waiting.length -= dropped;
    return dropped;
  }

  next(): string | undefined {
    return this.waiting.shift();
  }

  get size(): number {
    return this.waiting.length;
  }
}
