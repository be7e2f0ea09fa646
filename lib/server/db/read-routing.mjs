/**
 * Which database answers a public read: the streaming replica (DATABASE_READ_URL) when it has
 * replayed at least as far as the primary had written when the read began, else the primary
 * (docs/read-replicas.md).
 *
 * The rule: before each public read the primary's WAL insert position is read (one tiny query,
 * coalesced: every read waiting at once shares the next one, which starts after they all
 * arrived). Every commit visible on the primary at that moment lies below that position, so a
 * replica that has replayed past it shows all of them: the read sees everything committed before
 * it began, as it would on the primary. A request starts after the visitor's previous one ended,
 * so a visitor (or an API client keeping no cookies, or a chain of requests spread over several
 * servers) never sees an older version after a newer one, and a clerk redirected to the notice
 * they just published sees it.
 *
 * The replica's replay position is kept per process and asked again only when the kept one is
 * behind what a read needs: replay only moves forward, so a kept position is a safe lower bound
 * for as long as the replica stays up. While the primary writes nothing, reads cost no query on
 * the replica at all. A read the replica cannot serve yet waits up to DATABASE_READ_MAX_WAIT_MS
 * for it (asking again every few milliseconds), then goes to the primary. A replica that fails
 * (refused connection, shut down, not a standby) is left alone for a few seconds, and its kept
 * position is forgotten: a restarted standby may briefly show less than it did before.
 *
 * Plain JavaScript (with read-routing.d.mts): server.mjs may route its own reads with the same
 * process-wide router as the Next code (readRouter below keeps one per process on globalThis).
 */
import pg from "pg";
import { coalesced } from "../cache/coalesced.mjs";

/** How long a failed replica is left alone before it is tried again, in milliseconds. */
export const REPLICA_RETRY_MS = 5_000;
/** Between two asks of the replica's position while a read waits for it, in milliseconds. */
const POLL_MS = 2;
/** A position read is one tiny query; a second means the server is in trouble. */
const POSITION_TIMEOUT_MS = 1_000;

/** A pg_lsn ("16/B374D848") as a number that orders as the position does. */
export function parseLsn(text) {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? "");
  if (!match) throw new Error(`not a WAL position: ${JSON.stringify(text)}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/**
 * Errors that say the replica itself is away (rather than one query failing): a connection
 * that could not be made or was lost (Node's E… codes, class 08), the server shutting down or
 * restarting (class 57P), or no standby at the URL.
 */
export function replicaIsAway(error) {
  let e = error;
  for (let depth = 0; depth < 4 && e && typeof e === "object"; depth++) {
    const code = typeof e.code === "string" ? e.code : "";
    if (/^E[A-Z]+$/.test(code) || code.startsWith("08") || code.startsWith("57P")) return true;
    if (typeof e.message === "string" && /Connection terminated|not a standby|timeout exceeded when trying to connect/.test(e.message)) return true;
    e = e.meta?.driverAdapterError ?? e.cause;
  }
  return false;
}

export class ReadRouter {
  /**
   * primaryPosition and replicaPosition answer a pg_lsn as text (replicaPosition: null when the
   * server is not a standby). Tests and server.mjs may give their own; readRouter() below gives
   * small pools of their own.
   */
  constructor({ primaryPosition, replicaPosition, maxWaitMs, log = (line) => console.error(line), now = () => Date.now() }) {
    this.primaryPosition = coalesced(async () => parseLsn(await primaryPosition()));
    this.replicaPosition = coalesced(async () => {
      const text = await replicaPosition();
      if (text === null || text === undefined) throw new Error("DATABASE_READ_URL is not a standby (pg_last_wal_replay_lsn() is null)");
      return parseLsn(text);
    });
    this.maxWaitMs = maxWaitMs;
    this.log = log;
    this.now = now;
    /** The replica's replay position as last seen (a lower bound while it stays up), or -1. */
    this.known = -1n;
    this.awayUntil = 0;
    this.counts = { replica: 0, primary: 0 };
  }

  /** "replica" or "primary": who answers a read starting now (see the file's comment). */
  async choose() {
    const choice = await this.decide();
    this.counts[choice]++;
    return choice;
  }

  async decide() {
    if (this.now() < this.awayUntil) return "primary";
    let floor;
    try {
      floor = await this.primaryPosition();
    } catch {
      // The primary cannot say where it is: the read goes there and fails or succeeds as it
      // would without a replica (a replica cannot be shown to be recent enough).
      return "primary";
    }
    if (this.known >= floor) return "replica";
    const deadline = this.now() + this.maxWaitMs;
    for (;;) {
      try {
        const position = await this.replicaPosition();
        if (position > this.known) this.known = position;
      } catch (error) {
        this.away(error);
        return "primary";
      }
      if (this.known >= floor) return "replica";
      if (this.now() >= deadline) return "primary";
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** The replica failed: primary only for REPLICA_RETRY_MS, and its position must be read anew. */
  away(error) {
    const first = this.now() >= this.awayUntil;
    this.awayUntil = this.now() + REPLICA_RETRY_MS;
    this.known = -1n;
    if (first) this.log(`gongshi: read replica unavailable, reading from the primary for ${REPLICA_RETRY_MS / 1000} s: ${error?.message ?? error}`);
  }

  /** For the replica's own connections: a failure that means the replica is away marks it so. */
  noteReplicaError(error) {
    if (replicaIsAway(error)) this.away(error);
  }
}

/** A small pool of its own: position reads must not wait behind page renders for a connection. */
function positionPool(connectionString, name, timeoutMs) {
  const pool = new pg.Pool({
    connectionString,
    max: 2,
    application_name: name,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
  });
  // An idle connection the server drops must not take the process down; the next read reconnects.
  pool.on("error", () => {});
  return pool;
}

/**
 * The router between primaryUrl and replicaUrl with its own position pools. Insert position,
 * not flush position: with synchronous_commit off a commit is visible before its WAL is flushed,
 * and it is inserted before it is visible either way. A position read that takes longer than
 * positionTimeoutMs counts as failed: the read goes to the primary.
 */
export function createReadRouter(primaryUrl, replicaUrl, maxWaitMs, positionTimeoutMs = POSITION_TIMEOUT_MS) {
  const primary = positionPool(primaryUrl, "gongshi read position", positionTimeoutMs);
  const replica = positionPool(replicaUrl, "gongshi replay position", positionTimeoutMs);
  const router = new ReadRouter({
    primaryPosition: async () => (await primary.query("SELECT pg_current_wal_insert_lsn()::text AS lsn")).rows[0].lsn,
    replicaPosition: async () => (await replica.query("SELECT pg_last_wal_replay_lsn()::text AS lsn")).rows[0].lsn,
    maxWaitMs,
  });
  router.end = () => Promise.all([primary.end(), replica.end()]);
  return router;
}

const holder = globalThis;

/**
 * The process's router, or null without a replica. Kept on globalThis: the Next bundles and
 * server.mjs each load this file, and one process must keep one replay position.
 */
export function readRouter(primaryUrl, replicaUrl, maxWaitMs) {
  if (!replicaUrl) return null;
  holder.gongshiReadRouter ??= createReadRouter(primaryUrl, replicaUrl, maxWaitMs);
  return holder.gongshiReadRouter;
}
