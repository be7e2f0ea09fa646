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
 * Each part is a file of scripts/bench-log/ named for it; this file runs them in turn.
 */
import "./load-env";
import os from "node:os";
import { createPrisma } from "@/lib/server/db/client";
import type { LogConfig } from "@/lib/server/env";
import { generateKey, parseSignerKey } from "@/lib/core/log";
import { createBenchDatabase } from "./bench-log-data";
import { writeDocBlock } from "./bench-doc";
import { ORIGIN, args, progress, started } from "./bench-log/settings";
import { fill } from "./bench-log/fill";
import { sustained } from "./bench-log/sustained";
import { breakdown } from "./bench-log/breakdown";
import { proofs } from "./bench-log/proofs";
import { http } from "./bench-log/http";
import { storage } from "./bench-log/storage";
import { report } from "./bench-log/report";

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
