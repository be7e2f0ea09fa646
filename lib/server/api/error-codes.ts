/**
 * Every error code the API answers with, and its one HTTP status. Kept apart from the zod
 * schemas of lib/server/api/contract.ts (which builds its enum from this list) so that code throwing
 * an ApiError, such as the log's fast path (lib/server/log-http), does not load zod.
 */
export const ERROR_STATUS = {
  "bad-request": 400,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  "rate-limited": 429,
  "internal-error": 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
