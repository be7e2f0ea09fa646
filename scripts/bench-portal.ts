/**
 * npm run bench:portal — the public portal at 100,000 notices (docs/performance.md, "Portal").
 *
 *   npm run bench:portal                 prints the report (Markdown) to stdout, progress to stderr
 *   npm run bench:portal -- --write      also replaces the bench:portal block of docs/performance.md
 *   --notices=N --seconds=N --keep       a smaller or shorter run; keep the throwaway database
 *   --reuse=<database>                   measure a database an earlier --keep run left
 *   --only=<text>                        only the rows whose label contains the text (with --write, refused);
 *                                        the JavaScript figures only in a whole run
 *   --sequential=N                       notices rendered one request at a time (default 300)
 *   --load                               instead: one client hammering uncached searches while others
 *                                        read cached pages, rate limits on and off (bench-portal-load.ts)
 *   --port=N                             the first of the three ports it uses (default 3198)
 *   --rounds=N                           rounds per row (default 3)
 *
 * One run: a throwaway database filled with N notices made from the demo content
 * (bench-portal-data.ts), committed to the log and indexed for search; `npm start` (server.mjs) on the
 * existing build (built first if there is none); then, for each page kind, HTTP load at 50
 * concurrent connections for a fixed time, alternating with the same load on the bare
 * database work the page depends on (the service call, in this process, same concurrency),
 * so a neighbour's burst hits both alike. Latencies are every request's own, so p95 is exact.
 * Finally the JavaScript a notice page ships, gzipped, next to that of an empty page of the same
 * stack (bench-page-js.ts). A benchmark, never a test.
 */
import "./load-env";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { randomInt } from "node:crypto";
import os from "node:os";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { LogConfig } from "@/lib/server/env";
import { generateKey, parseSignerKey } from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { getNotice } from "@/lib/server/notices/get-notice";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { reindexAll } from "@/lib/server/search/reindex-all";
import { searchNotices } from "@/lib/server/search/search-notices";
import { parseSearchParams } from "@/lib/shared/search/search-params";
import { createBenchDatabase, type BenchDatabase } from "./bench-log-data";
import { ensureBuild, startServer, type Server } from "./bench-log-http";
import { benchFields, benchNoticeId, insertBenchNotices } from "./bench-portal-data";
import { benchArgs } from "./bench-args";
import { emptyPageJs, scriptsOf, type PageJs } from "./bench-page-js";
import { writeDocBlock } from "./bench-doc";
import { loadReport, measureLoad } from "./bench-portal-load";
import { int, ms, percentile, timed } from "./bench-stats";

const args = benchArgs({ numbers: { notices: 100_000, seconds: 8, rounds: 3, port: 3198, sequential: 300 }, flags: ["write", "keep", "load"], texts: ["only", "reuse"] });

const NOTICES = args.notices;
const SECONDS = args.seconds;
const ROUNDS = args.rounds;
const CONNECTIONS = 50;
const PORT = args.port;
const RECENT = 1_000;
/** How often the "while publishing" row publishes and logs a new notice, as a working day's clerks would. */
const LIVE_INTERVAL_MS = 3_000;
const ORIGIN = "bench.gongshi.example/log";
/** Two-character Chinese words of every frequency, and English words (stemmed and prefixed). */
const ZH_QUERIES = ["公开", "土地", "信息", "规划", "招聘", "预算", "环境", "采购", "征收", "项目"];
const EN_QUERIES = ["notice", "planning", "budget", "land", "environmental", "public", "procurement", "recruitment"];

const started = performance.now();
function progress(message: string): void {
  process.stderr.write(`bench:portal ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${message}\n`);
}

/** Runs `once` from `connections` concurrent loops for `seconds`; every call's latency in ms. */
async function closedLoop(seconds: number, connections: number, once: () => Promise<void>): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await once();
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies, errors };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
/** `headers`: pages are asked for as a browser would, taking gzip (the body is then compressed). */
function get(server: Server, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; cache: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.base}${encodeURI(path)}`, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const cache = res.headers["x-gongshi-page-cache"];
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), cache: typeof cache === "string" ? cache : undefined });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}
/** Page responses answered from the public page cache (lib/server/page-cache), and all of them. */
const answered = { hits: 0, all: 0 };
async function getOk(server: Server, path: string): Promise<void> {
  const r = await get(server, path, { "accept-encoding": "gzip" });
  if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status}`);
  answered.all++;
  if (r.cache === "hit") answered.hits++;
}

interface Scenario {
  label: string;
  baseline: string;
  path: () => string;
  bare: (prisma: PrismaClient) => Promise<unknown>;
  /** Paths visited once before the rounds, as readers would have since the last change. */
  visited?: () => string[];
  /** Other notices are published and logged throughout the rounds (page and baseline alike). */
  live?: boolean;
}

/** Publishes and logs a new notice every LIVE_INTERVAL_MS until stopped; resolves to how many. */
function publishing(prisma: PrismaClient, config: LogConfig): { stop(): Promise<number> } {
  let stopped = false;
  let count = 0;
  const loop = (async () => {
    while (!stopped) {
      const { agency, fields } = benchFields(count);
      await recordNoticeVersion(prisma, { noticeId: `BENCH-LIVE-${Date.now()}-${count}`, agencyId: agency, kind: "publish", fields });
      await commitPending(prisma, config);
      count++;
      await new Promise((r) => setTimeout(r, LIVE_INTERVAL_MS));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return count;
    },
  };
}

function scenarios(): Scenario[] {
  const notice = () => benchNoticeId(randomInt(NOTICES));
  // Readers mostly open what is new: what the home page, the lists and the feeds link to.
  const recent = () => benchNoticeId(NOTICES - 1 - randomInt(Math.min(RECENT, NOTICES)));
  const search = (q: string, page = 1) => parseSearchParams(new URLSearchParams({ q, page: String(page) })).params;
  const zh = () => ZH_QUERIES[randomInt(ZH_QUERIES.length)]!;
  const en = () => EN_QUERIES[randomInt(EN_QUERIES.length)]!;
  return [
    {
      label: "Notice page, any of the notices `/zh-CN/n/<random>`",
      baseline: "`getNotice` (the page's database work)",
      path: () => `/zh-CN/n/${notice()}`,
      bare: (p) => getNotice(p, notice()),
    },
    {
      label: `Notice page, the ${int(RECENT)} newest notices, each visited once before`,
      baseline: "`getNotice` for the same notices",
      path: () => `/zh-CN/n/${recent()}`,
      bare: (p) => getNotice(p, recent()),
      visited: () => Array.from({ length: Math.min(RECENT, NOTICES) }, (_, i) => `/zh-CN/n/${benchNoticeId(NOTICES - 1 - i)}`),
    },
    {
      label: `Notice page, the ${int(RECENT)} newest notices, each visited once before, while a new notice is published and logged every ${LIVE_INTERVAL_MS / 1000} s`,
      baseline: "`getNotice` for the same notices, same publishing",
      path: () => `/zh-CN/n/${recent()}`,
      bare: (p) => getNotice(p, recent()),
      visited: () => Array.from({ length: Math.min(RECENT, NOTICES) }, (_, i) => `/zh-CN/n/${benchNoticeId(NOTICES - 1 - i)}`),
      live: true,
    },
    {
      label: "Notices list `/zh-CN/notices?page=<1..50>`",
      baseline: "`searchNotices` with no query (hits + facet counts)",
      path: () => `/zh-CN/notices?page=${1 + randomInt(50)}`,
      bare: (p) => searchNotices(p, search("", 1 + randomInt(50))),
    },
    {
      label: `Search, two-character Chinese words (${ZH_QUERIES.join(" ")})`,
      baseline: "`searchNotices` for the same words",
      path: () => `/zh-CN/notices?q=${zh()}`,
      bare: (p) => searchNotices(p, search(zh())),
    },
    {
      label: `Search, English words (${EN_QUERIES.join(" ")})`,
      baseline: "`searchNotices` for the same words",
      path: () => `/en/notices?q=${en()}`,
      bare: (p) => searchNotices(p, search(en())),
    },
  ];
}

interface Measured {
  label: string;
  baseline: string;
  page: number[][];
  bare: number[][];
  errors: number;
  requests: number;
  /** The share of page requests answered from the page cache during the rounds. */
  hits: number;
}

async function measure(server: Server, prisma: PrismaClient, config: LogConfig): Promise<Measured[]> {
  const out: Measured[] = [];
  const only = args.only;
  for (const s of scenarios().filter((x) => only === undefined || x.label.includes(only))) {
    const visit = s.visited?.() ?? [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let path = visit.pop(); path !== undefined; path = visit.pop()) await getOk(server, path);
      }),
    );
    await closedLoop(2, CONNECTIONS, () => getOk(server, s.path())); // warm-up
    await closedLoop(2, CONNECTIONS, async () => void (await s.bare(prisma)));
    const m: Measured = { label: s.label, baseline: s.baseline, page: [], bare: [], errors: 0, requests: 0, hits: 0 };
    answered.hits = answered.all = 0;
    const live = s.live ? publishing(prisma, config) : null;
    for (let round = 0; round < ROUNDS; round++) {
      const page = await closedLoop(SECONDS, CONNECTIONS, () => getOk(server, s.path()));
      const bare = await closedLoop(SECONDS, CONNECTIONS, async () => void (await s.bare(prisma)));
      m.page.push(page.latencies);
      m.bare.push(bare.latencies);
      m.errors += page.errors + bare.errors;
      m.requests += page.latencies.length;
      progress(`${s.label.slice(0, 40)}: round ${round + 1}: page p95 ${ms(percentile(page.latencies, 95))} ms, bare p95 ${ms(percentile(bare.latencies, 95))} ms`);
    }
    m.hits = answered.all ? answered.hits / answered.all : 0;
    if (live) m.label += ` (${await live.stop()} published during the rounds)`;
    out.push(m);
  }
  return out;
}

/** The label of the one-at-a-time render measurement (`--only` matches it like a row's). */
const ONE_AT_A_TIME = "Notice page render, one request at a time";
/** How many distinct notices the one-at-a-time measurement renders. */
const SEQUENTIAL = args.sequential;

interface Sequential {
  /** A notice page nobody asked for before: every request a render (the page cache's miss). */
  render: number[];
  /** The same page asked again at once: answered from the page cache (the HTTP and proxy floor). */
  hit: number[];
  /** `getNotice` alone for another notice nobody asked for: the page's own database work. */
  bare: number[];
  errors: number;
}

/**
 * One request at a time, on a machine otherwise quiet: what one render costs, without the queue
 * of 50 connections. Notices drawn uniformly (each once), so none is kept or prepared yet;
 * page, hit and bare call alternate notice by notice, so a neighbour's burst hits all three.
 */
async function measureSequential(server: Server, prisma: PrismaClient): Promise<Sequential> {
  const drawn = new Set<number>();
  const draw = () => {
    for (;;) {
      const n = randomInt(NOTICES);
      if (!drawn.has(n)) return (drawn.add(n), benchNoticeId(n));
    }
  };
  const out: Sequential = { render: [], hit: [], bare: [], errors: 0 };
  const timedOk = async (into: number[], fn: () => Promise<unknown>) => {
    const t = performance.now();
    try {
      await fn();
      into.push(performance.now() - t);
    } catch {
      out.errors++;
    }
  };
  // Warm-up: the server's first renders load and compile the page's modules.
  for (let i = 0; i < 20; i++) await getOk(server, `/zh-CN/n/${draw()}`);
  for (let i = 0; i < Math.min(SEQUENTIAL, Math.floor(NOTICES / 3)); i++) {
    const id = draw();
    const other = draw();
    await timedOk(out.bare, () => getNotice(prisma, other));
    await timedOk(out.render, () => getOk(server, `/zh-CN/n/${id}`));
    await timedOk(out.hit, () => getOk(server, `/zh-CN/n/${id}`));
  }
  progress(
    `${ONE_AT_A_TIME}: render p50 ${ms(percentile(out.render, 50))} ms, from the cache p50 ${ms(percentile(out.hit, 50))} ms, bare getNotice p50 ${ms(percentile(out.bare, 50))} ms`,
  );
  return out;
}

function sequentialReport(s: Sequential): string {
  const row = (label: string, xs: number[]) => `| ${label} | ${int(xs.length)} | **${ms(percentile(xs, 50))}** | ${ms(percentile(xs, 95))} | ${ms(percentile(xs, 99))} |`;
  return [
    `**${ONE_AT_A_TIME}** (\`/zh-CN/n/<id>\`, each notice asked for the first time, then at once again; one request in flight, gzip accepted; errors: ${s.errors}):`,
    "",
    "| Request | Requests | p50 ms | p95 ms | p99 ms |",
    "| --- | ---: | ---: | ---: | ---: |",
    row("Notice page, first request: rendered (a page cache miss)", s.render),
    row("Baseline: the same page asked again, from the page cache", s.hit),
    row("Baseline: `getNotice` alone, for another notice asked for the first time", s.bare),
  ].join("\n");
}

/** The JavaScript a notice page loads before anything is clicked. */
async function noticePageJs(server: Server): Promise<PageJs> {
  const html = (await get(server, `/zh-CN/n/${benchNoticeId(1)}`)).body.toString("utf8");
  return scriptsOf(html, async (src) => (await get(server, src)).body);
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const largest = (js: PageJs) =>
  [...js.files]
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 3)
    .map((f) => `${f.path.split("/").pop()} ${kb(f.gzip)} KB`)
    .join(", ");

function report(r: {
  measured: Measured[];
  sequential: Sequential | null;
  js: PageJs | null;
  floor: PageJs | null;
  fillSec: number;
  commitSec: number;
  indexSec: number;
  buildId: string;
  loadStart: number;
  loadEnd: number;
}): string {
  const all = (xs: number[][]) => xs.flat();
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:portal\` on ${os.cpus().length} cores (load average ${r.loadStart.toFixed(1)} at the start, ${r.loadEnd.toFixed(1)} at the end), ` +
      `build \`${r.buildId}\`, ${int(NOTICES)} notices (${int(r.fillSec)} s to insert, ${int(r.commitSec)} s to commit to the log, ${int(r.indexSec)} s to index for search). ` +
      `${CONNECTIONS} concurrent connections, ${ROUNDS} rounds of ${SECONDS} s per row, page and baseline alternating.`,
    ...(r.measured.length === 0
      ? []
      : [
          "",
          "| Page | Requests | From the page cache | p50 ms | p95 ms | p99 ms | Baseline: the bare database work | p50 ms | p95 ms | Page p95 / baseline p95 |",
          "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
          ...r.measured.map((m) => {
            const page = all(m.page);
            const bare = all(m.bare);
            return `| ${m.label} | ${int(page.length)} | ${(m.hits * 100).toFixed(0)} % | ${ms(percentile(page, 50))} | **${ms(percentile(page, 95))}** | ${ms(percentile(page, 99))} | ${m.baseline} | ${ms(percentile(bare, 50))} | ${ms(percentile(bare, 95))} | ${(percentile(page, 95) / percentile(bare, 95)).toFixed(2)}× |`;
          }),
          "",
          `Per-round page p95 (ms), to show the spread: ${r.measured.map((m) => `${m.label}: ${m.page.map((l) => ms(percentile(l, 95))).join(" / ")}`).join("; ")}. ` +
            `Errors (non-200 or failed): ${r.measured.reduce((a, m) => a + m.errors, 0)}.`,
        ]),
    ...(r.sequential ? ["", sequentialReport(r.sequential)] : []),
    ...(r.js && r.floor
      ? [
          "",
          `**JavaScript shipped to a notice page** (every \`<script src>\` of \`/zh-CN/n/<id>\` but \`nomodule\` ones, gzip level 6): **${kb(r.js.total)} KB** gzipped in ${r.js.files.length} files ` +
            `(largest: ${largest(r.js)}). Baseline, same run: an empty page of the same stack (a one-line App Router page, rendered per request, built with the same node_modules) ships **${kb(r.floor.total)} KB** in ${r.floor.files.length} files (largest: ${largest(r.floor)}); ` +
            `the notice page adds ${kb(r.js.total - r.floor.total)} KB to it.`,
        ]
      : []),
  ];
  return lines.join("\n");
}

interface Filled {
  name: string;
  notices: number;
  url: string;
  signerKey: string;
  fillSec: number;
  commitSec: number;
  indexSec: number;
}

/** Where `--keep` leaves what `--reuse=<database>` needs to measure a kept database again. */
const keptFile = (name: string) => path.join(os.tmpdir(), `${name}.bench-portal.json`);

/** A throwaway database with NOTICES notices, logged and indexed. */
function logConfigOf(signerKey: string): LogConfig {
  const signer = parseSignerKey(signerKey);
  return { origin: ORIGIN, signer, verifierKey: signer.verifierKey };
}

async function fill(db: BenchDatabase, prisma: PrismaClient): Promise<Filled> {
  const { signerKey } = generateKey(ORIGIN);
  const config = logConfigOf(signerKey);
  const [, fillSec] = await timed(() => insertBenchNotices(db.client, NOTICES));
  progress(`inserted ${int(NOTICES)} notices in ${fillSec.toFixed(0)} s`);
  const [, commitSec] = await timed(async () => {
    while ((await commitPending(prisma, config)).committed > 0);
  });
  progress(`committed in ${commitSec.toFixed(0)} s`);
  const [, indexSec] = await timed(() => reindexAll(prisma));
  await db.client.query("ANALYZE");
  progress(`indexed for search in ${indexSec.toFixed(0)} s`);
  return { name: db.name, notices: NOTICES, url: db.url, signerKey, fillSec, commitSec, indexSec };
}

async function main(): Promise<void> {
  const loadStart = os.loadavg()[0]!;
  const build = ensureBuild(progress);
  if (build.newerSources.length > 0) progress(`warning: ${build.newerSources.length} source files are newer than the build (${build.newerSources.slice(0, 3).join(", ")}…)`);
  const reuse = args.reuse;
  if (args.only !== undefined && args.write) throw new Error("--only measures some rows: it cannot --write the whole block");
  const kept: Filled | null = reuse ? (JSON.parse(fs.readFileSync(keptFile(reuse), "utf8")) as Filled) : null;
  if (kept && kept.notices !== NOTICES) throw new Error(`${reuse} holds ${kept.notices} notices: pass --notices=${kept.notices}`);
  const db = kept ? null : await createBenchDatabase();
  if (db) progress(`database ${db.name} created`);
  const prisma = createPrisma(kept?.url ?? db!.url);
  let server: Server | null = null;
  try {
    const filled = kept ?? (await fill(db!, prisma));
    if (db && args.keep) fs.writeFileSync(keptFile(db.name), JSON.stringify(filled));
    const serverEnv = { DATABASE_URL: filled.url, LOG_SIGNER_KEY: filled.signerKey, LOG_ORIGIN: ORIGIN, LOG_COMMIT_INTERVAL_MS: "0", NEXT_TELEMETRY_DISABLED: "1" };
    if (args.load) {
      await load(serverEnv, build.buildId, loadStart);
      return;
    }
    // The rows measure what each page costs at 50 connections from one address: the per-client
    // search limit (lib/server/rate-limit) would refuse most of that load, so it is off here; --load
    // measures it.
    server = await startServer({ ...serverEnv, RATE_LIMIT_SEARCH_PER_MINUTE: "0" }, PORT);
    progress(`the production server (server.mjs) answering on ${server.base}`);
    const only = args.only;
    // Before the rows under load, so that no notice it draws was rendered or kept by them.
    const sequential = only === undefined || ONE_AT_A_TIME.includes(only) ? await measureSequential(server, prisma) : null;
    const measured = await measure(server, prisma, logConfigOf(filled.signerKey));
    // The JavaScript figures need a build of an empty page (minutes): only in a whole run.
    const js = only === undefined ? await noticePageJs(server) : null;
    if (js) progress("building an empty page of the same stack for the JavaScript baseline");
    const floor = js ? await emptyPageJs(PORT + 1) : null;
    const section = report({ measured, sequential, js, floor, ...filled, buildId: build.buildId, loadStart, loadEnd: os.loadavg()[0]! });
    process.stdout.write(`${section}\n`);
    if (args.write) {
      writeDocBlock("portal", section);
      progress("docs/performance.md updated");
    }
  } finally {
    agent.destroy();
    if (server) await server.stop();
    await prisma.$disconnect().catch(() => {});
    if (db && args.keep) progress(`kept database ${db.name}: measure it again with --reuse=${db.name}`);
    else if (db) await db.drop();
  }
}

/** `--load`: the same database behind two servers, rate limits on and off (bench-portal-load.ts). */
async function load(serverEnv: Record<string, string>, buildId: string, loadStart: number): Promise<void> {
  const on = await startServer(serverEnv, PORT);
  const off = await startServer({ ...serverEnv, RATE_LIMIT_SEARCH_PER_MINUTE: "0" }, PORT + 2);
  try {
    progress(`two production servers answering: ${on.base} (rate limits on), ${off.base} (off)`);
    const pages = [
      "/zh-CN",
      "/en",
      ...Array.from({ length: 5 }, (_, i) => `/zh-CN/notices?page=${i + 1}`),
      ...Array.from({ length: Math.min(200, NOTICES) }, (_, i) => `/zh-CN/n/${benchNoticeId(NOTICES - 1 - i)}`),
    ];
    const options = { seconds: SECONDS, rounds: ROUNDS, visitors: 16, hammer: 4, pages, words: [...ZH_QUERIES, ...EN_QUERIES], progress };
    const sides = await measureLoad(
      [
        { label: "Rate limits on (the defaults: 12 searches a minute per address, bursts of 6)", server: on },
        { label: "Rate limits off (`RATE_LIMIT_SEARCH_PER_MINUTE=0`), the baseline", server: off },
      ],
      options,
    );
    const header =
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:portal -- --load\` on ${os.cpus().length} cores (load average ${loadStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end), ` +
      `build \`${buildId}\`, ${int(NOTICES)} notices.`;
    const section = loadReport(sides, options, header);
    process.stdout.write(`${section}\n`);
    if (args.write) {
      writeDocBlock("portal-load", section);
      progress("docs/performance.md updated");
    }
  } finally {
    await on.stop();
    await off.stop();
  }
}

await main();
