/**
 * The mirror-faults pair (e2e/mirror/mirror-faults.spec.ts): an origin and a mirror of their own,
 * started as child processes of the test so a test can stop the origin, swap it for another
 * one on the same port, or tamper with its database, without disturbing the shared e2e servers.
 * Both run the one production build (`node server.mjs`, as `npm start`); nothing is built here.
 *
 * - The origin (port 3130) signs with the e2e log key, so the pages' built-in verifier accepts
 *   its checkpoints, and its policy (written below) names two witnesses with the e2e witnesses'
 *   keys, served by witness processes of this pair (ports 3132, 3133): the browser's built-in
 *   policy requires those two keys, and the shared e2e witnesses cannot cosign this log — they
 *   hold the main e2e log's checkpoints under the same origin line and would see this one as a
 *   fork. The policy also lists the mirror (port 3131) as a witness, outside the quorum: the
 *   origin collects the mirror's cosignature, and a mirror that stopped following (as the fault
 *   scenarios make it) never holds back the origin's "witnessed".
 * - The mirror runs with MIRROR_INTERVAL_MS=0: it copies only when the test runs
 *   `npm run mirror:sync`, so each scenario knows exactly what the mirror has seen.
 * - Databases are recreated by e2e/support/mirror-prepare.ts and seeded by
 *   e2e/support/mirror-seed.ts, each run as its own process under the server's conditions.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { appRoleUrl } from "./app-role-url";
import { E2E_LOG_ORIGIN, E2E_SIGNER_KEY, E2E_VERIFIER_KEY } from "./test-log-key";
import { MF_DATABASES, MF_MIRROR_WITNESS, MF_PORTS } from "./test-mirror-keys";
import { E2E_WITNESSES, type TestWitness } from "./test-witness-keys";
import { listening, prepareWitnessData, waitFor, WITNESS_BIN } from "./witnesses";

export const ORIGIN_URL = `http://127.0.0.1:${MF_PORTS.origin}`;
export const MIRROR_URL = `http://127.0.0.1:${MF_PORTS.mirror}`;
const SESSION_SECRET = "e2e-only-session-secret-not-for-production";

/** The pair's witnesses: the e2e witnesses' names and keys, on ports of their own. */
export const MF_WITNESSES: readonly TestWitness[] = E2E_WITNESSES.map((w, i) => ({ ...w, port: MF_PORTS.witnesses[i]! }));

/** Variables of the test runner's own environment a child must not inherit: each child gets exactly its own. */
const OWN_VARIABLES = /^(DATABASE_URL|DATABASE_OWNER_URL|LOG_\w+|MIRROR_\w+|BETTER_AUTH_\w+|PORT|HOSTNAME)$/;

export function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of Object.keys(env)) if (OWN_VARIABLES.test(name)) delete env[name];
  return { ...env, ...vars };
}

/** Every child still running: killed when the test worker exits, however it exits. */
const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/** A running child with the tail of its output kept, for failure messages. */
export class Child {
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  private output: string[] = [];

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
  ) {
    this.process = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString("utf8"));
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    this.process.stdout!.on("data", keep);
    this.process.stderr!.on("data", keep);
    live.add(this.process);
    this.exited = new Promise((resolve) =>
      this.process.once("exit", (code, signal) => {
        live.delete(this.process);
        resolve(code ?? (signal ? -1 : null));
      }),
    );
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  tail(chars = 4000): string {
    return this.output.join("").slice(-chars);
  }

  /** SIGTERM, as an operator's `systemctl stop` would; SIGKILL if it has not exited after 15 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.process.kill("SIGTERM");
    const killed = setTimeout(() => this.process.kill("SIGKILL"), 15_000);
    await this.exited;
    clearTimeout(killed);
  }
}

export interface RunResult {
  code: number | null;
  /** stdout and stderr together, in order of arrival. */
  output: string;
}

/** Runs a TypeScript file as the project's scripts run (`node --conditions=react-server --import tsx`). */
export async function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<RunResult> {
  const child = new Child(script, process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], childEnv(env));
  const timer = setTimeout(() => child.process.kill("SIGKILL"), timeoutMs);
  const code = await child.exited;
  clearTimeout(timer);
  return { code, output: child.tail(100_000) };
}

async function runOrThrow(script: string, args: string[], env: Record<string, string>): Promise<string> {
  const result = await runScript(script, args, env);
  if (result.code !== 0) throw new Error(`${script} ${args.join(" ")} exited ${result.code}:\n${result.output}`);
  return result.output;
}

/** Waits until the server answers HTTP at all, or fails with its output when it exits first. */
export async function waitForHttp(child: Child, url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!child.running) throw new Error(`${child.name} exited before it served ${url}:\n${child.tail()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${child.name} did not serve ${url} within ${timeoutMs} ms:\n${child.tail()}`);
}

const originLogEnv = { LOG_SIGNER_KEY: E2E_SIGNER_KEY, LOG_ORIGIN: E2E_LOG_ORIGIN };

export class MirrorPair {
  readonly dir = mkdtempSync(path.join(tmpdir(), "gongshi-mirror-faults-"));
  /** The fault origin's policy: the pair's two witnesses in the quorum, the mirror outside it. */
  readonly policyFile = path.join(this.dir, "origin-policy.txt");
  origin: Child | null = null;
  mirror: Child | null = null;
  private witnesses: Child[] = [];

  constructor() {
    const lines = [
      "# The mirror-faults origin's policy (e2e/support/mirror-pair.ts).",
      `log ${E2E_VERIFIER_KEY}`,
      ...MF_WITNESSES.map((w) => `witness ${w.name} ${w.verifierKey} http://127.0.0.1:${w.port}`),
      `witness ${MF_MIRROR_WITNESS.name} ${MF_MIRROR_WITNESS.verifierKey} ${MIRROR_URL}`,
      `group both all ${MF_WITNESSES.map((w) => w.name).join(" ")}`,
      "quorum both",
    ];
    writeFileSync(this.policyFile, lines.join("\n") + "\n");
  }

  /** Fails early, naming the port, when something else (an earlier run, another Playwright) holds one. */
  async checkPortsFree(): Promise<void> {
    for (const port of [MF_PORTS.origin, MF_PORTS.mirror, ...MF_PORTS.witnesses]) {
      if (await listening(port)) throw new Error(`port ${port} is in use: another e2e run (or a leftover process) holds it`);
    }
  }

  /** The pair's witnesses, on fresh data (a witness remembers the last checkpoint it cosigned). */
  async startWitnesses(): Promise<void> {
    for (const w of MF_WITNESSES) {
      const data = path.join(this.dir, `witness-${w.port}`);
      prepareWitnessData(w, data);
      this.witnesses.push(new Child(`witness ${w.port}`, process.execPath, [WITNESS_BIN, "serve", "--data", data, "--listen", `127.0.0.1:${w.port}`], childEnv({})));
      await waitFor(w.port, true);
    }
  }

  /** Drops, recreates and migrates an e2e database (empty). */
  async prepareDatabase(databaseUrl: string): Promise<void> {
    await runOrThrow("e2e/support/mirror-prepare.ts", [], { DATABASE_OWNER_URL: databaseUrl });
  }

  /** Publishes `count` notices into an origin's database and logs them. */
  async seedNotices(databaseUrl: string, count: number, label: string): Promise<{ noticeIds: string[]; size: number }> {
    return lastJson(await runOrThrow("e2e/support/mirror-seed.ts", ["notices", String(count), label], { DATABASE_URL: databaseUrl, ...originLogEnv }));
  }

  /** Publishes one notice with a PDF attachment into an origin's database and logs it. */
  async seedAttachment(databaseUrl: string, label: string, fileName: string): Promise<{ noticeId: string; fileName: string; size: number }> {
    return lastJson(await runOrThrow("e2e/support/mirror-seed.ts", ["attachment", label, fileName], { DATABASE_URL: databaseUrl, ...originLogEnv }));
  }

  private originEnv(databaseUrl: string, witnessed: boolean): Record<string, string> {
    return {
      DATABASE_URL: appRoleUrl(databaseUrl),
      ...originLogEnv,
      LOG_COMMIT_INTERVAL_MS: "500",
      ...(witnessed ? { LOG_WITNESS_POLICY: this.policyFile, LOG_WITNESS_INTERVAL_MS: "500" } : {}),
      BETTER_AUTH_SECRET: SESSION_SECRET,
    };
  }

  private mirrorEnv(): Record<string, string> {
    return {
      DATABASE_URL: appRoleUrl(MF_DATABASES.mirror),
      MIRROR_OF: ORIGIN_URL,
      MIRROR_LOG_KEY: E2E_VERIFIER_KEY,
      MIRROR_INTERVAL_MS: "0",
      MIRROR_SIGNER_KEY: MF_MIRROR_WITNESS.signerKey,
      // Only to show quorums; a mirror never contacts witnesses.
      LOG_WITNESS_POLICY: this.policyFile,
      BETTER_AUTH_SECRET: SESSION_SECRET,
    };
  }

  /**
   * Starts an origin on port 3130 over `databaseUrl`. `witnessed: false` runs it without a
   * witness policy (the fork origin: a rewritten log cannot get the real witnesses' cosignatures).
   */
  async startOrigin(databaseUrl: string = MF_DATABASES.origin, witnessed = true): Promise<void> {
    if (this.origin?.running) throw new Error("the fault origin is already running");
    this.origin = serve("origin", MF_PORTS.origin, this.originEnv(databaseUrl, witnessed));
    await waitForHttp(this.origin, `${ORIGIN_URL}/api/v1/log`);
  }

  async stopOrigin(): Promise<void> {
    await this.origin?.stop();
    await waitFor(MF_PORTS.origin, false);
  }

  async startMirror(): Promise<void> {
    if (this.mirror?.running) throw new Error("the fault mirror is already running");
    this.mirror = serve("mirror", MF_PORTS.mirror, this.mirrorEnv());
    await waitForHttp(this.mirror, `${MIRROR_URL}/api/v1/log`);
  }

  async stopMirror(): Promise<void> {
    await this.mirror?.stop();
    await waitFor(MF_PORTS.mirror, false);
  }

  /** One `npm run mirror:sync` with the mirror's environment: 0 following, 1 behind, 2 refused. */
  sync(): Promise<RunResult> {
    return runScript("scripts/mirror-sync.ts", [], this.mirrorEnv());
  }

  /** One `npm run log:witness` round at the origin, every witness asked however recently it failed. */
  witnessRound(databaseUrl: string = MF_DATABASES.origin): Promise<RunResult> {
    return runScript("scripts/log-witness.ts", [], this.originEnv(databaseUrl, true));
  }

  /** Stops every child, whatever state the test left them in. */
  async stopAll(): Promise<void> {
    await Promise.all([this.mirror?.stop(), this.origin?.stop(), ...this.witnesses.map((w) => w.stop())]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function serve(name: string, port: number, env: Record<string, string>): Child {
  return new Child(name, process.execPath, ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], childEnv(env));
}

function lastJson<T>(output: string): T {
  const line = output
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .at(-1);
  if (!line) throw new Error(`no JSON in:\n${output}`);
  return JSON.parse(line) as T;
}

/**
 * SQL as the database superuser with the append-only triggers switched off for the session,
 * as an attacker with the origin's database would: the app itself cannot change a stored byte.
 */
export async function superuserSql(databaseUrl: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}
