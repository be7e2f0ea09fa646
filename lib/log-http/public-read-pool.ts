/**
 * The connection pool the log's public reads use (lib/log-http). Plain `pg` rather than Prisma:
 * these few queries run outside Next, in server.mjs, and Prisma's per-query overhead is most of
 * their cost. The same limits as the web server's Prisma pool (lib/db/client.ts), so a slow
 * database answers 503 with Retry-After here too rather than hanging the request.
 */
import pg from "pg";
import { env } from "@/lib/env";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "@/lib/db/database-unavailable";

/**
 * The one place that decides where public log reads go. Everything they read is immutable once
 * committed or only ever grows, so a read replica (say DATABASE_READ_URL) could serve them;
 * today they read the primary through the app role.
 */
export function publicReadDatabaseUrl(): string {
  return env().DATABASE_URL;
}

/** The pool, under DB_STATEMENT_TIMEOUT_MS and DB_ACQUIRE_TIMEOUT_MS as the server's own. */
export function publicReadPool(): pg.Pool {
  const { DB_STATEMENT_TIMEOUT_MS, DB_ACQUIRE_TIMEOUT_MS } = env();
  const pool = new pg.Pool({
    connectionString: publicReadDatabaseUrl(),
    max: 4,
    connectionTimeoutMillis: DB_ACQUIRE_TIMEOUT_MS,
    statement_timeout: DB_STATEMENT_TIMEOUT_MS,
  });
  // An idle client's error (the server restarted) must not end the process; the next query reconnects.
  pool.on("error", (error) => {
    if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
  });
  return pool;
}
