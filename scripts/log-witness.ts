/**
 * `npm run log:witness`: one witnessing round — every witness of LOG_WITNESS_POLICY is sent the
 * newest checkpoint unless it already cosigned it — then exit. For cron-style deployments (set
 * LOG_WITNESS_INTERVAL_MS=0 on the web servers); safe to run alongside them. Exits 0 when every
 * witness with a URL has cosigned the newest checkpoint, 1 naming the ones that have not.
 */
import "./load-env";
import { db } from "@/lib/server/db/client";
import { witnessPolicy } from "@/lib/server/witnessing/witness-policy";
import { isUpToDate, witnessAll } from "@/lib/server/witnessing/witness-all";
import type { WitnessOutcome } from "@/lib/server/witnessing/witness-checkpoint";

function describe(outcome: WitnessOutcome): string {
  switch (outcome.kind) {
    case "cosigned":
      return `cosigned ${outcome.size}`;
    case "up-to-date":
      return `had already cosigned ${outcome.size}`;
    case "no-url":
      return "not contacted (no URL in the policy)";
    case "backing-off":
      return `waiting until ${outcome.until.toISOString()} after: ${outcome.lastError}`;
    case "holding-evidence":
      return `gave evidence about checkpoint ${outcome.size}, waiting for a newer one: ${outcome.lastError}`;
    case "error":
      return `error: ${outcome.message}`;
    case "evidence":
      return `EVIDENCE: ${outcome.message}`;
  }
}

const prisma = db();
try {
  const policy = witnessPolicy();
  if (!policy) {
    console.log("log:witness: LOG_WITNESS_POLICY is not set; there are no witnesses to ask");
  } else {
    const { head, results } = await witnessAll(prisma, policy, { ignoreBackoff: true });
    if (!head) console.log("log:witness: the log has no checkpoint yet");
    for (const { witness, outcome } of results) console.log(`${witness.name}: ${describe(outcome)}`);
    const behind = results.filter((r) => r.outcome.kind !== "no-url" && !isUpToDate(r.outcome)).map((r) => r.witness.name);
    if (head && behind.length > 0) {
      console.error(`log:witness: not cosigned checkpoint ${head.size}: ${behind.join(", ")}`);
      process.exitCode = 1;
    } else if (head) {
      console.log(`log:witness: checkpoint ${head.size} is cosigned by every witness asked`);
    }
  }
} catch (error) {
  console.error(`log:witness: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
