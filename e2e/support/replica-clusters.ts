/**
 * A primary and its hot standby of their own, for e2e/replica/read-replica.spec.ts: two real
 * PostgreSQL clusters on ports 5440 (primary) and 5441 (standby), made with the machine's own
 * server binaries (initdb, pg_basebackup -R, pg_ctl), in a temporary directory removed afterwards.
 * The machine's cluster on 5432 is left alone: its pg_hba has no replication line, and the tests
 * must not change system configuration; initdb's own pg_hba trusts 127.0.0.1, replication included.
 *
 * PostgreSQL refuses to run as root, and CI runs as root: then every server command runs as the
 * postgres user (runuser), in a directory handed to that user.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export const REPLICA_PORTS = { primary: 5440, standby: 5441 } as const;
export const REPLICA_DATABASE = "gongshi_e2e_replica";

/** The newest PostgreSQL server binaries on the machine (Debian: /usr/lib/postgresql/<major>/bin), or PG_BIN. */
function serverBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "initdb"))) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("no PostgreSQL server binaries (initdb) under /usr/lib/postgresql; set PG_BIN");
  return path.join(root, newest, "bin");
}

const asRoot = process.getuid?.() === 0;

export class ReplicaClusters {
  readonly dir = mkdtempSync(path.join(tmpdir(), "gongshi-replica-"));
  private readonly bin = serverBin();
  private readonly primaryData = path.join(this.dir, "primary");
  private readonly standbyData = path.join(this.dir, "standby");
  private readonly running = new Set<string>();

  constructor() {
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      chownSync(this.dir, uid, gid);
    }
  }

  /** Superuser URLs (set-up and the test's own checks); the portal connects as the application role. */
  url(which: "primary" | "standby", database = REPLICA_DATABASE): string {
    return `postgresql://postgres@127.0.0.1:${REPLICA_PORTS[which]}/${database}`;
  }

  private run(tool: string, args: string[]): string {
    const command = path.join(this.bin, tool);
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    try {
      return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`${tool} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}${this.logs()}`);
    }
  }

  private logs(): string {
    return ["primary", "standby"]
      .map((name) => path.join(this.dir, `${name}.log`))
      .filter(existsSync)
      .map((file) => `\n--- ${path.basename(file)}:\n${readFileSync(file, "utf8").slice(-3000)}`)
      .join("");
  }

  private start(data: string, name: "primary" | "standby", extra: string[]): void {
    // Light settings for a throwaway pair: no fsync, small buffers, sockets in our own directory.
    const options = [`-p ${REPLICA_PORTS[name]}`, `-k ${this.dir}`, "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c shared_buffers=32MB", ...extra];
    this.run("pg_ctl", ["start", "-D", data, "-w", "-t", "60", "-l", path.join(this.dir, `${name}.log`), "-o", options.join(" ")]);
    this.running.add(data);
  }

  /** initdb and start the primary (wal_level replica, WAL senders on). */
  startPrimary(): void {
    this.run("initdb", ["-D", this.primaryData, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    this.start(this.primaryData, "primary", ["-c wal_level=replica", "-c max_wal_senders=4"]);
  }

  /**
   * A base backup of the primary with -R (standby.signal and primary_conninfo written for us),
   * started as a hot standby streaming from it. Waits until it accepts read-only queries.
   */
  async startStandby(): Promise<void> {
    this.run("pg_basebackup", ["-h", "127.0.0.1", "-p", String(REPLICA_PORTS.primary), "-U", "postgres", "-D", this.standbyData, "-R", "-X", "stream", "-c", "fast"]);
    this.start(this.standbyData, "standby", ["-c hot_standby=on"]);
    const recovering = await this.sql("standby", "SELECT pg_is_in_recovery() AS r");
    if (!recovering[0]?.r) throw new Error(`the standby is not in recovery${this.logs()}`);
  }

  /** Stops the standby at once (as a crash or an operator would), leaving the primary running. */
  stopStandby(): void {
    this.stop(this.standbyData);
  }

  private stop(data: string): void {
    if (!this.running.delete(data)) return;
    this.run("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]);
  }

  /** One statement as the superuser; a connection per call, so a stopped server is simply an error. */
  async sql<T extends Record<string, unknown> = Record<string, unknown>>(which: "primary" | "standby", text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url(which) });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  pauseReplay(): Promise<unknown> {
    return this.sql("standby", "SELECT pg_wal_replay_pause()");
  }

  resumeReplay(): Promise<unknown> {
    return this.sql("standby", "SELECT pg_wal_replay_resume()");
  }

  /** Waits until the standby has replayed everything the primary had written when asked. */
  async caughtUp(timeoutMs = 20_000): Promise<void> {
    const [{ lsn }] = (await this.sql<{ lsn: string }>("primary", "SELECT pg_current_wal_insert_lsn()::text AS lsn")) as [{ lsn: string }];
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const [row] = await this.sql<{ behind: boolean }>("standby", "SELECT pg_last_wal_replay_lsn() < $1::pg_lsn AS behind", [lsn]);
      if (row && !row.behind) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the standby did not reach ${lsn} within ${timeoutMs} ms${this.logs()}`);
  }

  /** Stops both clusters (standby first) and removes their directory, whatever state they are in. */
  stopAll(): void {
    const problems: string[] = [];
    for (const data of [this.standbyData, this.primaryData]) {
      try {
        this.stop(data);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
    if (problems.length > 0) throw new Error(problems.join("\n"));
  }
}
