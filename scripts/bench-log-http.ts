/**
 * Part of `npm run bench` (scripts/bench-log.ts): the production server and the HTTP load.
 *
 * The server runs from a private snapshot of `.next` (copied to a temporary directory, with
 * node_modules symlinked), so that another engineer's `next build` — e2e runs rebuild `.next`
 * — cannot swap the chunks under a running benchmark. Load comes from autocannon, in this
 * process, over loopback only, for a bounded time. CPU use is read from /proc while it runs,
 * so the report can say who was busy: the Next server, PostgreSQL, or autocannon itself.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const ROOT = process.cwd();

export interface BuildInfo {
  /** True if this run had to build (no .next/BUILD_ID). */
  built: boolean;
  buildId: string;
  builtAt: Date;
  /** Source files (app/, lib/, components/, i18n/, messages/, proxy, config) changed after the build. */
  newerSources: string[];
}

function newestSources(since: number): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(p);
      } else if (/\.(ts|tsx|css|json)$/.test(entry.name) && statSync(p).mtimeMs > since) {
        found.push(path.relative(ROOT, p));
      }
    }
  };
  for (const dir of ["app", "lib", "components", "i18n", "messages"]) walk(path.join(ROOT, dir));
  for (const f of ["instrumentation.ts", "next.config.ts", "proxy.ts", "middleware.ts"]) {
    const p = path.join(ROOT, f);
    if (existsSync(p) && statSync(p).mtimeMs > since) found.push(f);
  }
  return found;
}

/** Builds only if there is no build at all; otherwise reports how the build relates to the sources. */
export function ensureBuild(progress: (m: string) => void): BuildInfo {
  const idFile = path.join(ROOT, ".next", "BUILD_ID");
  let built = false;
  if (!existsSync(idFile)) {
    progress("no .next/BUILD_ID: running `npx next build` (takes a few minutes)");
    const r = spawnSync("npx", ["next", "build"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    process.stderr.write(r.stdout + r.stderr);
    if (r.status === 0) built = true;
    else if (`${r.stdout}${r.stderr}`.includes("Another next build process is already running")) {
      // Someone else is building the same tree: use their build once it is there.
      progress("another `next build` is running here: waiting up to 10 min for its .next/BUILD_ID");
      const deadline = Date.now() + 600_000;
      while (!existsSync(idFile)) {
        if (Date.now() > deadline) throw new Error("the other next build did not finish within 10 min");
        spawnSync("sleep", ["2"]);
      }
      spawnSync("sleep", ["5"]); // let it finish writing the rest
    } else throw new Error("next build failed");
  }
  // server.mjs also needs the log endpoints' bundle, which `npm run build` makes after Next's build.
  if (!existsSync(path.join(ROOT, ".next", "log-http.mjs"))) {
    progress("no .next/log-http.mjs: running `npm run build:log-http`");
    const r = spawnSync("npm", ["run", "build:log-http"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    if (r.status !== 0) throw new Error(`npm run build:log-http failed:\n${r.stdout}${r.stderr}`);
  }
  const builtAt = statSync(idFile).mtime;
  return { built, buildId: readFileSync(idFile, "utf8").trim(), builtAt, newerSources: newestSources(builtAt.getTime()) };
}

/** Copies the build (without its cache) to a temporary directory the server runs from. */
function snapshotBuild(): string {
  for (let attempt = 0; attempt < 3; attempt++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gongshi-bench-next-"));
    const before = readFileSync(path.join(ROOT, ".next", "BUILD_ID"), "utf8");
    try {
      cpSync(path.join(ROOT, ".next"), path.join(dir, ".next"), {
        recursive: true,
        filter: (src) => {
          const rel = path.relative(path.join(ROOT, ".next"), src);
          return rel !== "cache" && rel !== "dev" && !rel.startsWith(`cache${path.sep}`) && !rel.startsWith(`dev${path.sep}`);
        },
      });
      const after = readFileSync(path.join(ROOT, ".next", "BUILD_ID"), "utf8");
      if (before === after && readFileSync(path.join(dir, ".next", "BUILD_ID"), "utf8") === before) {
        for (const f of ["package.json", "next.config.ts", "server.mjs"]) cpSync(path.join(ROOT, f), path.join(dir, f));
        if (existsSync(path.join(ROOT, "public"))) cpSync(path.join(ROOT, "public"), path.join(dir, "public"), { recursive: true });
        symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
        // next.config.ts and server.mjs import source modules at start-up (the env schema, the
        // verifier key's derivation, the request guard, the page cache's precompressed pages, and
        // what those import in turn): all of lib/, so a new import there cannot break the snapshot.
        cpSync(path.join(ROOT, "lib"), path.join(dir, "lib"), { recursive: true });
        return dir;
      }
    } catch {
      // A build was being written while we copied: try again.
    }
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error("could not take a consistent copy of .next (a build kept changing it)");
}

export interface Server {
  pid: number;
  base: string;
  dir: string;
  output(): string;
  stop(): Promise<void>;
}

/** The production server (server.mjs, `npm start`) in its own process group, from a snapshot of the build; resolves once it answers. */
export async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  try {
    await fetch(`${base}/`, { signal: AbortSignal.timeout(1000) });
    throw new Error(`port ${port} is already in use`);
  } catch (error) {
    if ((error as Error).message.includes("already in use")) throw error;
  }
  const dir = snapshotBuild();
  const child: ChildProcess = spawn(process.execPath, [path.join(dir, "server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "production", ...env },
  });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  const pid = child.pid!;
  const stop = async () => {
    if (!exited) {
      try {
        process.kill(-pid, "SIGTERM");
      } catch {}
      await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
      if (!exited) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {}
        await exit;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`the server exited:\n${out}`);
    }
    try {
      const r = await fetch(`${base}/log/checkpoint`, { signal: AbortSignal.timeout(5000) });
      await r.text();
      if (r.status === 200) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { pid, base, dir, output: () => out, stop };
}

// ---------------------------------------------------------------------------------------
// CPU accounting from /proc

const CLK_TCK = 100;

interface ProcStat {
  comm: string;
  pgrp: number;
  ticks: number;
  cmdline: string;
}

/** PostgreSQL's shared helpers, which work for every database (WAL, checkpoints, stats). */
const PG_AUXILIARY = /: (checkpointer|background writer|walwriter|autovacuum launcher|logical replication launcher|stats collector)/;

function readProcs(): ProcStat[] {
  const list: ProcStat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = text.lastIndexOf(")");
      const comm = text.slice(text.indexOf("(") + 1, close);
      const f = text.slice(close + 2).split(" "); // f[0] is field 3 (state)
      const cmdline = comm === "postgres" ? readFileSync(`/proc/${name}/cmdline`, "utf8") : "";
      list.push({ comm, pgrp: Number(f[2]), ticks: Number(f[11]) + Number(f[12]), cmdline });
    } catch {
      // the process ended while we looked
    }
  }
  return list;
}

function machineTicks(): { busy: number; total: number } {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - f[3]! - f[4]!, total };
}

export interface CpuSnapshot {
  at: number;
  server: number;
  postgres: number;
  self: number;
  machine: { busy: number; total: number };
}

/**
 * `postgres` counts the backends serving `database` (whose process titles name it) and the
 * shared helpers, not the backends of other databases on the same server (other engineers'
 * tests). A backend that ends between two snapshots drops out of the sum, so the server's
 * pool must stay up for the whole measurement (it does: next start keeps its connections).
 */
export function cpuSnapshot(serverPgid: number, database: string): CpuSnapshot {
  const procs = readProcs();
  const sum = (p: (s: ProcStat) => boolean) => procs.filter(p).reduce((a, s) => a + s.ticks, 0);
  const u = process.cpuUsage();
  return {
    at: performance.now(),
    server: sum((s) => s.pgrp === serverPgid) / CLK_TCK,
    postgres: sum((s) => s.comm === "postgres" && (s.cmdline.includes(` ${database} `) || PG_AUXILIARY.test(s.cmdline))) / CLK_TCK,
    self: (u.user + u.system) / 1e6,
    machine: machineTicks(),
  };
}

/** CPU use between two snapshots, in cores (1.0 = one core fully busy). */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot) {
  const wall = (b.at - a.at) / 1000;
  const cores = os.cpus().length;
  return {
    server: (b.server - a.server) / wall,
    postgres: (b.postgres - a.postgres) / wall,
    self: (b.self - a.self) / wall,
    machine: ((b.machine.busy - a.machine.busy) / (b.machine.total - a.machine.total)) * cores,
  };
}

// ---------------------------------------------------------------------------------------
// Load

interface AutocannonResult {
  duration: number;
  requests: { total: number; average: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  "2xx": number;
}

type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; required rather than imported so typecheck needs none.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export interface LoadResult {
  rps: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  cpu: ReturnType<typeof cpuBetween>;
}

export async function load(server: Server, database: string, makePath: () => string, seconds: number, connections = 50): Promise<LoadResult> {
  const before = cpuSnapshot(server.pid, database);
  const first = makePath();
  const r = await autocannon({
    url: server.base,
    connections,
    duration: seconds,
    requests: [{ method: "GET", path: first, setupRequest: (req: Record<string, unknown>) => ({ ...req, path: makePath() }) }],
  });
  const after = cpuSnapshot(server.pid, database);
  return {
    rps: r.requests.total / r.duration,
    total: r.requests.total,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    cpu: cpuBetween(before, after),
  };
}
