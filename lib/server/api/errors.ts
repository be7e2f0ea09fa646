/**
 * The domain error: one type with a code (dub's lib/server/api/errors.ts), whose HTTP status is the
 * code's in lib/server/api/error-codes.ts. Services throw ApiError for anything a visitor or client can
 * cause; lib/server/api/respond.ts's errorResponse is the one place that turns it into an answer.
 * Everything else is unexpected and reaches the visitor only as a generic message (details go
 * to the server log).
 */
import { ERROR_STATUS, type ErrorCode } from "./error-codes";
import type { ParamProblem } from "./contract";

export { ERROR_STATUS, type ErrorCode };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Sent as Retry-After (429, 503): the seconds after which the client may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Search, feed and export parameters refused: a 400 whose body also lists each problem. */
export class ParamProblems extends ApiError {
  constructor(readonly problems: readonly ParamProblem[]) {
    super("bad-request", problems.map((p) => `${p.param}: ${p.message} (got "${p.value}")`).join("; "));
  }
}

export const badRequest = (message: string) => new ApiError("bad-request", message);
export const notFound = (message: string) => new ApiError("not-found", message);
