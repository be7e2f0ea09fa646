/**
 * `npm run log:export -- DIR [--follow] [--interval SECONDS] [--key VERIFIER_KEY]`: writes the
 * log as static C2SP tlog-tiles files into DIR (lib/server/log-service/export-log.ts, docs/log-export.md),
 * adding only what is new since the last run. With --follow it keeps going, every SECONDS
 * (default 2), until stopped (SIGINT or SIGTERM finish the round in progress first).
 * The log's verifier key comes from --key, else from LOG_SIGNER_KEY: the exporter checks the
 * checkpoint's signature, it never signs.
 * Exit status: 0 done; 1 the export failed (nothing half-done is visible: the next run finishes
 * it); 2 bad arguments or configuration.
 */
import "./load-env";
import { parseArgs } from "node:util";
import { db } from "@/lib/server/db/client";
import { logConfig } from "@/lib/server/env";
import { exportLog, type ExportResult } from "@/lib/server/log-service/export-log";

function usage(message: string): never {
  console.error(`log:export: ${message}\nusage: npm run log:export -- DIR [--follow] [--interval SECONDS] [--key VERIFIER_KEY]`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { follow: { type: "boolean" }, interval: { type: "string" }, key: { type: "string" } }, strict: true });
} catch (error) {
  usage((error as Error).message);
}
const [dir, ...extra] = parsed.positionals;
if (!dir || extra.length > 0) usage("give exactly one directory");
const interval = Number(parsed.values.interval ?? "2");
if (!Number.isFinite(interval) || interval < 0.1 || interval > 3600) usage("--interval must be a number of seconds between 0.1 and 3600");
let verifierKey: string;
try {
  verifierKey = parsed.values.key ?? logConfig().verifierKey;
} catch (error) {
  usage(`${(error as Error).message}; or pass the log's verifier key with --key`);
}

const describe = (r: ExportResult) =>
  `log:export: ${dir} at size ${r.size} (was ${r.previousSize}): ${r.tiles} tile(s), ${r.bundles} entry bundle(s)${r.checkpointWritten ? ", checkpoint written" : ""}`;

const prisma = db();
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (stopping = true));
try {
  do {
    const result = await exportLog(prisma, dir, verifierKey);
    if (!parsed.values.follow || result.tiles > 0 || result.checkpointWritten) console.log(describe(result));
    if (parsed.values.follow) for (let waited = 0; waited < interval * 1000 && !stopping; waited += 100) await new Promise((r) => setTimeout(r, 100));
  } while (parsed.values.follow && !stopping);
} catch (error) {
  console.error(`log:export: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
