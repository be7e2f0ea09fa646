/**
 * `npm run log:audit`: replays the whole log from the database (lib/log-service/audit-log.ts)
 * and exits non-zero, naming each discrepancy, if anything does not check out.
 */
import "./load-env";
import { db } from "@/lib/db/client";
import { logConfig } from "@/lib/env";
import { auditLog } from "@/lib/log-service/audit-log";

const prisma = db();
try {
  const { origin, verifierKey } = logConfig();
  const started = Date.now();
  const report = await auditLog(prisma, origin, verifierKey);
  for (const d of report.discrepancies) console.error(`DISCREPANCY ${d.where}: ${d.message}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`log:audit: ${report.size} entries, ${report.checkpoints} checkpoints, ${report.discrepancies.length} discrepancies (${seconds} s)`);
  if (report.discrepancies.length > 0) process.exitCode = 1;
} catch (error) {
  console.error(`log:audit: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await prisma.$disconnect();
}
