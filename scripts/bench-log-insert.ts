/**
 * npm run bench:log-insert — where the committer's `INSERT log_entry` spends its time at
 * 1,100,000 entries (docs/performance.md, "What the log_entry insert costs").
 *
 *   npm run bench:log-insert                  prints the report (Markdown) to stdout
 *   --size=N --rounds=N --keep                a smaller table, fewer rounds, keep the database
 *
 * The committer's own statement (insertEntries in lib/server/log-service/entry-store.ts), 10,000
 * entries at a time, into copies of log_entry that differ in one thing each, in alternating
 * rounds: no indexes (the baseline), log_entry's indexes on an empty table, the same on a table
 * of N entries, that plus the foreign key to the versions, and that without the leaf-hash
 * index. Each round runs under EXPLAIN (ANALYZE, BUFFERS, WAL), so besides the time it reports
 * what PostgreSQL did: the foreign-key checks' own time, pages read from outside shared_buffers,
 * full-page images written to the WAL. Those counts do not depend on how busy the machine is.
 * Every round is measured twice: right after a CHECKPOINT (each page's first change then
 * writes the whole page to the WAL) and once more straight after. A benchmark, never a test.
 */
import "./load-env";
import { randomBytes } from "node:crypto";
import { insertEntries, type NewEntry } from "@/lib/server/log-service/entry-store";
import type { SqlRunner } from "@/lib/server/log-service/tile-store";
import { createBenchDatabase } from "./bench-log-data";
import { benchArgs } from "./bench-args";
import { int, median, ms } from "./bench-stats";

const args = benchArgs({ numbers: { size: 1_100_000, rounds: 5 }, flags: ["keep"] });
const SIZE = args.size;
const ROUNDS = args.rounds;
const BATCH = 10_000;
/** A leaf of the bench's realistic notices is about 536 bytes; a version row about 1,458 (docs/performance.md). */
const LEAF_BYTES = 536;
const VERSION_PAD = 1_400;

interface Variant {
  table: string;
  label: string;
  filled: boolean;
  fk: boolean;
  leafHashIndex: boolean;
  indexes: boolean;
}

const VARIANTS: Variant[] = [
  { table: "probe_plain", label: "no indexes, empty (baseline)", filled: false, fk: false, leafHashIndex: false, indexes: false },
  { table: "probe_indexed", label: "log_entry's indexes, empty", filled: false, fk: false, leafHashIndex: true, indexes: true },
  { table: "probe_full", label: `log_entry's indexes, ${int(SIZE)} entries`, filled: true, fk: false, leafHashIndex: true, indexes: true },
  { table: "probe_full_fk", label: `same, with the foreign key to the versions`, filled: true, fk: true, leafHashIndex: true, indexes: true },
  { table: "probe_full_fk_no_hash", label: "same, without the leaf-hash index", filled: true, fk: true, leafHashIndex: false, indexes: true },
];

interface Measure {
  ms: number;
  fkMs: number;
  readPages: number;
  fpi: number;
  walBytes: number;
}

function progress(message: string): void {
  process.stderr.write(`bench:log-insert  ${message}\n`);
}

async function main(): Promise<void> {
  const db = await createBenchDatabase();
  const sql = db.client;
  try {
    // A stand-in for notice_version with rows of its width: the foreign key's check finds and
    // locks the parent row, so the parent's size and width are part of what it costs.
    const parents = SIZE + BATCH * ROUNDS * 2 * VARIANTS.length;
    progress(`making ${int(parents - SIZE)} parent rows and ${VARIANTS.filter((v) => v.filled).length} tables of ${int(SIZE)} entries`);
    await sql.query(`CREATE TABLE probe_version (id bigint PRIMARY KEY, pad text NOT NULL)`);
    await sql.query(`INSERT INTO probe_version SELECT i, repeat('x', ${VERSION_PAD}) FROM generate_series($1::bigint, $2::bigint) i`, [SIZE, parents]);
    for (const v of VARIANTS) {
      await sql.query(`CREATE TABLE ${v.table} (LIKE log_entry ${v.indexes ? "INCLUDING ALL" : ""})`);
      if (v.filled) {
        // Synthetic leaves of the real length, with distinct random-looking hashes: the leaf-hash
        // index is keyed by SHA-256, so its insertions land on random pages as the real ones do.
        await sql.query(
          `INSERT INTO ${v.table} (index, leaf, leaf_hash, notice_version_id, logged_at)
           SELECT i, decode(repeat(encode(sha256(int8send(-i)), 'hex'), ${Math.ceil(LEAF_BYTES / 32)}), 'hex'), sha256(int8send(i)), i, now()
           FROM generate_series(0, $1::bigint - 1) i`,
          [SIZE],
        );
      }
      if (!v.leafHashIndex && v.indexes) {
        const { rows } = await sql.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = $1 AND indexdef LIKE '%(leaf_hash)%'`, [v.table]);
        for (const r of rows) await sql.query(`DROP INDEX ${r.indexname}`);
      }
      // NOT VALID: the synthetic rows have no parents; every new row is checked all the same.
      if (v.fk) await sql.query(`ALTER TABLE ${v.table} ADD FOREIGN KEY (notice_version_id) REFERENCES probe_version (id) NOT VALID`);
      await sql.query(`VACUUM ANALYZE ${v.table}`);
    }
    await sql.query("VACUUM ANALYZE probe_version");

    const next = new Map(VARIANTS.map((v) => [v.table, v.filled ? SIZE : 0]));
    let nextParent = SIZE;
    const results = new Map<string, { afterCheckpoint: Measure[]; steady: Measure[] }>(VARIANTS.map((v) => [v.table, { afterCheckpoint: [], steady: [] }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const v of VARIANTS) {
        await sql.query("CHECKPOINT");
        for (const phase of ["afterCheckpoint", "steady"] as const) {
          const from = next.get(v.table)!;
          const entries: NewEntry[] = [];
          for (let i = 0; i < BATCH; i++) entries.push({ index: from + i, leaf: randomBytes(LEAF_BYTES), leafHash: randomBytes(32), versionId: BigInt(nextParent + i) });
          nextParent += BATCH;
          next.set(v.table, from + BATCH);
          results.get(v.table)![phase].push(await explainInsert(sql, entries, v.table));
        }
      }
      progress(`round ${round + 1} of ${ROUNDS}`);
    }
    process.stdout.write(report(results));
  } finally {
    if (args.keep) progress(`kept database ${db.name}`);
    else await db.drop();
  }
}

/** Runs insertEntries' statement under EXPLAIN ANALYZE in its own transaction, committed. */
async function explainInsert(client: import("pg").Client, entries: NewEntry[], table: string): Promise<Measure> {
  let plan: ExplainPlan | undefined;
  const runner: SqlRunner = {
    $queryRawUnsafe: () => Promise.reject(new Error("not used")),
    async $executeRawUnsafe(text: string, ...values: unknown[]) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, WAL, FORMAT JSON) ${text}`, values);
      plan = (rows[0] as { "QUERY PLAN": ExplainPlan[] })["QUERY PLAN"][0];
      return entries.length;
    },
  } as unknown as SqlRunner;
  await client.query("BEGIN");
  await insertEntries(runner, entries, new Date(), table);
  await client.query("COMMIT");
  const top = plan!.Plan;
  return {
    ms: plan!["Execution Time"],
    fkMs: (plan!.Triggers ?? []).filter((t) => t["Trigger Name"].startsWith("RI_")).reduce((a, t) => a + t.Time, 0),
    readPages: top["Shared Read Blocks"] ?? 0,
    fpi: top["WAL FPI"] ?? 0,
    walBytes: top["WAL Bytes"] ?? 0,
  };
}

interface ExplainPlan {
  "Execution Time": number;
  Plan: { "Shared Read Blocks"?: number; "WAL FPI"?: number; "WAL Bytes"?: number };
  Triggers?: { "Trigger Name": string; Time: number; Calls: number }[];
}

function report(results: Map<string, { afterCheckpoint: Measure[]; steady: Measure[] }>): string {
  const base = median(results.get(VARIANTS[0]!.table)!.steady.map((m) => m.ms));
  const lines = [
    `${int(BATCH)} entries a statement, ${ROUNDS} rounds per variant, variants alternating; medians. ` +
      `"After a checkpoint" is the first statement after CHECKPOINT, "steady" the one straight after it.`,
    "",
    "| Table | ms per 10,000, after a checkpoint | ms, steady | steady ÷ baseline | foreign-key checks, ms | pages read into shared_buffers | WAL full-page images (after checkpoint / steady) | WAL MiB (after / steady) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const v of VARIANTS) {
    const r = results.get(v.table)!;
    const m = (list: Measure[], f: (x: Measure) => number) => median(list.map(f));
    lines.push(
      `| ${v.label} | ${ms(m(r.afterCheckpoint, (x) => x.ms))} | ${ms(m(r.steady, (x) => x.ms))} | ${(m(r.steady, (x) => x.ms) / base).toFixed(2)}× | ` +
        `${v.fk ? ms(m(r.steady, (x) => x.fkMs)) : "—"} | ${int(m(r.steady, (x) => x.readPages))} | ` +
        `${int(m(r.afterCheckpoint, (x) => x.fpi))} / ${int(m(r.steady, (x) => x.fpi))} | ` +
        `${(m(r.afterCheckpoint, (x) => x.walBytes) / 2 ** 20).toFixed(1)} / ${(m(r.steady, (x) => x.walBytes) / 2 ** 20).toFixed(1)} |`,
    );
  }
  return lines.join("\n") + "\n";
}

await main();
