import "server-only";
/** Shapes route-handler answers: JSON bodies, cache headers, and the {error:{code,message}} form. */
import { ApiError, ParamProblems } from "./errors";
import { errorBody } from "./error-body.mjs";
import { isDatabaseUnavailable, noteDatabaseUnavailable, RETRY_AFTER_SECONDS } from "@/lib/server/db/database-unavailable";

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

/** The one place a thrown error becomes an HTTP answer: its code's status, the body of lib/server/api/error-body.mjs. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return refusal(error);
  if (isDatabaseUnavailable(error)) {
    // Saturated or away, not broken: the client should come back shortly (RFC 9110 §15.6.4).
    noteDatabaseUnavailable();
    return refusal(new ApiError("unavailable", "The portal is busy; try again in a few seconds.", RETRY_AFTER_SECONDS));
  }
  console.error("unexpected error in API handler", error);
  return refusal(new ApiError("internal-error", "An unexpected error occurred."));
}

function refusal(error: ApiError): Response {
  const answer = new Response(errorBody(error.code, error.message, error instanceof ParamProblems ? error.problems : undefined), {
    status: error.status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
  if (error.retryAfterSeconds !== undefined) answer.headers.set("Retry-After", String(error.retryAfterSeconds));
  return answer;
}

/** Runs a handler body, turning any thrown error into the standard error answer. */
export async function handle(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    return errorResponse(error);
  }
}
