/**
 * The per-client limits on the public requests that cost the database the most and that no
 * cache answers (README, "Rate limits"):
 *   search    a page with a query string the page cache does not hold (proxy.ts), the search
 *             API, feeds of a search, the CSV export
 *   download  proof bundles and tlog proofs
 * Keyed on the address server.mjs decided (lib/server/auth/request-origin.ts). Requests without one
 * (only outside server.mjs) share one bucket. The buckets live on globalThis: proxy.ts and
 * the route handlers are bundled apart but must count against the same buckets.
 */
import { requestOrigin } from "@/lib/server/auth/request-origin";
import { ApiError } from "@/lib/server/api/errors";
import { rateLimitEnv } from "@/lib/server/env";
import { TokenBuckets } from "./token-buckets";

export type RateLimitName = "search" | "download";

const holder = globalThis as unknown as { gongshiRateLimits?: Record<RateLimitName, TokenBuckets | null> };

function limits(): Record<RateLimitName, TokenBuckets | null> {
  if (holder.gongshiRateLimits) return holder.gongshiRateLimits;
  const { RATE_LIMIT_SEARCH_PER_MINUTE: search, RATE_LIMIT_DOWNLOAD_PER_MINUTE: download, RATE_LIMIT_BURST: burst } = rateLimitEnv();
  holder.gongshiRateLimits = {
    search: search > 0 ? new TokenBuckets({ perMinute: search, burst }) : null,
    download: download > 0 ? new TokenBuckets({ perMinute: download, burst }) : null,
  };
  return holder.gongshiRateLimits;
}

/** Counts one request: 0 if the client may go on, else the seconds it should wait (Retry-After). */
export function takeRateLimit(name: RateLimitName, headers: Headers): number {
  return limits()[name]?.take(requestOrigin(headers).ip ?? "unknown") ?? 0;
}

/**
 * How long a refusal is held before it is sent. A client that honours Retry-After waits longer
 * anyway; a script that asks again at once is slowed to a few requests a second per connection,
 * so that even answering it 429 does not take a noticeable share of the server from everyone
 * else (docs/performance.md: without the hold, a refused client on four connections still
 * doubled other visitors' p95). A held answer costs a timer and an open socket, no work.
 */
export const REFUSAL_HOLD_MS = 1_000;

/** Resolves after REFUSAL_HOLD_MS, to `answer`. */
export async function held<T>(answer: T): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, REFUSAL_HOLD_MS));
  return answer;
}

/** For route handlers (inside lib/server/api/respond.ts's handle): throws the 429, held, when over the limit. */
export async function enforceRateLimit(name: RateLimitName, request: Request): Promise<void> {
  const wait = takeRateLimit(name, request.headers);
  if (wait > 0) throw await held(new ApiError("rate-limited", `too many requests from this address; try again in ${wait} s`, wait));
}
