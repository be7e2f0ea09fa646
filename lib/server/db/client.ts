import "server-only";
/** One Prisma client per process (each holds a connection pool), through the pg driver adapter. */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/server/db/generated/client";
import { databaseUrl, env } from "@/lib/server/env";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "./database-unavailable";

const globalForPrisma = globalThis as unknown as { gongshiPrisma?: PrismaClient; gongshiCommandLine?: boolean };

/**
 * How long one statement may run and how long a caller waits for a free connection (0: no
 * limit). Without them one slow class of query held all ten connections and every other page
 * waited behind it (22 s in the review); with them the slow query is cancelled, its transaction
 * rolls back, and the waiters get 503 with Retry-After instead of a hung page.
 */
export interface PoolLimits {
  statementTimeoutMs: number;
  acquireTimeoutMs: number;
  /** Connections in the pool (pg's default: 10). */
  max?: number;
}

/** No limits: benchmarks and tests that build their own client, unless they pass some. */
const UNLIMITED: PoolLimits = { statementTimeoutMs: 0, acquireTimeoutMs: 0 };

/**
 * `onError` sees every failed connection and query of the pool; by default time-outs are noted
 * for the proxy (lib/server/db/database-unavailable.ts). The replica's pool (lib/server/db/read-db.ts) passes
 * its own.
 */
export function createPrisma(connectionString: string, limits: PoolLimits = UNLIMITED, onError: (error: unknown) => void = noteTimeouts): PrismaClient {
  const pool = new pg.Pool({
    connectionString,
    max: limits.max,
    connectionTimeoutMillis: limits.acquireTimeoutMs,
    // Set per connection at start-up; a transaction that needs longer says so with SET LOCAL
    // (the log committer, lib/server/log-service/commit-pending.ts).
    statement_timeout: limits.statementTimeoutMs,
  });
  // Also the pool's "error" listener: a connection the server ends while it sits idle (a restart,
  // a terminated backend) would otherwise end the process, and the committer may use the pool
  // before Prisma has connected and listened (lib/server/db/pg-transaction.ts).
  watchForErrors(pool, onError);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

/** Each client's own pool, so work that Prisma's query path makes slow can use the same connections. */
const pools = new WeakMap<PrismaClient, pg.Pool>();

/** The pg pool under a client made by createPrisma (lib/server/db/pg-transaction.ts runs transactions on it). */
export function pgPoolOf(prisma: PrismaClient): pg.Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error("this Prisma client was not made by createPrisma: it has no pg pool");
  return pool;
}

function noteTimeouts(error: unknown): void {
  if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
}

/**
 * Shows `watch` each error the pool sees, whoever made the query: a page render's error never
 * reaches our code, but the proxy must still learn of a time-out (and lib/server/db/read-db.ts of a
 * replica gone away).
 */
function watchForErrors(pool: pg.Pool, watch: (error: unknown) => void): void {
  // An idle connection the server dropped (a restart, a replica stopped).
  pool.on("error", watch);
  const connect = pool.connect.bind(pool) as (callback?: (error: Error | undefined, ...rest: unknown[]) => void) => Promise<unknown> | undefined;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  Object.assign(pool, {
    connect(callback?: (error: Error | undefined, ...rest: unknown[]) => void) {
      if (callback) {
        return connect((error, ...rest) => {
          if (error) watch(error);
          callback(error, ...rest);
        });
      }
      return connect()!.catch((error: unknown) => {
        watch(error);
        throw error;
      });
    },
    query(...args: unknown[]) {
      const result = query(...args);
      if (result instanceof Promise) result.catch(watch);
      return result;
    },
  });
}

/** The web server's limits, from DB_STATEMENT_TIMEOUT_MS and DB_ACQUIRE_TIMEOUT_MS. */
export function serverPoolLimits(): PoolLimits {
  const { DB_STATEMENT_TIMEOUT_MS, DB_ACQUIRE_TIMEOUT_MS } = env();
  return { statementTimeoutMs: DB_STATEMENT_TIMEOUT_MS, acquireTimeoutMs: DB_ACQUIRE_TIMEOUT_MS };
}

/**
 * The process-wide client; kept on globalThis so Next's dev reloads do not open new pools.
 * In the web server it runs under serverPoolLimits(); scripts/load-env.ts marks a command-line
 * tool's process (a flag on globalThis, so a server it starts does not inherit it), which lifts
 * the statement limit (a reindex or an audit of the whole log may rightly run long).
 */
export function db(): PrismaClient {
  globalForPrisma.gongshiPrisma ??= createPrisma(databaseUrl(), globalForPrisma.gongshiCommandLine ? SCRIPT_LIMITS : serverPoolLimits());
  return globalForPrisma.gongshiPrisma;
}

/** Command-line tools: no statement limit, and a minute to get a connection. */
const SCRIPT_LIMITS: PoolLimits = { statementTimeoutMs: 0, acquireTimeoutMs: 60_000 };
