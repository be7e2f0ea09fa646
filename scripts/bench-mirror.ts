/**
 * npm run bench:mirror — a mirror copying an origin of 100,000 notices (docs/performance.md, "Mirrors").
 *
 *   npm run bench:mirror                 prints the report (Markdown) to stdout, progress to stderr
 *   npm run bench:mirror -- --write      also replaces the bench:mirror block of docs/performance.md
 *   --notices=N --new=N                  a smaller origin; how many notices the catch-up publishes (1,000)
 *
 * One run: a throwaway origin database filled with N notices made from the demo content
 * (bench-portal-data.ts), one in ten with a small PDF attachment (bench-mirror-data.ts), committed
 * to the log; the production server (server.mjs, on a snapshot of the build) serving it; an empty,
 * migrated throwaway mirror database. Then, over real HTTP on loopback:
 *   1. the origin's plain read of everything a sync fetches (the baseline), the initial copy
 *      (`syncMirror` in this process, as `npm run mirror:sync` runs it), the plain read again;
 *   2. `--new` notices published at the origin and committed; the plain read of what they add,
 *      then the next sync (the catch-up).
 * CPU use of the origin server and of this process (the mirror, or the plain reader) is read
 * from /proc meanwhile. A benchmark, never a test.
 */
import "./load-env";
import os from "node:os";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { LogConfig } from "@/lib/server/env";
import { generateKey, parseSignerKey, parseVerifierKey } from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import type { MirrorConfig } from "@/lib/server/mirror/mirror-config";
import { syncMirror, type SyncOutcome } from "@/lib/server/mirror/sync-mirror";
import { createBenchDatabase, type BenchDatabase } from "./bench-log-data";
import { cpuBetween, cpuSnapshot, ensureBuild, startServer, type Server } from "./bench-log-http";
import { insertBenchNotices } from "./bench-portal-data";
import { insertBenchAttachments, plainRead, type PlainRead } from "./bench-mirror-data";
import { benchArgs } from "./bench-args";
import { writeDocBlock } from "./bench-doc";
import { bytes, int, timed } from "./bench-stats";

const args = benchArgs({ numbers: { notices: 100_000, new: 1_000 }, flags: ["write"] });

const NOTICES = args.notices;
const NEW = args.new;
const ATTACH_EVERY = 10;
const PORT = 3140;
const ORIGIN = "bench.gongshi.example/log";

const started = performance.now();
function progress(message: string): void {
  process.stderr.write(`bench:mirror ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${message}\n`);
}

function logConfigOf(signerKey: string): LogConfig {
  const signer = parseSignerKey(signerKey);
  return { origin: ORIGIN, signer, verifierKey: signer.verifierKey };
}

/** Commits everything pending, one checkpoint per committer batch (10,000 entries), as the origin's committer would. */
async function commitAll(prisma: PrismaClient, config: LogConfig): Promise<number> {
  let checkpoints = 0;
  while ((await commitPending(prisma, config)).committed > 0) checkpoints++;
  return checkpoints;
}

interface Cpu {
  origin: number;
  mirror: number;
  machine: number;
}

/**
 * CPU in cores of the origin server's process group and of this process (the mirror, or the plain
 * reader), and of the whole machine (neighbours included). PostgreSQL's share is left out: the pools close idle backends, and a backend that ends
 * between two snapshots drops out of the sum, so it could not be read reliably here.
 */
function cpuMeter(server: Server, origin: BenchDatabase): () => Cpu {
  const a = cpuSnapshot(server.pid, origin.name);
  return () => {
    const c = cpuBetween(a, cpuSnapshot(server.pid, origin.name));
    return { origin: c.server, mirror: c.self, machine: c.machine };
  };
}

interface Measured {
  label: string;
  notices: number;
  entries: number;
  attachments: number;
  seconds: number;
  cpu: Cpu;
  note?: string;
}

async function measureRead(server: Server, from: number, label: string, notices: number, meter: () => () => Cpu): Promise<[Measured, PlainRead]> {
  const stop = meter();
  const r = await plainRead(server.base, from);
  const cpu = stop();
  progress(`${label}: ${int(r.entries)} entries, ${int(r.attachments)} attachments, ${bytes(r.bytes)} in ${r.seconds.toFixed(1)} s`);
  return [{ label, notices, entries: r.entries, attachments: r.attachments, seconds: r.seconds, cpu, note: `${int(r.requests)} requests, ${bytes(r.bytes)}` }, r];
}

async function measureSync(
  prisma: PrismaClient,
  config: MirrorConfig,
  label: string,
  notices: number,
  attachments: number,
  expectSize: number,
  meter: () => () => Cpu,
): Promise<Measured> {
  const stop = meter();
  const [outcome, seconds] = await timed(() => syncMirror(prisma, config));
  const cpu = stop();
  check(outcome, expectSize);
  progress(`${label}: ${int(outcome.copied)} entries in ${seconds.toFixed(1)} s (${outcome.message})`);
  return { label, notices, entries: outcome.copied, attachments, seconds, cpu };
}

function check(outcome: SyncOutcome, size: number): void {
  if (outcome.state !== "following" || outcome.size !== size) throw new Error(`the sync did not copy up to ${size}: ${outcome.state}, ${outcome.message}`);
}

function rate(n: number, seconds: number): string {
  return int(n / seconds);
}

function row(m: Measured, baseline?: Measured): string {
  const ratio = baseline ? `${(m.seconds / baseline.seconds).toFixed(1)}×` : "—";
  return `| ${m.label} | ${int(m.notices)} | ${int(m.entries)} | ${int(m.attachments)} | **${m.seconds.toFixed(1)}** | ${rate(m.notices, m.seconds)} | ${rate(m.entries, m.seconds)} | ${ratio} | ${m.cpu.origin.toFixed(2)} / ${m.cpu.mirror.toFixed(2)} / ${m.cpu.machine.toFixed(2)} |`;
}

interface Setup {
  insertSec: number;
  attachSec: number;
  commitSec: number;
  checkpoints: number;
  files: number;
  fileBytes: number;
  entries: number;
}

function report(r: {
  setup: Setup;
  buildId: string;
  loadStart: number;
  loadEnd: number;
  read1: Measured;
  initial: Measured;
  read2: Measured;
  newRead: Measured;
  catchUp: Measured;
  newEntries: number;
  mirrorBytes: string;
}): string {
  const cpus = os.cpus();
  const s = r.setup;
  return [
    `Run of ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus[0]?.model ?? "unknown CPU"} · ${cpus.length} cores · ${os.platform()}/${os.arch()} · load average ${r.loadStart.toFixed(1)} at the start, ${r.loadEnd.toFixed(1)} at the end · build \`${r.buildId}\``,
    "",
    `Origin: ${int(NOTICES)} notices, ${int(s.entries)} log entries (amendments, corrections and retractions included) in ${s.checkpoints} checkpoints, ` +
      `${int(s.files)} of them with a PDF attachment (${bytes(s.fileBytes)} in all); ${int(s.insertSec)} s to insert, ${int(s.attachSec)} s to attach, ${int(s.commitSec)} s to commit to the log. ` +
      `The origin is the production server (server.mjs) on 127.0.0.1; the mirror is \`syncMirror\` (lib/server/mirror/sync-mirror.ts) in the bench process, into an empty migrated database on the same PostgreSQL (${r.mirrorBytes} after the copy). ` +
      `"Plain read": the same requests (checkpoint, agencies, chain, every records page of 256 entries, every attachment 8 at a time) through the same \`fetch\`, nothing checked or written.`,
    "",
    "| Measurement | Notices | Entries | Attachments | Seconds | Notices/s | Entries/s | × plain read | CPU cores: origin server / bench process / whole machine |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    row(r.read1),
    row(r.initial, r.read1),
    row(r.read2),
    row(r.newRead),
    row(r.catchUp, r.newRead),
    "",
    `"× plain read": the sync's time over the plain read measured just before it. The catch-up publishes ${int(NEW)} notices (${int(r.newEntries)} entries with their amendments, corrections and retractions) and commits them in one checkpoint before both are measured. ` +
      `Plain reads: ${r.read1.note} (before the copy), ${r.read2.note} (after), ${r.newRead.note} (catch-up).`,
  ].join("\n");
}

async function main(): Promise<void> {
  const loadStart = os.loadavg()[0]!;
  const build = ensureBuild(progress);
  if (build.newerSources.length > 0) progress(`warning: ${build.newerSources.length} source files are newer than the build (${build.newerSources.slice(0, 3).join(", ")}…)`);
  const origin = await createBenchDatabase();
  const mirror = await createBenchDatabase();
  progress(`databases ${origin.name} (origin) and ${mirror.name} (mirror) created`);
  const originPrisma = createPrisma(origin.url);
  const mirrorPrisma = createPrisma(mirror.url);
  let server: Server | null = null;
  try {
    const { signerKey } = generateKey(ORIGIN);
    const logConfig = logConfigOf(signerKey);
    const [, insertSec] = await timed(() => insertBenchNotices(origin.client, NOTICES));
    progress(`inserted ${int(NOTICES)} notices in ${insertSec.toFixed(0)} s`);
    const [{ files, bytes: fileBytes }, attachSec] = await timed(() => insertBenchAttachments(origin.client, ATTACH_EVERY));
    progress(`attached ${int(files)} PDFs in ${attachSec.toFixed(0)} s`);
    const [checkpoints, commitSec] = await timed(() => commitAll(originPrisma, logConfig));
    const entries = await originPrisma.logEntry.count();
    progress(`committed ${int(entries)} entries in ${checkpoints} checkpoints in ${commitSec.toFixed(0)} s`);
    await origin.client.query("ANALYZE");
    const setup: Setup = { insertSec, attachSec, commitSec, checkpoints, files, fileBytes, entries };

    server = await startServer({ DATABASE_URL: origin.url, LOG_SIGNER_KEY: signerKey, LOG_ORIGIN: ORIGIN, LOG_COMMIT_INTERVAL_MS: "0", NEXT_TELEMETRY_DISABLED: "1" }, PORT);
    progress(`the production server (server.mjs) answering on ${server.base}`);
    const srv = server;
    const meter = () => cpuMeter(srv, origin);
    const config: MirrorConfig = { originUrl: server.base, logKey: logConfig.verifierKey, verifier: parseVerifierKey(logConfig.verifierKey), intervalMs: 0, cosigner: null };

    const [read1] = await measureRead(server, 0, "Plain read of the whole origin (before the copy)", NOTICES, meter);
    const initial = await measureSync(mirrorPrisma, config, "**Initial copy** (`syncMirror` into the empty mirror)", NOTICES, read1.attachments, entries, meter);
    const [read2] = await measureRead(server, 0, "Plain read of the whole origin (after the copy)", NOTICES, meter);
    const mirrorBytes = bytes(Number((await mirror.client.query<{ n: string }>("SELECT pg_database_size(current_database())::text AS n")).rows[0]!.n));

    await insertBenchNotices(origin.client, NEW, NOTICES);
    await insertBenchAttachments(origin.client, ATTACH_EVERY);
    await commitAll(originPrisma, logConfig);
    const total = await originPrisma.logEntry.count();
    progress(`published ${int(NEW)} notices (${int(total - entries)} entries) and committed them`);
    const [newRead] = await measureRead(server, entries, `Plain read of the ${int(NEW)} new notices`, NEW, meter);
    const catchUp = await measureSync(mirrorPrisma, config, `**Catch-up** (the next \`syncMirror\`)`, NEW, newRead.attachments, total, meter);

    const section = report({
      setup,
      buildId: build.buildId,
      loadStart,
      loadEnd: os.loadavg()[0]!,
      read1,
      initial,
      read2,
      newRead,
      catchUp,
      newEntries: total - entries,
      mirrorBytes,
    });
    process.stdout.write(`${section}\n`);
    if (args.write) {
      writeDocBlock("mirror", section);
      progress("docs/performance.md updated");
    }
  } finally {
    if (server) await server.stop();
    await originPrisma.$disconnect().catch(() => {});
    await mirrorPrisma.$disconnect().catch(() => {});
    await origin.drop();
    await mirror.drop();
  }
}

await main();
