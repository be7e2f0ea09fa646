/**
 * `npm run log:audit [-- --checkpoint FILE] [--mirror URL ...]`: replays the whole log from the
 * database and checks it against the checkpoint the last audit saved in FILE, the witnesses'
 * cosignatures and each mirror's checkpoint; checks that the audit trail explains every notice
 * version, role, agency assignment, API token and agency name, and that the search index is
 * what its builder makes (lib/server/log-service/audit-database.ts). Exits non-zero, naming each
 * discrepancy, if anything does not check out; otherwise saves the newest checkpoint to FILE.
 */
import "./load-env";
import { parseArgs } from "node:util";
import { db } from "@/lib/server/db/client";
import { env, logConfig } from "@/lib/server/env";
import { auditDatabase } from "@/lib/server/log-service/audit-database";
import { readWitnessPolicy } from "@/lib/server/witnessing/witness-policy";

const prisma = db();
try {
  const { values } = parseArgs({ options: { checkpoint: { type: "string" }, mirror: { type: "string", multiple: true } }, strict: true });
  const mirrors = values.mirror ?? [];
  for (const url of mirrors) {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new Error(`--mirror ${url}: not an http(s) URL`);
  }
  const { origin, verifierKey } = logConfig();
  const policyPath = env().LOG_WITNESS_POLICY;
  const policy = policyPath ? readWitnessPolicy(policyPath, () => verifierKey) : null;
  const started = Date.now();
  const report = await auditDatabase(prisma, { origin, verifierKey, checkpointFile: values.checkpoint, mirrors, policy });
  for (const d of report.discrepancies) console.error(`DISCREPANCY ${d.where}: ${d.message}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const checked = [values.checkpoint ? "saved checkpoint" : null, `${mirrors.length} mirror(s)`, policy ? "witness policy" : null].filter(Boolean).join(", ");
  console.log(`log:audit: ${report.size} entries, ${report.checkpoints} checkpoints (${checked}), ${report.discrepancies.length} discrepancies (${seconds} s)`);
  if (report.saved !== null) console.log(`log:audit: saved checkpoint ${report.saved} to ${values.checkpoint}`);
  if (report.discrepancies.length > 0) process.exitCode = 1;
} catch (error) {
  console.error(`log:audit: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await prisma.$disconnect();
}
