/**
 * When proxy.ts refuses to render a public page now, and the answer it sends instead
 * (lib/server/pages/overload-page.ts). Asked only for renders: a page the cache holds is always served.
 *   - the database timed out in the last few seconds: 503, so that new renders do not queue
 *     behind a full pool (lib/server/db/database-unavailable.ts);
 *   - a page with a query string (a search, or any unique URL that misses the cache) from a
 *     client over its search limit: 429 (lib/server/rate-limit/rate-limits.ts).
 */
import { databaseRecentlyUnavailable, RETRY_AFTER_SECONDS } from "@/lib/server/db/database-unavailable";
import { overloadPage } from "@/lib/server/pages/overload-page";
import { held, takeRateLimit } from "@/lib/server/rate-limit/rate-limits";

interface PageRequest {
  headers: Headers;
  nextUrl: { pathname: string; searchParams: URLSearchParams };
}

/** The 503 page while the database is saturated, else null. */
export function busyRefusal(request: PageRequest): Response | null {
  return databaseRecentlyUnavailable() ? overloadPage(request.nextUrl.pathname, "busy", RETRY_AFTER_SECONDS) : null;
}

/** The answer instead of a render (503, then 429), or null: render. Counts the render against the limit. */
export function renderRefusal(request: PageRequest): Response | null {
  const busy = busyRefusal(request);
  if (busy) return busy;
  // A prefetch is the router guessing, not the visitor asking; `_rsc` only busts caches.
  if (request.headers.get("next-router-prefetch") !== null) return null;
  if (![...request.nextUrl.searchParams.keys()].some((name) => name !== "_rsc")) return null;
  const wait = takeRateLimit("search", request.headers);
  return wait > 0 ? overloadPage(request.nextUrl.pathname, "limited", wait) : null;
}

/** The refusal as it is sent: a 429 is held a moment (lib/server/rate-limit/rate-limits.ts, REFUSAL_HOLD_MS), a 503 goes at once. */
export function sendRefusal(refusal: Response): Promise<Response> {
  return refusal.status === 429 ? held(refusal) : Promise.resolve(refusal);
}
