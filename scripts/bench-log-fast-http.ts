/**
 * npm run bench:log-http — the log's public endpoints as `npm start` serves them (server.mjs
 * answers them before Next, lib/server/log-http), each next to a plain Node `http` server answering
 * bytes of the same size from memory, in rounds that alternate between the two
 * (docs/performance.md, "Log endpoints before Next").
 *
 *   npm run bench -- --keep --no-http      first: fill a throwaway database to 1,000,000 entries
 *   npm run bench:log-http -- --database=postgresql://…/gongshi_bench_…   then this
 *   --seconds=N --rounds=N --connections=N --warmup=N --next (also the same routes through Next, LOG_HTTP_FAST_PATH=off)
 *
 * Inside /work/e2e-isolated.sh-style network namespaces, give the database as a Unix socket
 * (postgresql://postgres@/<db>?host=/var/run/postgresql): a TCP forwarder without TCP_NODELAY
 * (socat) holds every answer larger than its 8 KiB buffer for a delayed ACK, 40 ms a tile.
 *
 * Needs a production build (`npm run build`). Load from autocannon in this process; the
 * server and the baseline each run in a process of their own. A benchmark, never a test.
 */
import "./load-env";
import { spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { generateKey, TILE_WIDTH, tilePath } from "@/lib/core/log";
import { benchArgs } from "./bench-args";
import { ensureBuild, load, startServer, type LoadResult, type Server } from "./bench-log-http";
import { int, median } from "./bench-stats";

const args = benchArgs({ numbers: { seconds: 4, rounds: 3, connections: 50, warmup: 8 }, flags: ["next"], texts: ["database"] });

const DATABASE = args.database;
const SECONDS = args.seconds;
const ROUNDS = args.rounds;
const CONNECTIONS = args.connections;
/** Long enough for random requests to have read every full tile once (they are then served from memory). */
const WARMUP = args.warmup;
const PORT = 3198;
const BASELINE_PORT = 3197;
const NEXT_PORT = 3196;

const started = performance.now();
function progress(message: string): void {
  process.stderr.write(`bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${message}\n`);
}

/** A plain Node server answering each path with fixed bytes from memory: the machine's ceiling for this kind of answer. */
async function startBaseline(bodies: Record<string, { type: string; body: Buffer }>): Promise<Server> {
  const code = `
    const http = require("node:http");
    const bodies = Object.fromEntries(Object.entries(JSON.parse(process.env.BODIES)).map(([p, b]) => [p, { type: b.type, body: Buffer.from(b.body, "base64") }]));
    http.createServer((req, res) => {
      const b = bodies[req.url.split("?")[0]];
      if (!b) { res.statusCode = 404; res.end(); return; }
      res.writeHead(200, { "content-type": b.type, "content-length": b.body.length });
      res.end(b.body);
    }).listen(${BASELINE_PORT}, "127.0.0.1", () => console.log("ready"));`;
  const encoded = Object.fromEntries(Object.entries(bodies).map(([p, b]) => [p, { type: b.type, body: b.body.toString("base64") }]));
  const child = spawn(process.execPath, ["-e", code], { detached: true, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, BODIES: JSON.stringify(encoded) } });
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  return {
    pid: child.pid!,
    base: `http://127.0.0.1:${BASELINE_PORT}`,
    dir: "",
    output: () => "",
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {}
    },
  };
}

interface Row {
  label: string;
  /** Path on the portal; a function for random ones. */
  path: () => string;
  /** Path on the baseline (same size of answer). */
  baseline: string;
  server: LoadResult[];
  plain: LoadResult[];
  viaNext: LoadResult[];
}

async function main(): Promise<void> {
  if (!DATABASE) throw new Error("--database=<url> is required: a database filled by `npm run bench -- --keep --no-http`");
  const dbName = new URL(DATABASE).pathname.slice(1);
  const loadStart = os.loadavg()[0]!;
  const build = ensureBuild(progress);
  const client = new pg.Client({ connectionString: DATABASE });
  await client.connect();
  const head = (await client.query<{ size: string; note: string }>("SELECT size::text, note FROM checkpoint ORDER BY size DESC LIMIT 1")).rows[0];
  if (!head) throw new Error("the database has no checkpoint");
  // Whole thousands, so that the proofs asked for are for one fixed tree (and so cacheable, as a client's would be).
  const size = Number(head.size) - (Number(head.size) % 1000);
  const tiles = Math.floor(size / TILE_WIDTH);
  await client.end();

  const env = {
    DATABASE_URL: DATABASE,
    LOG_SIGNER_KEY: generateKey("bench.gongshi.example/log").signerKey,
    LOG_ORIGIN: "bench.gongshi.example/log",
    LOG_COMMIT_INTERVAL_MS: "0",
    LOG_WITNESS_INTERVAL_MS: "0",
    PAGE_PRERENDER_INTERVAL_MS: "0",
    SCHEDULED_PUBLISH_INTERVAL_MS: "0",
    ALERT_DIGEST_INTERVAL_MS: "0",
    BETTER_AUTH_SECRET: "bench-only-session-secret-not-for-production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const server = await startServer(env, PORT);
  if (!server.output().includes("log endpoints answered before Next")) throw new Error(`the fast path did not start:\n${server.output()}`);
  const sample = async (p: string) => Buffer.from(await (await fetch(`${server.base}${p}`)).arrayBuffer());
  const viaNext = args.next ? await startServer({ ...env, LOG_HTTP_FAST_PATH: "off" }, NEXT_PORT) : null;
  progress(`server.mjs (build ${build.buildId}) on ${server.base}; log of ${int(Number(head.size))} entries, proofs for size ${int(size)}`);

  const inclusion = () => `/api/v1/log/proof/inclusion?index=${randomInt(size)}&size=${size}`;
  const consistency = () => `/api/v1/log/proof/consistency?from=${1 + randomInt(size - 1)}&to=${size}`;
  const fullTile = () => `/log/tile/${tilePath({ level: 0, n: randomInt(tiles), width: TILE_WIDTH })}`;
  const bodies = {
    "/checkpoint": { type: "text/plain; charset=utf-8", body: await sample("/log/checkpoint") },
    "/tile": { type: "application/octet-stream", body: await sample(fullTile()) },
    "/proof": { type: "application/json; charset=utf-8", body: await sample(inclusion()) },
    "/consistency": { type: "application/json; charset=utf-8", body: await sample(consistency()) },
  };
  const baseline = await startBaseline(bodies);
  const rows: Row[] = [
    { label: "`/log/checkpoint` (with its cosignatures)", path: () => "/log/checkpoint", baseline: "/checkpoint", server: [], plain: [], viaNext: [] },
    { label: `\`/log/tile/0/<random full tile>\` (8 KiB, ${int(tiles)} tiles)`, path: fullTile, baseline: "/tile", server: [], plain: [], viaNext: [] },
    { label: `\`/api/v1/log/proof/inclusion?index=<random>&size=${size}\``, path: inclusion, baseline: "/proof", server: [], plain: [], viaNext: [] },
    { label: `\`/api/v1/log/proof/consistency?from=<random>&to=${size}\``, path: consistency, baseline: "/consistency", server: [], plain: [], viaNext: [] },
  ];
  try {
    for (const row of rows) await load(server, dbName, row.path, WARMUP, CONNECTIONS); // warm-up, not reported
    if (viaNext) for (const row of rows) await load(viaNext, dbName, row.path, 2, CONNECTIONS);
    progress("warm-up done");
    for (let round = 0; round < ROUNDS; round++) {
      for (const row of rows) {
        const b = await load(baseline, dbName, () => row.baseline, SECONDS, CONNECTIONS);
        row.plain.push(b);
        const s = await load(server, dbName, row.path, SECONDS, CONNECTIONS);
        row.server.push(s);
        let n = "";
        if (viaNext) {
          const v = await load(viaNext, dbName, row.path, SECONDS, CONNECTIONS);
          row.viaNext.push(v);
          n = `, via Next ${int(v.rps)}/s`;
        }
        progress(`round ${round + 1} ${row.baseline}: server ${int(s.rps)}/s p99 ${s.p99} ms non-2xx ${s.non2xx}; plain ${int(b.rps)}/s${n}`);
      }
    }
  } finally {
    await server.stop();
    await viaNext?.stop();
    await baseline.stop();
  }
  const med = (rs: LoadResult[], f: (r: LoadResult) => number) => median(rs.map(f));
  const out: string[] = [];
  out.push(
    `Run of ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${os.cpus()[0]?.model ?? "CPU"} · ${os.cpus().length} cores · build ${build.buildId}` +
      `${build.newerSources.length ? ` (${build.newerSources.length} source files newer than the build)` : ""} · load average ${loadStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end`,
    "",
    `\`npm start\` (server.mjs) on a log of ${int(Number(head.size))} entries, next to a plain Node \`http\` server answering a body of the same size from memory; autocannon in the bench process, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per endpoint, server and baseline alternating, after a ${WARMUP}-s warm-up of each endpoint. Medians of the rounds. CPU in cores (of ${os.cpus().length}).`,
    "",
    `| Endpoint | Requests/s | Baseline /s | ÷ baseline | p50 ms | p99 ms | Baseline p99 ms | non-2xx | Server cores | PG cores | autocannon cores |${args.next ? " Through Next /s |" : ""}`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${args.next ? " ---: |" : ""}`,
  );
  for (const r of rows) {
    const rps = med(r.server, (x) => x.rps);
    const base = med(r.plain, (x) => x.rps);
    out.push(
      `| ${r.label} | ${int(rps)} | ${int(base)} | ${Math.round((rps / base) * 100)} % | ${med(r.server, (x) => x.p50)} | ${med(r.server, (x) => x.p99)} | ${med(r.plain, (x) => x.p99)} | ${int(r.server.reduce((a, x) => a + x.non2xx + x.errors, 0))} | ` +
        `${med(r.server, (x) => x.cpu.server).toFixed(2)} | ${med(r.server, (x) => x.cpu.postgres).toFixed(2)} | ${med(r.server, (x) => x.cpu.self).toFixed(2)} |` +
        `${args.next ? ` ${int(med(r.viaNext, (x) => x.rps))} |` : ""}`,
    );
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

await main();
