/**
 * npm run bench:replica — what reading through the replica rule costs (docs/performance.md,
 * "Read replicas").
 *
 *   npm run bench:replica               prints the report (Markdown) to stdout, progress to stderr
 *   npm run bench:replica -- --write    also replaces the bench:replica block of docs/performance.md
 *   --notices=N --reads=N --workers=N   a smaller or larger run (500 notices, 4,000 reads, 16 at once)
 *
 * One run: a primary and a hot standby of their own (e2e/support/replica-clusters.ts: initdb,
 * pg_basebackup -R, ports 5440 and 5441, removed afterwards), migrated, N notices published with
 * recordNoticeVersion and logged with commitPending. Then the same read (getNotice of a random
 * notice, what /api/v1/notices/{id} and the notice page read) by concurrent workers:
 *   1. on the primary alone (the baseline: DATABASE_READ_URL unset);
 *   2. on the replica alone, no rule (what a careless replica setup would do);
 *   3. through the rule (lib/server/db/read-routing.mjs, as readDb() does), the primary quiet;
 *   4. through the rule while a writer publishes notices on the primary without pause, with
 *      DATABASE_READ_MAX_WAIT_MS 50 (the default) and 0.
 * Both clusters run on this machine, so the replica adds no capacity here: the figures show the
 * rule's own cost and how often it can use the replica, not a speed-up. A benchmark, never a test.
 */
import "./load-env";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createReadRouter, type ReadRouter } from "@/lib/server/db/read-routing.mjs";
import { migrate, readMigrations } from "@/lib/server/db/migrate";
import { generateKey, parseSignerKey } from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { getNotice } from "@/lib/server/notices/get-notice";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { newNoticeId } from "@/lib/server/publishing/new-notice-id";
import { writeAgencies } from "@/lib/server/agencies/write-agencies";
import { DEMO_AGENCIES } from "@/lib/server/seed/demo-agencies";
import { ReplicaClusters } from "../e2e/support/replica-clusters";
import { benchArgs } from "./bench-args";
import { writeDocBlock } from "./bench-doc";
import { int, ms, pct, percentile } from "./bench-stats";

const args = benchArgs({ numbers: { notices: 500, reads: 4_000, workers: 16 }, flags: ["write"] });

const NOTICES = args.notices;
const READS = args.reads;
const WORKERS = args.workers;
const AGENCY = "hp-planning";

const started = performance.now();
function progress(message: string): void {
  process.stderr.write(`bench:replica ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${message}\n`);
}

function fields(n: number): Record<string, string> {
  return {
    title: `副本测试公示 ${n}`,
    number: `海规资〔2026〕R${n}号`,
    category: "规划公示",
    language: "zh-CN",
    effectiveDate: "2026-03-01",
    body: `只读副本基准测试的公示正文，第 ${n} 份。`.repeat(20),
  };
}

interface Row {
  name: string;
  reads: number;
  seconds: number;
  p50: number;
  p95: number;
  replicaShare: number | null;
  published: number | null;
}

/** READS reads by WORKERS workers, each read's database chosen by `pick`. */
async function readRun(name: string, ids: string[], pick: () => Promise<PrismaClient>, router: ReadRouter | null): Promise<Row> {
  const before = router ? { ...router.counts } : null;
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < READS) {
        next++;
        const id = ids[Math.floor(Math.random() * ids.length)]!;
        const t = performance.now();
        await getNotice(await pick(), id);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const share = router && before ? (router.counts.replica - before.replica) / Math.max(1, router.counts.replica - before.replica + router.counts.primary - before.primary) : null;
  return { name, reads: latencies.length, seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), replicaShare: share, published: null };
}

/** Publishes notices on the primary one after another until stopped; returns how many. */
function writer(prisma: PrismaClient): { stop: () => Promise<number> } {
  let running = true;
  let count = 0;
  const done = (async () => {
    while (running) {
      await recordNoticeVersion(prisma, { noticeId: newNoticeId(AGENCY), agencyId: AGENCY, kind: "publish", fields: fields(100_000 + count) });
      count++;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return count;
    },
  };
}

const clusters = new ReplicaClusters();
const clients: PrismaClient[] = [];
const routers: ReadRouter[] = [];
try {
  clusters.startPrimary();
  const admin = new pg.Client({ connectionString: clusters.url("primary", "postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE gongshi_e2e_replica");
  await admin.end();
  const owner = new pg.Client({ connectionString: clusters.url("primary") });
  await owner.connect();
  await migrate(owner, await readMigrations(path.resolve("prisma/migrations")));
  await owner.end();
  progress("primary made and migrated");

  const appUrl = (which: "primary" | "standby") => {
    const url = new URL(clusters.url(which));
    url.username = "gongshi_app";
    return url.toString();
  };
  const limits = { statementTimeoutMs: 10_000, acquireTimeoutMs: 5_000 };
  const primary = createPrisma(appUrl("primary"), limits);
  clients.push(primary);
  const superuser = createPrisma(clusters.url("primary"));
  clients.push(superuser);
  await writeAgencies(superuser, DEMO_AGENCIES, { source: "bench", overwrite: true });
  const ids: string[] = [];
  for (let n = 1; n <= NOTICES; n++) {
    const noticeId = newNoticeId(AGENCY);
    await recordNoticeVersion(superuser, { noticeId, agencyId: AGENCY, kind: "publish", fields: fields(n) });
    ids.push(noticeId);
  }
  const signer = parseSignerKey(generateKey("bench.gongshi.example/log").signerKey);
  const config = { origin: "bench.gongshi.example/log", signer, verifierKey: signer.verifierKey };
  while ((await commitPending(superuser, config)).committed > 0);
  progress(`${NOTICES} notices published and logged`);

  await clusters.startStandby();
  await clusters.caughtUp();
  progress("standby streaming");
  const replica = createPrisma(appUrl("standby"), limits);
  clients.push(replica);
  const routed = (waitMs: number) => {
    const router = createReadRouter(appUrl("primary"), appUrl("standby"), waitMs);
    routers.push(router);
    return router;
  };

  const load = [os.loadavg()[0]!];
  const rows: Row[] = [];
  // Warm both pools and both servers' caches before anything is timed.
  await readRun("warm-up", ids, async () => primary, null);
  await readRun("warm-up", ids, async () => replica, null);
  rows.push(await readRun("Primary only (baseline, no DATABASE_READ_URL)", ids, async () => primary, null));
  rows.push(await readRun("Replica only, no rule (stale reads possible)", ids, async () => replica, null));
  const quiet = routed(50);
  rows.push(await readRun("**Through the rule**, primary quiet", ids, async () => ((await quiet.choose()) === "replica" ? replica : primary), quiet));
  for (const waitMs of [50, 0]) {
    const router = routed(waitMs);
    const w = writer(superuser);
    const row = await readRun(`**Through the rule**, primary publishing, wait ${waitMs} ms`, ids, async () => ((await router.choose()) === "replica" ? replica : primary), router);
    row.published = await w.stop();
    rows.push(row);
    await clusters.caughtUp();
  }
  rows.push(await readRun("Primary only again (baseline)", ids, async () => primary, null));
  load.push(os.loadavg()[0]!);

  const baseline = rows[0]!.reads / rows[0]!.seconds;
  const lines = [
    `Run of ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${os.cpus()[0]?.model.split(" ").slice(0, 2).join(" ")} · ${os.cpus().length} cores · ${os.platform()}/${os.arch()} · load average ${load[0]!.toFixed(1)} at the start, ${load[1]!.toFixed(1)} at the end`,
    "",
    `${NOTICES} notices on a primary and its hot standby (PostgreSQL ${(await clusters.sql<{ v: string }>("primary", "SELECT current_setting('server_version') AS v"))[0]!.v.split(" ")[0]}, both on this machine, fsync off); ${int(READS)} reads of a random notice (getNotice) by ${WORKERS} concurrent workers per row.`,
    "",
    "| Reads | Reads/s | × baseline | p50 ms | p95 ms | Read by the replica | Notices published meanwhile |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => {
      const perSec = r.reads / r.seconds;
      return `| ${r.name} | ${int(perSec)} | ${(perSec / baseline).toFixed(2)}× | ${ms(r.p50)} | ${ms(r.p95)} | ${r.replicaShare === null ? "—" : pct(r.replicaShare)} | ${r.published === null ? "—" : int(r.published)} |`;
    }),
  ];
  const report = lines.join("\n");
  console.log(report);
  if (args.write) {
    writeDocBlock("replica", report);
    progress("docs/performance.md updated");
  }
} finally {
  await Promise.allSettled([...clients.map((c) => c.$disconnect()), ...routers.map((r) => r.end?.())]);
  clusters.stopAll();
}
