/**
 * The one writer of the API's error body, {error:{code,message}} (plus `problems` for refused
 * parameters). Plain JavaScript because server.mjs's request guard (lib/server/http/request-guard.mjs)
 * answers before Next runs; route handlers reach it through lib/server/api/respond.ts's errorResponse.
 * The codes and their statuses are lib/server/api/error-codes.ts's.
 */
export function errorBody(code, message, problems) {
  return JSON.stringify({ error: problems === undefined ? { code, message } : { code, message, problems } });
}
