/**
 * `npm run log:commit`: sequence everything pending now, then exit — for cron-style
 * deployments (set LOG_COMMIT_INTERVAL_MS=0 on the web servers). Safe to run alongside them.
 */
import "./load-env";
import { db } from "@/lib/server/db/client";
import { logConfig } from "@/lib/server/env";
import { COMMIT_BATCH_SIZE, commitPending } from "@/lib/server/log-service/commit-pending";
import { cliArgs, positiveInteger } from "./cli-args";

// --batch=N commits in smaller transactions (the crash-safety test uses it to be killed mid-way).
const USAGE = "npm run log:commit -- [--batch=N]";
const batchSize = positiveInteger(cliArgs(USAGE, { batch: { type: "string" } }).batch, "batch", COMMIT_BATCH_SIZE, USAGE);

const prisma = db();
try {
  let total = 0;
  let size = 0;
  for (;;) {
    const result = await commitPending(prisma, logConfig(), batchSize);
    total += result.committed;
    size = result.size;
    if (result.committed > 0) console.log(`committed ${result.committed}, size ${size}`);
    if (result.committed === 0) break;
  }
  console.log(`log:commit: sequenced ${total} entries; log size ${size}`);
} catch (error) {
  console.error(`log:commit: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
