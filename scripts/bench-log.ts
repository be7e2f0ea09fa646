/**
 * npm run bench — the log service at 1,000,000 entries, each figure next to a baseline
 * measured in the same run (docs/performance.md, "Log service").
 *
 *   npm run bench                 prints the report (Markdown) to stdout, progress to stderr
 *   npm run bench -- --write      also replaces the generated block of docs/performance.md
 *   npm run bench -- --keep       keeps the throwaway database (its name is printed)
 *   --size=N --extra=N --proofs=N --http-seconds=N --no-http   smaller or shorter runs
 *
 * One run: a throwaway database (gongshi_bench_<random>), filled through the real committer
 * (commitPending) to 1,000,000 entries; sustained commits of another 100,000 alternating
 * with raw INSERTs of the same rows into scratch tables; a phase breakdown of one commit,
 * timed through commitPending's phase hook in rounds that are rolled back; proof
 * generation in process (cold and warm full-tile cache); HTTP proofs against `next start`
 * under autocannon; storage per entry. A benchmark, never a test: nothing here asserts a time.
 */
import "./load-env";
import { randomInt } from "node:crypto";
import os from "node:os";
import { createPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { LogConfig } from "@/lib/env";
import {
  generateKey,
  hashLeaf,
  parseSignerKey,
  proveInclusion,
  tileHashReader,
  TileTreeCache,
  type TileReader,
} from "@/lib/log";
import { commitPending } from "@/lib/log-service/commit-pending";
import { getConsistencyProof } from "@/lib/log-service/get-consistency-proof";
import { getInclusionProof } from "@/lib/log-service/get-inclusion-proof";
import { requireCheckpoint } from "@/lib/log-service/latest-checkpoint";
import { pendingVersions, previousVersionIndexes } from "@/lib/log-service/log-queries";
import { dbTileReader } from "@/lib/log-service/tile-store";
import { insertEntries, type NewEntry } from "@/lib/log-service/entry-store";
import { versionLeaf, type StoredVersion } from "@/lib/log-service/version-leaf";
import { pgTransaction } from "@/lib/db/pg-transaction";
import { addPending, createBenchDatabase, distinctRandom, type BenchDatabase } from "./bench-log-data";
import { ensureBuild, load, startServer, type BuildInfo, type LoadResult, type Server } from "./bench-log-http";
import { benchArgs } from "./bench-args";
import { writeDocBlock } from "./bench-doc";
import { bytes, int, median, ms, noise, pct, percentile, rate, sorted, timed } from "./bench-stats";

const args = benchArgs({ numbers: { size: 1_000_000, extra: 100_000, proofs: 3000, "http-seconds": 4 }, flags: ["keep", "no-http", "write"] });



const SIZE = args.size;
const EXTRA = args.extra;
const BATCH = 10_000;
const FILL_CHUNK = 100_000;
const PROOFS = args.proofs;
const HTTP_SECONDS = args["http-seconds"];
const HTTP_ROUNDS = 3;
const CONNECTIONS = 50;
const PORT = 3199;
const ORIGIN = "bench.gongshi.example/log";

const started = performance.now();
function progress(message: string): void {
  const at = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`bench ${at} s  ${message}\n`);
}

// ---------------------------------------------------------------------------------------
// 2. Fill

interface FillSegment {
  from: number;
  to: number;
  insertSec: number;
  commitSec: number;
  batches: number;
}

async function fill(db: BenchDatabase, prisma: PrismaClient, config: LogConfig) {
  const segments: FillSegment[] = [];
  let size = 0;
  const t0 = performance.now();
  while (size < SIZE) {
    const n = Math.min(FILL_CHUNK, SIZE - size);
    const insertSec = await addPending(db.client, { firstNumber: size, publish: n });
    const from = size;
    let batches = 0;
    const [, commitSec] = await timed(async () => {
      for (;;) {
        const r = await commitPending(prisma, config, BATCH);
        if (r.committed === 0) break;
        size = r.size;
        batches++;
      }
    });
    segments.push({ from, to: size, insertSec, commitSec, batches });
    progress(
      `fill: ${int(size)} entries (pending insert ${rate(n / insertSec)}, commit ${rate((size - from) / commitSec)}, ` +
        `${((performance.now() - t0) / 1000).toFixed(0)} s so far)`,
    );
  }
  return { segments, wallSec: (performance.now() - t0) / 1000 };
}

// ---------------------------------------------------------------------------------------
// 3. Sustained commits at ≥ 1,000,000, alternating with their baselines

const RAW_COLUMNS = "(index, leaf, leaf_hash, notice_version_id, logged_at)";
const RAW_SELECT = "SELECT i, l, h, v, $5 FROM unnest($1::bigint[], $2::bytea[], $3::bytea[], $4::bigint[]) AS t(i, l, h, v)";

async function createScratchTables(db: BenchDatabase): Promise<void> {
  await db.client.query(`
    CREATE TABLE bench_raw_plain (index bigint, leaf bytea, leaf_hash bytea, notice_version_id bigint, logged_at timestamptz(3));
    CREATE TABLE bench_raw_pg (index bigint, leaf bytea, leaf_hash bytea, notice_version_id bigint, logged_at timestamptz(3));
    CREATE TABLE bench_raw_indexed (
      index bigint PRIMARY KEY, leaf bytea NOT NULL, leaf_hash bytea NOT NULL,
      notice_version_id bigint UNIQUE, logged_at timestamptz(3) NOT NULL);
    CREATE INDEX ON bench_raw_indexed (leaf_hash);
    CREATE TABLE bench_raw_entries (LIKE log_entry INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);`);
}

interface RawRows {
  index: bigint[];
  leaf: Buffer[];
  hash: Buffer[];
  version: bigint[];
  entries: NewEntry[];
}

function cpuBuild(versions: readonly StoredVersion[], known: Map<string, number>, firstIndex: number) {
  const loggedAt = new Date().toISOString();
  const batches: { leafSec: number; hashSec: number; rows: RawRows; leafBytes: number }[] = [];
  for (let at = 0; at < versions.length; at += BATCH) {
    const part = versions.slice(at, at + BATCH);
    const t0 = performance.now();
    const leaves = part.map((v, i) => {
      const supersedes = v.version === 1 ? null : (known.get(`${v.noticeId}/${v.version - 1}`) ?? 0);
      const leaf = versionLeaf(v, loggedAt, supersedes);
      known.set(`${v.noticeId}/${v.version}`, firstIndex + at + i);
      return leaf;
    });
    const t1 = performance.now();
    const hashes = leaves.map((l) => hashLeaf(l));
    const t2 = performance.now();
    batches.push({
      leafSec: (t1 - t0) / 1000,
      hashSec: (t2 - t1) / 1000,
      leafBytes: leaves.reduce((a, l) => a + l.length, 0),
      rows: {
        index: part.map((_, i) => BigInt(firstIndex + at + i)),
        leaf: leaves.map((l) => Buffer.from(l)),
        hash: hashes.map((h) => Buffer.from(h)),
        version: part.map((v) => v.id),
        entries: part.map((v, i) => ({ index: firstIndex + at + i, leaf: leaves[i]!, leafHash: hashes[i]!, versionId: v.id, redactionId: null })),
      },
    });
  }
  return batches;
}

async function rawInsertPrisma(prisma: PrismaClient, table: string, rows: RawRows): Promise<number> {
  const [, sec] = await timed(() =>
    prisma.$transaction(
      (tx) => tx.$executeRawUnsafe(`INSERT INTO ${table} ${RAW_COLUMNS} ${RAW_SELECT}`, rows.index, rows.leaf, rows.hash, rows.version, new Date()),
      { timeout: 120_000, maxWait: 120_000 },
    ),
  );
  return sec;
}

async function rawInsertPg(db: BenchDatabase, rows: RawRows): Promise<number> {
  const [, sec] = await timed(async () => {
    await db.client.query("BEGIN");
    await db.client.query(`INSERT INTO bench_raw_pg ${RAW_COLUMNS} ${RAW_SELECT}`, [
      rows.index.map(String),
      rows.leaf,
      rows.hash,
      rows.version.map(String),
      new Date(),
    ]);
    await db.client.query("COMMIT");
  });
  return sec;
}

/** The committer's own INSERT (insertEntries, bytea blobs) on its own kind of transaction, into a scratch copy of log_entry. */
async function rawInsertCommitterStatement(prisma: PrismaClient, rows: RawRows): Promise<number> {
  const [, sec] = await timed(() =>
    pgTransaction(prisma, { isolationLevel: "READ COMMITTED", timeoutMs: 120_000 }, (tx) => insertEntries(tx, rows.entries, new Date(), "bench_raw_entries")),
  );
  return sec;
}

async function sustained(db: BenchDatabase, prisma: PrismaClient, config: LogConfig) {
  const amend = distinctRandom(Math.floor(EXTRA / 10), SIZE);
  const insertSec = await addPending(db.client, { firstNumber: SIZE, publish: EXTRA - amend.length, amend });
  progress(`sustained: ${int(EXTRA)} pending versions inserted (${int(amend.length)} amendments) in ${insertSec.toFixed(1)} s`);

  const [versions, fetchSec] = await timed(() => pendingVersions(prisma, EXTRA));
  const known = await previousVersionIndexes(prisma, versions);
  const cpu = cpuBuild(versions, known, SIZE);
  const leafBytes = cpu.reduce((a, b) => a + b.leafBytes, 0) / versions.length;
  progress(`sustained: CPU baseline done (${rate(versions.length / cpu.reduce((a, b) => a + b.leafSec + b.hashSec, 0))} leaves+hashes)`);

  await createScratchTables(db);
  const kinds = ["commit", "rawPlain", "rawIndexed", "rawPg", "rawEntries"] as const;
  const sec: Record<(typeof kinds)[number], number[]> = { commit: [], rawPlain: [], rawIndexed: [], rawPg: [], rawEntries: [] };
  let committed = 0;
  for (let b = 0; b < cpu.length; b++) {
    const rows = cpu[b]!.rows;
    // Rotate the order each round, so no side always runs right after the same neighbour.
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(b + k) % kinds.length]!;
      if (kind === "commit") {
        const [r, s] = await timed(() => commitPending(prisma, config, BATCH));
        if (r.committed !== rows.index.length) throw new Error(`commit took ${r.committed}, expected ${rows.index.length}`);
        committed += r.committed;
        sec.commit.push(s);
      } else if (kind === "rawPlain") sec.rawPlain.push(await rawInsertPrisma(prisma, "bench_raw_plain", rows));
      else if (kind === "rawIndexed") sec.rawIndexed.push(await rawInsertPrisma(prisma, "bench_raw_indexed", rows));
      else if (kind === "rawPg") sec.rawPg.push(await rawInsertPg(db, rows));
      else sec.rawEntries.push(await rawInsertCommitterStatement(prisma, rows));
    }
    progress(
      `sustained: batch ${b + 1}/${cpu.length}: commit ${rate(BATCH / sec.commit.at(-1)!)}, raw INSERT ${rate(BATCH / sec.rawPlain.at(-1)!)} ` +
        `(indexed ${rate(BATCH / sec.rawIndexed.at(-1)!)}, pg ${rate(BATCH / sec.rawPg.at(-1)!)}, committer's statement ${rate(BATCH / sec.rawEntries.at(-1)!)})`,
    );
  }
  if ((await commitPending(prisma, config, BATCH)).committed !== 0) throw new Error("queue not empty after the sustained batches");
  await db.client.query("DROP TABLE bench_raw_plain, bench_raw_pg, bench_raw_indexed, bench_raw_entries");
  return {
    insertSec,
    amendments: amend.length,
    fetchSec,
    versions: versions.length,
    leafBytes,
    committed,
    cpuLeafSec: cpu.map((c) => c.leafSec),
    cpuHashSec: cpu.map((c) => c.hashSec),
    sec,
  };
}

// ---------------------------------------------------------------------------------------
// Where a commit's time goes: commitPending itself, timed step by step through its phase
// hook, which throws after the last step so that the round rolls back and can be replayed.

class Rollback extends Error {}

const LAST_STEP = "INSERT checkpoint";

async function profiledCommit(prisma: PrismaClient, config: LogConfig): Promise<Map<string, number>> {
  const phases = new Map<string, number>();
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases.set(name, (phases.get(name) ?? 0) + (now - t));
    t = now;
  };
  try {
    await commitPending(prisma, config, BATCH, (step) => {
      lap(step);
      if (step === LAST_STEP) throw new Rollback();
    });
    throw new Error("the profiled commit ended without reaching its last step");
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  lap("ROLLBACK (instead of COMMIT)");
  return phases;
}

async function breakdown(db: BenchDatabase, prisma: PrismaClient, config: LogConfig) {
  await addPending(db.client, { firstNumber: SIZE + EXTRA, publish: BATCH });
  const runs: Map<string, number>[] = [];
  for (let i = 0; i < 3; i++) runs.push(await profiledCommit(prisma, config));
  const [r, realSec] = await timed(() => commitPending(prisma, config, BATCH));
  if (r.committed !== BATCH) throw new Error(`breakdown batch committed ${r.committed}`);
  const phases = [...runs[0]!.keys()].map((name) => ({ name, ms: median(runs.map((m) => m.get(name) ?? 0)) }));
  progress(`breakdown: real commit of the same batch ${(realSec * 1000).toFixed(0)} ms`);
  return { phases, realMs: realSec * 1000 };
}

// ---------------------------------------------------------------------------------------
// 4. Proofs, server-side, in this process

interface Latencies {
  label: string;
  ms: number[];
}

let decomposition: { parts: [number[], number[], number[]]; fullTilesPerProof: number; hitRate: number } | null = null;

async function sample(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** Runs several operations in turn, call by call, so load that comes and goes hits all alike. */
async function interleaved(n: number, fns: ((i: number) => Promise<unknown>)[]): Promise<number[][]> {
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < fns.length; k++) {
      const t = performance.now();
      await fns[k]!(i);
      out[k]!.push(performance.now() - t);
    }
  }
  return out;
}

async function proofs(prisma: PrismaClient): Promise<Latencies[]> {
  const S = SIZE;
  const select1 = () => prisma.$queryRawUnsafe("SELECT 1");
  const checkpoint = () => requireCheckpoint(prisma);
  const inclusion = () => getInclusionProof(prisma, randomInt(S), S);
  const noCache = async () => {
    await requireCheckpoint(prisma);
    return proveInclusion(randomInt(S), S, tileHashReader(S, dbTileReader(prisma)));
  };
  // Warm the client and the JIT without touching the service's full-tile cache.
  await sample(200, select1);
  await sample(200, checkpoint);
  const [noCacheMs] = await interleaved(Math.min(PROOFS, 1000), [noCache]);
  progress("proofs: without cache done");
  // The first proofs this process serves: the full-tile cache starts empty.
  const cold = await sample(Math.min(PROOFS, 1000), inclusion);
  progress("proofs: cold cache done");
  await sample(2000, inclusion);
  const [s1, cp, inc] = await interleaved(PROOFS, [select1, checkpoint, inclusion]);
  progress("proofs: inclusion (warm) done");
  // The same composition as logHashReader, but with a timed tile reader and a cache of our own
  // (same capacity), so a warm proof's time splits into its query and its CPU; a shadow LRU
  // with the cache's keys counts hits.
  const ownCache = new TileTreeCache(2048);
  const shadow = new Map<string, true>();
  let tileMs = 0;
  let fullTiles = 0;
  let hits = 0;
  const timed: TileReader = {
    async readTiles(tiles) {
      for (const t of tiles.filter((t) => t.width === 256)) {
        const key = `${t.level}/${t.n}`;
        fullTiles++;
        if (shadow.delete(key)) hits++;
        else if (shadow.size >= 2048) shadow.delete(shadow.keys().next().value!);
        shadow.set(key, true);
      }
      const t0 = performance.now();
      const r = await dbTileReader(prisma).readTiles(tiles);
      tileMs += performance.now() - t0;
      return r;
    },
  };
  const parts: [number[], number[], number[]] = [[], [], []];
  const decomposed = async (record: boolean) => {
    const t0 = performance.now();
    await requireCheckpoint(prisma);
    const t1 = performance.now();
    tileMs = 0;
    await proveInclusion(randomInt(S), S, tileHashReader(S, timed, ownCache));
    const t2 = performance.now();
    if (record) {
      parts[0].push(t1 - t0);
      parts[1].push(tileMs);
      parts[2].push(t2 - t1 - tileMs);
    }
  };
  for (let i = 0; i < 3000; i++) await decomposed(false);
  fullTiles = 0;
  hits = 0;
  for (let i = 0; i < PROOFS; i++) await decomposed(true);
  decomposition = { parts, fullTilesPerProof: fullTiles / PROOFS, hitRate: hits / Math.max(1, fullTiles) };
  progress("proofs: decomposition done");
  const consHead = () => getConsistencyProof(prisma, 1 + randomInt(S - 1), S);
  const consRandom = () => {
    const a = 1 + randomInt(S - 1);
    const b = 1 + randomInt(S - 1);
    return getConsistencyProof(prisma, Math.min(a, b), Math.max(a, b) + 1);
  };
  await sample(1000, consHead);
  await sample(1000, consRandom);
  const [s1b, ch, cr] = await interleaved(PROOFS, [select1, consHead, consRandom]);
  progress("proofs: consistency done");
  return [
    { label: "`SELECT 1` through the same Prisma client (baseline)", ms: [...s1!, ...s1b!] },
    { label: "Latest checkpoint lookup (`requireCheckpoint`, part of every proof)", ms: cp! },
    { label: `Inclusion, \`getInclusionProof\`, warm cache (after ${int(Math.min(PROOFS, 1000) + 2000)} proofs)`, ms: inc! },
    { label: `Inclusion, cold cache: the first ${int(cold.length)} proofs the process serves`, ms: cold },
    { label: "Inclusion without the full-tile cache (same queries, `tileHashReader` without cache)", ms: noCacheMs! },
    { label: `Consistency, \`getConsistencyProof\`, random m → ${int(S)} (the head)`, ms: ch! },
    { label: `Consistency, random m < n ≤ ${int(S)}`, ms: cr! },
  ];
}

// ---------------------------------------------------------------------------------------
// 5. HTTP

interface HttpRow {
  label: string;
  path: string;
  rounds: LoadResult[];
}

async function http(dbUrl: string, dbName: string, signerKey: string): Promise<{ build: BuildInfo; rows: HttpRow[]; serverLog: string }> {
  const build = ensureBuild(progress);
  if (build.newerSources.length > 0) {
    progress(`warning: ${build.newerSources.length} source files are newer than the build (${build.newerSources.slice(0, 3).join(", ")}…)`);
  }
  const server: Server = await startServer(
    {
      DATABASE_URL: dbUrl,
      LOG_SIGNER_KEY: signerKey,
      LOG_ORIGIN: ORIGIN,
      LOG_COMMIT_INTERVAL_MS: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      // These rows measure Next's route handlers; `npm run bench:log-http` measures server.mjs's own answers.
      LOG_HTTP_FAST_PATH: "off",
    },
    PORT,
  );
  progress(`http: next start (build ${build.buildId}) answering on ${server.base}, pid ${server.pid}`);
  const S = SIZE;
  const rows: HttpRow[] = [
    { label: "`/api/v1/no-such-endpoint`: JSON 404, no database (framework floor)", path: "/api/v1/no-such-endpoint", rounds: [] },
    { label: "`/log/checkpoint`: one query (latest checkpoint)", path: "/log/checkpoint", rounds: [] },
    { label: `\`/api/v1/log/proof/inclusion?index=<random>&size=${S}\``, path: "inclusion", rounds: [] },
    { label: `\`/api/v1/log/proof/consistency?from=<random>&to=${S}\``, path: "consistency", rounds: [] },
  ];
  const makePath = (p: string) => () =>
    p === "inclusion"
      ? `/api/v1/log/proof/inclusion?index=${randomInt(S)}&size=${S}`
      : p === "consistency"
        ? `/api/v1/log/proof/consistency?from=${1 + randomInt(S - 1)}&to=${S}`
        : p;
  try {
    for (const row of rows) {
      await load(server, dbName, makePath(row.path), 2, CONNECTIONS); // warm-up, not reported
    }
    progress("http: warm-up done");
    for (let round = 0; round < HTTP_ROUNDS; round++) {
      for (const row of rows) {
        const r = await load(server, dbName, makePath(row.path), HTTP_SECONDS, CONNECTIONS);
        row.rounds.push(r);
        progress(`http: round ${round + 1} ${row.path.slice(0, 40)}: ${int(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}`);
      }
    }
  } finally {
    await server.stop();
  }
  return { build, rows, serverLog: server.output() };
}

// ---------------------------------------------------------------------------------------
// 6. Storage

async function storage(db: BenchDatabase) {
  await db.client.query("ANALYZE");
  const entries = Number((await db.client.query("SELECT count(*) AS n FROM log_entry")).rows[0].n);
  const rels = (
    await db.client.query<{ relname: string; total: string; heap: string; idx: string; toast: string; rows: string; dead: string }>(
      `SELECT c.relname, pg_total_relation_size(c.oid) AS total, pg_relation_size(c.oid) AS heap,
              pg_indexes_size(c.oid) AS idx, coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) AS toast,
              c.reltuples::bigint AS rows, coalesce(s.n_dead_tup, 0) AS dead
       FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
       WHERE c.relkind = 'r' AND c.relname = ANY($1) ORDER BY c.relname`,
      [["log_entry", "tree_tile", "checkpoint", "log_queue", "notice_version", "notice"]],
    )
  ).rows.map((r) => ({ name: r.relname, total: Number(r.total), heap: Number(r.heap), idx: Number(r.idx), toast: Number(r.toast), rows: Number(r.rows), dead: Number(r.dead) }));
  const indexes = (
    await db.client.query<{ name: string; size: string }>(
      `SELECT i.relname AS name, pg_relation_size(i.oid) AS size FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       WHERE t.relname IN ('log_entry', 'tree_tile', 'checkpoint') ORDER BY t.relname, i.relname`,
    )
  ).rows.map((r) => ({ name: r.name, size: Number(r.size) }));
  const avg = (
    await db.client.query<{ leaf: string; fields: string; salts: string }>(
      `SELECT (SELECT avg(length(leaf)) FROM log_entry) AS leaf,
              (SELECT avg(pg_column_size(fields)) FROM notice_version) AS fields,
              (SELECT avg(pg_column_size(salts)) FROM notice_version) AS salts`,
    )
  ).rows[0]!;
  const tiles = (await db.client.query("SELECT count(*) AS n, sum(length(data)) AS b FROM tree_tile")).rows[0];
  return {
    entries,
    rels,
    indexes,
    leafBytes: Number(avg.leaf),
    fieldsBytes: Number(avg.fields),
    saltsBytes: Number(avg.salts),
    tileRows: Number(tiles.n),
    tileDataBytes: Number(tiles.b),
  };
}

// ---------------------------------------------------------------------------------------
// Report

function latencyRow(l: Latencies): string {
  const mean = l.ms.reduce((a, b) => a + b, 0) / l.ms.length;
  return `| ${l.label} | ${int(l.ms.length)} | ${ms(percentile(l.ms, 50))} | ${ms(percentile(l.ms, 90))} | ${ms(percentile(l.ms, 99))} | ${ms(Math.max(...l.ms))} | ${rate(1000 / mean)} |`;
}

function report(r: {
  env: string[];
  fill: Awaited<ReturnType<typeof fill>>;
  sus: Awaited<ReturnType<typeof sustained>>;
  brk: Awaited<ReturnType<typeof breakdown>>;
  lat: Latencies[];
  web: Awaited<ReturnType<typeof http>> | null;
  st: Awaited<ReturnType<typeof storage>>;
  totalSec: number;
}): string {
  const out: string[] = [...r.env, ""];
  const { fill: f, sus: s, brk: b, st } = r;

  // Fill
  const fillCommitSec = f.segments.reduce((a, x) => a + x.commitSec, 0);
  const fillInsertSec = f.segments.reduce((a, x) => a + x.insertSec, 0);
  out.push(
    `**Fill to ${int(SIZE)}** through the real committer: pending versions bulk-inserted straight into SQL ${int(FILL_CHUNK)} at a time ` +
      `(title, ~600-byte Chinese body, number, category, language, effectiveDate; a random 32-byte salt per field), ` +
      `then \`commitPending(…, ${int(BATCH)})\` until the queue is empty. ` +
      `Whole fill ${(f.wallSec / 60).toFixed(1)} min: commits ${fillCommitSec.toFixed(0)} s (${rate(SIZE / fillCommitSec)}), ` +
      `pending inserts ${fillInsertSec.toFixed(0)} s (${rate(SIZE / fillInsertSec)}).`,
    "",
    "| Log size | Commit rate | Pending insert rate (context) |",
    "| --- | ---: | ---: |",
    ...f.segments.map((x) => `| ${int(x.from)} → ${int(x.to)} | ${rate((x.to - x.from) / x.commitSec)} | ${rate((x.to - x.from) / x.insertSec)} |`),
    "",
  );

  // Sustained
  const per = (secs: number[]) => secs.map((x) => BATCH / x);
  const overall = (secs: number[]) => (secs.length * BATCH) / secs.reduce((a, x) => a + x, 0);
  const ratios = (other: number[]) => s.sec.commit.map((c, i) => other[i]! / c); // commit rate / other rate
  const cpuSec = s.cpuLeafSec.map((x, i) => x + s.cpuHashSec[i]!);
  const row = (label: string, secs: number[], ratioTo: number[] | null) => {
    const rates = per(secs);
    const rat = ratioTo ? ratios(ratioTo) : null;
    return `| ${label} | ${rate(median(rates))} | ${rate(overall(secs))} | ±${pct(noise(rates))} | ${rat ? `${pct(median(rat))} ±${pct(noise(rat))}` : "—"} |`;
  };
  out.push(
    `**Sustained commits at ${int(SIZE)} → ${int(SIZE + EXTRA)}**: ${int(EXTRA)} pending versions (${int(s.amendments)} of them amendments of logged notices), ` +
      `committed in batches of ${int(BATCH)}. Each round runs one commit batch and, in rotating order, the baselines over the same ${int(BATCH)} leaves ` +
      `(${int(s.leafBytes)} bytes on average), each in one transaction: the first three with an \`unnest\` of \`bytea[]\` (the committer's statement until 2026-12), ` +
      `the fourth with the committer's own statement (\`insertEntries\`: leaves and hashes as two binary bytea parameters cut apart by offset) on a transaction like the committer's. ` +
      `"Commit ÷ baseline" is the median of the per-round ratios; noise is half their spread.`,
    "",
    "| Measurement | Median batch | Overall | Noise (rate) | Commit ÷ baseline |",
    "| --- | ---: | ---: | ---: | ---: |",
    row("`commitPending`, batches of 10,000 (the log)", s.sec.commit, null),
    row("Raw INSERT, log_entry-shaped rows, plain table, via Prisma `$executeRawUnsafe`", s.sec.rawPlain, s.sec.rawPlain),
    row("Raw INSERT, same, with log_entry's indexes (PK, UNIQUE, leaf_hash), via Prisma", s.sec.rawIndexed, s.sec.rawIndexed),
    row("Raw INSERT, plain table, via `pg` directly (no Prisma)", s.sec.rawPg, s.sec.rawPg),
    row("Raw INSERT, scratch copy of log_entry (its indexes and checks, no foreign keys), the committer's own statement via `pg`", s.sec.rawEntries, s.sec.rawEntries),
    row("CPU only: `versionLeaf` + `hashLeaf` over the same versions", cpuSec, cpuSec),
    `| of which \`versionLeaf\` (JCS leaf from the 6 stored commitments) | ${rate(median(per(s.cpuLeafSec)))} | ${rate(overall(s.cpuLeafSec))} | ±${pct(noise(per(s.cpuLeafSec)))} | — |`,
    `| of which \`hashLeaf\` | ${rate(median(per(s.cpuHashSec)))} | ${rate(overall(s.cpuHashSec))} | ±${pct(noise(per(s.cpuHashSec)))} | — |`,
    "",
    `Context: reading all ${int(s.versions)} pending versions at once with the committer's own query took ${s.fetchSec.toFixed(1)} s (${rate(s.versions / s.fetchSec)}).`,
    "",
  );

  // Breakdown
  const sum = b.phases.reduce((a, p) => a + p.ms, 0);
  out.push(
    `**Where a commit's time goes** (one batch of ${int(BATCH)} at ${int(SIZE + EXTRA)}): \`commitPending\` itself, timed step by step through its phase hook, ` +
      `which throws after the last step so that the round rolls back; median of 3; then the same batch committed for real: ${ms(b.realMs)} ms ` +
      `(${rate(BATCH / (b.realMs / 1000))}). The profiled rounds sum to ${ms(sum)} ms; they end in ROLLBACK where the real one ends in COMMIT (WAL flush), and the rest of the difference is noise.`,
    "",
    "| Step | ms | Share |",
    "| --- | ---: | ---: |",
    ...b.phases.map((p) => `| ${p.name} | ${ms(p.ms)} | ${pct(p.ms / sum)} |`),
    "",
  );

  // Proofs
  out.push(
    `**Proofs at ${int(SIZE)} entries, server-side** (in this process, through the services the routes call; random indexes; ` +
      `the full-tile cache holds 2,048 of the tree's ${int(Math.floor(SIZE / 256))} full level-0 tiles). Calls alternate with the baseline, one by one.`,
    "",
    "| Measurement | Calls | p50 ms | p90 ms | p99 ms | max ms | Sequential rate |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.lat.map(latencyRow),
    "",
  );
  if (decomposition) {
    const d = decomposition;
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const names = [
      "Latest checkpoint lookup (Prisma `findFirst`)",
      "Tile query (`dbTileReader.readTiles`, one `$queryRawUnsafe`)",
      "CPU: proof from the tiles, full-tile cache included",
    ];
    const total = mean(d.parts[0]) + mean(d.parts[1]) + mean(d.parts[2]);
    out.push(
      `Where a warm inclusion proof's time goes: the service's composition rebuilt with a timed tile reader and a cache of its own (same capacity), ` +
        `${int(PROOFS)} proofs after 3,000 of warm-up. ${d.fullTilesPerProof.toFixed(2)} full tiles per proof; ` +
        `the cache answered **${pct(d.hitRate)}** of them (random indexes over ${int(Math.floor(SIZE / 256))} level-0 tiles); each miss rebuilds a 511-node tile tree (255 hashes).`,
      "",
      "| Part | p50 ms | p99 ms | Mean ms | Share of mean |",
      "| --- | ---: | ---: | ---: | ---: |",
      ...names.map((n, i) => `| ${n} | ${ms(percentile(d.parts[i]!, 50))} | ${ms(percentile(d.parts[i]!, 99))} | ${ms(mean(d.parts[i]!))} | ${pct(mean(d.parts[i]!) / total)} |`),
      "",
    );
  }

  // HTTP
  if (r.web) {
    const w = r.web;
    const floor = median(w.rows[0]!.rounds.map((x) => x.rps));
    const m = (row: HttpRow, k: keyof Omit<LoadResult, "cpu">) => median(row.rounds.map((x) => x[k] as number));
    const mc = (row: HttpRow, k: keyof LoadResult["cpu"]) => median(row.rounds.map((x) => x.cpu[k]));
    out.push(
      `**HTTP** against \`next start\` (production build ${w.build.buildId}${w.build.built ? ", built by this run" : ""}, ` +
        `${w.build.newerSources.length === 0 ? "no source file newer than the build" : `**${w.build.newerSources.length} source files newer than the build**`}), ` +
        `autocannon in the bench process, ${CONNECTIONS} connections, loopback; ${HTTP_ROUNDS} rounds of ${HTTP_SECONDS} s per endpoint, alternating, after a 2-s warm-up each. ` +
        `Medians of the rounds. CPU in cores (of ${os.cpus().length}): the Next server process group, autocannon (this process), and the whole machine.`,
      "",
      "| Endpoint | Requests/s | Noise | ÷ floor | p50 ms | p99 ms | non-2xx | Server CPU ms/req | PG CPU ms/req | 2-core ceiling | Server cores | autocannon cores | Machine cores |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...w.rows.map((row) => {
        const rps = row.rounds.map((x) => x.rps);
        const non2xx = row.rounds.reduce((a, x) => a + x.non2xx, 0);
        const errors = row.rounds.reduce((a, x) => a + x.errors, 0);
        const perReq = (k: "server" | "postgres") => median(row.rounds.map((x) => (x.cpu[k] / x.rps) * 1000));
        const ceiling = (os.cpus().length * 1000) / (perReq("server") + perReq("postgres"));
        return (
          `| ${row.label} | ${int(median(rps))} | ±${pct(noise(rps))} | ${pct(median(rps) / floor)} | ${m(row, "p50")} | ${m(row, "p99")} | ` +
          `${int(non2xx)}${row === w.rows[0] ? " (all 404, expected)" : ""}${errors ? `, ${errors} errors` : ""} | ` +
          `${perReq("server").toFixed(2)} | ${perReq("postgres").toFixed(2)} | ${int(ceiling)} /s | ` +
          `${mc(row, "server").toFixed(2)} | ${mc(row, "self").toFixed(2)} | ${mc(row, "machine").toFixed(2)} |`
        );
      }),
      "",
      "CPU per request is the server process group's (or PostgreSQL's: the bench database's backends plus the shared helpers) CPU time over the round divided by the requests served; " +
        "it does not depend on how much of the machine the server got. The 2-core ceiling is what server plus database CPU per request would allow " +
        "if the whole machine served nothing else (autocannon, other work and idle excluded).",
      "",
    );
  } else {
    out.push("**HTTP**: skipped (--no-http).", "");
  }

  // Storage
  const logRels = st.rels.filter((x) => ["log_entry", "tree_tile", "checkpoint"].includes(x.name));
  const logTotal = logRels.reduce((a, x) => a + x.total, 0);
  out.push(
    `**Storage** after the run, ${int(st.entries)} entries (\`pg_total_relation_size\`: heap, TOAST and indexes; dead rows are not vacuumed away first). ` +
      `The log's own tables take **${int(logTotal / st.entries)} bytes per entry**, beyond the notice content. ` +
      `An entry's leaf averages ${int(st.leafBytes)} bytes; tile data is ${bytes(st.tileDataBytes)} in ${int(st.tileRows)} rows.`,
    "",
    "| Relation | Total | Heap | Indexes | TOAST | Rows | Dead rows | Per entry |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...st.rels.map(
      (x) =>
        `| ${["log_entry", "tree_tile", "checkpoint"].includes(x.name) ? "" : "(context) "}\`${x.name}\` | ${bytes(x.total)} | ${bytes(x.heap)} | ${bytes(x.idx)} | ${bytes(x.toast)} | ${int(x.rows)} | ${int(x.dead)} | ${int(x.total / st.entries)} B |`,
    ),
    `| **log total** (log_entry + tree_tile + checkpoint) | ${bytes(logTotal)} | | | | | | **${int(logTotal / st.entries)} B** |`,
    "",
    `Indexes: ${st.indexes.map((i) => `\`${i.name}\` ${bytes(i.size)} (${int(i.size / st.entries)} B/entry)`).join(", ")}. ` +
      `Notice content for context: \`fields\` averages ${int(st.fieldsBytes)} bytes and \`salts\` ${int(st.saltsBytes)} bytes per version (as stored, jsonb).`,
    "",
    `Whole run: ${(r.totalSec / 60).toFixed(1)} min.`,
  );
  return out.join("\n");
}


// ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const loadStart = os.loadavg()[0]!;
  const db = await createBenchDatabase();
  progress(`database ${db.name} created and migrated`);
  const prisma = createPrisma(db.url);
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await prisma.$disconnect().catch(() => {});
    if (args.keep) progress(`kept database ${db.name} (${db.url})`);
    else await db.drop().catch((e) => progress(`could not drop ${db.name}: ${(e as Error).message}`));
  };
  process.once("SIGINT", () => {
    progress("interrupted: cleaning up");
    void cleanup().finally(() => process.exit(130));
  });
  try {
    const { signerKey } = generateKey(ORIGIN);
    const signer = parseSignerKey(signerKey);
    const config: LogConfig = { origin: ORIGIN, signer, verifierKey: signer.verifierKey };

    const pgInfo = (
      await db.client.query(
        `SELECT current_setting('server_version') AS v, current_setting('shared_buffers') AS sb,
                current_setting('synchronous_commit') AS sc, current_setting('max_wal_size') AS wal`,
      )
    ).rows[0];

    const f = await fill(db, prisma, config);
    const sus = await sustained(db, prisma, config);
    const st = await storage(db);
    progress("storage measured");
    const brk = await breakdown(db, prisma, config);
    const lat = await proofs(prisma);
    const web = args["no-http"] ? null : await http(db.url, db.name, signerKey);
    const totalSec = (performance.now() - started) / 1000;
    const cpus = os.cpus();
    const env = [
      `Run of ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus[0]?.model ?? "unknown CPU"} · ${cpus.length} cores · ` +
        `${os.platform()}/${os.arch()} · PostgreSQL ${pgInfo.v} (shared_buffers ${pgInfo.sb}, synchronous_commit ${pgInfo.sc}, max_wal_size ${pgInfo.wal}) · ` +
        `load average ${loadStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end`,
    ];
    const section = report({ env, fill: f, sus, brk, lat, web, st, totalSec });
    process.stdout.write(`${section}\n`);
    if (args.write) {
      writeDocBlock("log", section);
      progress("docs/performance.md updated");
    }
  } finally {
    await cleanup();
  }
}

await main();
