import "server-only";
/** Shapes route-handler answers: JSON bodies, cache headers, and the {error:{code,message}} form. */
import { ApiError } from "./errors";
import { isDatabaseUnavailable, noteDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/db/database-unavailable";

/** For answers that can never change (an entry, a proof for a fixed size, a full tile). */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** For the log's head: C2SP asks that it not be cached beyond a few seconds. */
export const SHORT = "public, max-age=2, must-revalidate";

export function json(body: unknown, cache = SHORT, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": cache },
  });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    const answer = json({ error: { code: error.code, message: error.message } }, "no-store", error.status);
    if (error.retryAfterSeconds !== undefined) answer.headers.set("Retry-After", String(error.retryAfterSeconds));
    return answer;
  }
  if (isDatabaseUnavailable(error)) {
    // Saturated or away, not broken: the client should come back shortly (RFC 9110 §15.6.4).
    noteDatabaseUnavailable();
    const busy = json({ error: { code: "unavailable", message: "The portal is busy; try again in a few seconds." } }, "no-store", 503);
    busy.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
    return busy;
  }
  console.error("unexpected error in API handler", error);
  return json({ error: { code: "internal-error", message: "An unexpected error occurred." } }, "no-store", 500);
}

/** Runs a handler body, turning any thrown error into the standard error answer. */
export async function handle(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    return errorResponse(error);
  }
}
