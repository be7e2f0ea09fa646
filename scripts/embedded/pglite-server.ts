/**
 * Embedded PostgreSQL for a newcomer's machine: PGlite (real Postgres compiled to WASM)
 * keeps its cluster in a plain directory and is served on a loopback TCP port through
 * @electric-sql/pglite-socket, so the app's ordinary `pg` / @prisma/adapter-pg code talks
 * to it with a normal DATABASE_URL, exactly as it would to a Postgres server.
 *
 * scripts/up.ts starts it when no DATABASE_URL is set.
 *
 * What this is not: a Postgres with many backends. PGlite is ONE backend session shared
 * by every socket connection, so:
 *   - transactions from different connections are serialized (one at a time, whole);
 *   - a connection that waits, inside its transaction, for another connection's query
 *     waits forever (the app must run all of a transaction's work on its tx client);
 *   - session state is shared: SET, temp tables, named prepared statements (a second
 *     connection preparing the same name fails) and session advisory locks
 *     (pg_try_advisory_lock succeeds on every connection, so it excludes nothing; only
 *     pg_advisory_xact_lock inside a transaction behaves, because transactions are serial).
 * No in-process `db.query()` while the server runs: it would bypass the socket queue and
 * land in the middle of a client's transaction.
 */
import { link, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgresOptions {
  /** Directory of the PGlite cluster; created (initdb, several seconds) when missing. */
  dataDir: string;
  /** TCP port; 0 (the default) lets the OS pick a free one, so a local Postgres on 5432 never clashes. */
  port?: number;
  /** Bind address; loopback only unless you mean it. */
  host?: string;
  /**
   * Socket connections accepted at once. pglite-socket's own default is 1, which makes every
   * second pg connection die with "Connection terminated unexpectedly" (the server writes a
   * bare "Too many connections" line, not a protocol error). A few dozen costs nothing:
   * all connections share the one backend anyway.
   */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** postgresql://… for pg / @prisma/adapter-pg; sslmode=disable because the server refuses SSL. */
  url: string;
  /** Closes client sockets, the listener and the database, then releases the data-dir lock. Idempotent. */
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  // PGlite has no postmaster.pid: two processes opening one directory both "work" and
  // silently overwrite each other (measured: one run's rows vanished). So we lock it ourselves.
  const lock = await acquireLock(`${dataDir}.lock`);
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    db = await PGlite.create({ dataDir });
    keepExtendedQueryOnOneConnection(db);
    server = new PGLiteSocketServer({
      db,
      host: options.host ?? "127.0.0.1",
      port: options.port ?? 0,
      maxConnections: options.maxConnections ?? 32,
    });
    await server.start();
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await lock.release();
    throw error;
  }
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  await lock.note(url);

  let stopping: Promise<void> | undefined;
  const running = { db, server };
  return {
    url,
    stop: () =>
      (stopping ??= (async () => {
        await running.server.stop();
        // stop() starts each handler's detach (which may ROLLBACK a client's open
        // transaction) without awaiting it; give those a turn before the database closes.
        await new Promise((resolve) => setTimeout(resolve, 50));
        await running.db.close();
        await lock.release();
      })()),
  };
}

/**
 * pglite-socket multiplexes connections per protocol MESSAGE and keeps one connection's
 * messages together only while `db.isInTransaction()` — i.e. inside BEGIN…COMMIT. node-postgres
 * and Prisma send every parameterized query as Parse/Bind/Describe/Execute/Sync on the shared
 * unnamed statement; when a message spans TCP reads (any parameter over ~64 KB), another
 * connection's Parse slips in between and the first connection binds to the wrong statement
 * (measured: "bind message supplies 2 parameters, but prepared statement "" requires 1").
 * So we also report "in transaction" from a connection's first extended-protocol message
 * until its Sync, which makes the queue hold that connection for the whole query.
 */
function keepExtendedQueryOnOneConnection(db: PGlite): void {
  const PARSE = 0x50,
    BIND = 0x42,
    DESCRIBE = 0x44,
    EXECUTE = 0x45,
    CLOSE = 0x43,
    FLUSH = 0x48;
  const SYNC = 0x53,
    QUERY = 0x51;
  const extendedMessages = new Set([PARSE, BIND, DESCRIBE, EXECUTE, CLOSE, FLUSH]);
  let extendedOpen = false;

  const isInTransaction = db.isInTransaction.bind(db);
  const execProtocolRawStream = db.execProtocolRawStream.bind(db);
  const execProtocolRaw = db.execProtocolRaw.bind(db);
  const exec = db.exec.bind(db);

  db.isInTransaction = () => extendedOpen || isInTransaction();
  db.execProtocolRawStream = (message, streamOptions) => {
    const type = message[0];
    if (type !== undefined && extendedMessages.has(type)) extendedOpen = true;
    else if (type === SYNC || type === QUERY) extendedOpen = false;
    return execProtocolRawStream(message, streamOptions);
  };
  // The socket server calls db.exec("ROLLBACK") when a client disconnects mid-transaction.
  // If it died between Parse and Sync, first end that half-sent query the way Postgres would
  // on a lost connection: ROLLBACK aborts its implicit transaction, and Sync clears the
  // "skip until Sync" state the backend is in if the query had already failed.
  db.exec = async (query, queryOptions) => {
    if (extendedOpen) {
      extendedOpen = false;
      await execProtocolRaw(frontendMessage(QUERY, "ROLLBACK\0"));
      await execProtocolRaw(frontendMessage(SYNC, ""));
    }
    return exec(query, queryOptions);
  };
}

function frontendMessage(type: number, body: string): Uint8Array {
  const payload = new TextEncoder().encode(body);
  const message = new Uint8Array(5 + payload.length);
  message[0] = type;
  new DataView(message.buffer).setInt32(1, 4 + payload.length);
  message.set(payload, 5);
  return message;
}

interface Lock {
  note(url: string): Promise<void>;
  release(): Promise<void>;
}

/** A lock file beside the data dir holding our pid (and, once listening, the URL for other tools). */
async function acquireLock(file: string): Promise<Lock> {
  // Written to a private file first and then hard-linked into place: link() fails with
  // EEXIST atomically, so a rival never sees the lock file half-written (empty = stale).
  const draft = `${file}.${process.pid}`;
  await writeFile(draft, JSON.stringify({ pid: process.pid }) + "\n");
  try {
    await takeLock(draft, file);
  } finally {
    await rm(draft, { force: true });
  }
  return {
    note: (url) => writeLockAtomically(file, JSON.stringify({ pid: process.pid, url }) + "\n"),
    release: () => rm(file, { force: true }),
  };
}

async function takeLock(draft: string, file: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await link(draft, file);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const holder = await readLock(file);
      if (holder !== undefined && processIsAlive(holder.pid)) {
        throw new Error(`${file}: the embedded database is already open by pid ${holder.pid}` + (holder.url ? ` at ${holder.url} (set DATABASE_URL to that to share it)` : ""));
      }
      await rm(file, { force: true }); // left by a process that was killed; safe to take over
    }
  }
}

async function writeLockAtomically(file: string, content: string): Promise<void> {
  const draft = `${file}.${process.pid}`;
  await writeFile(draft, content);
  await rename(draft, file);
}

async function readLock(file: string): Promise<{ pid: number; url?: string } | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
    if (typeof parsed === "object" && parsed !== null && "pid" in parsed && typeof parsed.pid === "number") {
      const url = "url" in parsed && typeof parsed.url === "string" ? parsed.url : undefined;
      return { pid: parsed.pid, url };
    }
  } catch {
    // unreadable: treat as stale (never half-written, see acquireLock)
  }
  return undefined;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
