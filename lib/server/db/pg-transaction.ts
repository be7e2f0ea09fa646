import "server-only";
/**
 * A transaction on one connection of a Prisma client's own pg pool, run through `pg` directly.
 * For the log committer: Prisma's raw-query path sends a `bytea[]` of 10,000 leaves about 1.5×
 * slower than `pg` does, and the bulk insert must share the transaction with everything else
 * the round does, so the whole round runs here. The runner has the two raw-query methods of a
 * Prisma transaction and returns what Prisma would: int8 as bigint, bytea as Uint8Array (a
 * Buffer), timestamptz as Date, json as parsed values. So the same query helpers serve both.
 */
import pg from "pg";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { pgPoolOf } from "./client";

export interface PgRunner {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface PgTransactionOptions {
  isolationLevel: "READ COMMITTED" | "REPEATABLE READ" | "SERIALIZABLE";
  /** Bounds each statement (SET LOCAL statement_timeout) and the whole transaction, as Prisma's `timeout` did. */
  timeoutMs: number;
}

/** int8 as bigint, as Prisma returns it (pg's default is a string). */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (text: string) => BigInt(text) : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};

export class TransactionTimeoutError extends Error {}

export async function pgTransaction<T>(prisma: PrismaClient, options: PgTransactionOptions, fn: (sql: PgRunner) => Promise<T>): Promise<T> {
  const client = await pgPoolOf(prisma).connect();
  const started = performance.now();
  const sql: PgRunner = {
    async $queryRawUnsafe<R>(text: string, ...values: unknown[]) {
      return (await client.query({ text, values, types })).rows as R;
    },
    async $executeRawUnsafe(text: string, ...values: unknown[]) {
      return (await client.query({ text, values, types })).rowCount ?? 0;
    },
  };
  let broken: Error | undefined;
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${options.isolationLevel}`);
    // A process that stalls between statements must not hold the transaction (and its locks)
    // open for ever: the server ends the session, which rolls it back.
    await client.query(`SET LOCAL statement_timeout = ${options.timeoutMs}`);
    await client.query(`SET LOCAL idle_in_transaction_session_timeout = ${options.timeoutMs}`);
    const result = await fn(sql);
    if (performance.now() - started > options.timeoutMs) throw new TransactionTimeoutError(`transaction took longer than ${options.timeoutMs} ms`);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    try {
      await client.query("ROLLBACK");
    } catch (rollbackError) {
      // The connection is unusable (ended by the server, or broken): drop it from the pool.
      broken = rollbackError as Error;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
