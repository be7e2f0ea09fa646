/**
 * Where the log's public reads (lib/server/log-http) go. Plain `pg` rather than Prisma: these few
 * queries run outside Next, in server.mjs, and Prisma's per-query overhead is most of their
 * cost. The same limits as the web server's Prisma pool (lib/server/db/client.ts), so a slow database
 * answers 503 with Retry-After here too rather than hanging the request.
 *
 * With a read replica (DATABASE_READ_URL) each query goes where the process's read router sends
 * it (lib/server/db/read-routing.mjs, the same router and rule as the pages' readDb()): to the replica
 * when it has replayed everything the primary had written when the query began, else to the
 * primary (docs/read-replicas.md). Chosen per query, never once and kept.
 */
import pg from "pg";
import { env } from "@/lib/server/env";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "@/lib/server/db/database-unavailable";
import { readRouter } from "@/lib/server/db/read-routing.mjs";

/** What the fast path needs of a database: one query at a time, rows back. */
export interface PublicReads {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** The primary, or the primary and the replica behind the read router. */
export function publicReads(): PublicReads {
  const { DATABASE_URL, DATABASE_READ_URL, DATABASE_READ_MAX_WAIT_MS } = env();
  const primary = pool(DATABASE_URL, () => {});
  const router = readRouter(DATABASE_URL, DATABASE_READ_URL, DATABASE_READ_MAX_WAIT_MS);
  if (!router) return primary;
  const replica = pool(DATABASE_READ_URL!, (error) => router.noteReplicaError(error));
  return {
    async query<R extends pg.QueryResultRow>(text: string, values?: unknown[]) {
      if ((await router.choose()) === "primary") return primary.query<R>(text, values);
      try {
        return await replica.query<R>(text, values);
      } catch (error) {
        // A replica gone away sends the next reads to the primary; this one fails as it would have.
        router.noteReplicaError(error);
        throw error;
      }
    },
  };
}

/** A pool under DB_STATEMENT_TIMEOUT_MS and DB_ACQUIRE_TIMEOUT_MS, as the server's own. */
function pool(connectionString: string, onError: (error: unknown) => void): pg.Pool {
  const { DB_STATEMENT_TIMEOUT_MS, DB_ACQUIRE_TIMEOUT_MS } = env();
  const created = new pg.Pool({
    connectionString,
    max: 4,
    connectionTimeoutMillis: DB_ACQUIRE_TIMEOUT_MS,
    statement_timeout: DB_STATEMENT_TIMEOUT_MS,
  });
  // An idle client's error (the server restarted) must not end the process; the next query reconnects.
  created.on("error", (error) => {
    onError(error);
    if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
  });
  return created;
}
