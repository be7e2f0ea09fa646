/**
 * "The database cannot serve this now": a statement that ran past its time-out, a wait for one
 * of the pool's connections that ran past its own, or a server refusing connections. Clients
 * get 503 with Retry-After for these (lib/server/api/respond.ts, proxy.ts), never 500: retrying a few
 * seconds later is the right reaction, and nothing about the request was wrong.
 *
 * The last time this process saw one is kept on globalThis (route handlers and proxy.ts are
 * bundled apart but share the process), so that for a few seconds after, the proxy answers new
 * page renders 503 at once instead of queueing them behind a pool that is already full.
 */

/** What a client is told to wait, and how long pages are refused after a time-out, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

/** pg-pool's error when no connection came free within connectionTimeoutMillis. */
const ACQUIRE_TIMEOUT_MESSAGE = "timeout exceeded when trying to connect";

/**
 * PostgreSQL's codes for "not now": query_canceled (statement_timeout), lock_not_available
 * (lock_timeout), too_many_connections, cannot_connect_now (starting up or shutting down).
 */
const UNAVAILABLE_CODES = new Set(["57014", "55P03", "53300", "57P03"]);

const holder = globalThis as unknown as { gongshiDatabaseUnavailableAt?: number };

/** Whether an error, as pg or Prisma (driver adapter) throws it, means the database is saturated or away. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e && typeof e === "object"; depth++) {
    const { code, message, meta, cause } = e as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === "string" && message.includes(ACQUIRE_TIMEOUT_MESSAGE)) return true;
    // Prisma's P2010 carries the driver's error as meta.driverAdapterError.cause { code, … }.
    e = meta?.driverAdapterError ?? cause;
  }
  return false;
}

/** Notes that the database just could not serve a request (see databaseRecentlyUnavailable). */
export function noteDatabaseUnavailable(now = Date.now()): void {
  holder.gongshiDatabaseUnavailableAt = now;
}

/** Whether this process saw the database time out within the last RETRY_AFTER_SECONDS. */
export function databaseRecentlyUnavailable(now = Date.now()): boolean {
  const at = holder.gongshiDatabaseUnavailableAt;
  return at !== undefined && now - at < RETRY_AFTER_SECONDS * 1000;
}
