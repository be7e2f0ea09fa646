/**
 * One error type with a code, and one map from code to HTTP status (dub's lib/api/errors.ts).
 * Services throw ApiError for anything a visitor or client can cause; everything else is
 * unexpected and reaches the visitor only as a generic message (details go to the server log).
 */
export const ERROR_STATUS = {
  "bad-request": 400,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "payload-too-large": 413,
  "rate-limited": 429,
  "internal-error": 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

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

export const badRequest = (message: string) => new ApiError("bad-request", message);
export const notFound = (message: string) => new ApiError("not-found", message);
