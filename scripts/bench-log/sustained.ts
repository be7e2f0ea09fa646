/** Sustained commits of the extra entries, alternating with raw INSERTs of the same rows: the committer against its baselines. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { LogConfig } from "@/lib/server/env";
import { hashLeaf } from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { pendingVersions, previousVersionIndexes } from "@/lib/server/log-service/log-queries";
import { insertEntries, type NewEntry } from "@/lib/server/log-service/entry-store";
import { versionLeaf, type StoredVersion } from "@/lib/server/log-service/version-leaf";
import { pgTransaction } from "@/lib/server/db/pg-transaction";
import { addPending, distinctRandom, type BenchDatabase } from "../bench-log-data";
import { int, rate, timed } from "../bench-stats";
import { BATCH, EXTRA, SIZE, progress } from "./settings";

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
    prisma.$transaction((tx) => tx.$executeRawUnsafe(`INSERT INTO ${table} ${RAW_COLUMNS} ${RAW_SELECT}`, rows.index, rows.leaf, rows.hash, rows.version, new Date()), {
      timeout: 120_000,
      maxWait: 120_000,
    }),
  );
  return sec;
}

async function rawInsertPg(db: BenchDatabase, rows: RawRows): Promise<number> {
  const [, sec] = await timed(async () => {
    await db.client.query("BEGIN");
    await db.client.query(`INSERT INTO bench_raw_pg ${RAW_COLUMNS} ${RAW_SELECT}`, [rows.index.map(String), rows.leaf, rows.hash, rows.version.map(String), new Date()]);
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

export async function sustained(db: BenchDatabase, prisma: PrismaClient, config: LogConfig) {
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
