/** Where a commit's time goes, step by step (commitPending's phase hook), in rounds that are rolled back. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { LogConfig } from "@/lib/server/env";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { addPending, type BenchDatabase } from "../bench-log-data";
import { median, timed } from "../bench-stats";
import { BATCH, EXTRA, SIZE, progress } from "./settings";

// ---------------------------------------------------------------------------------------
// Where a commit's time goes: commitPending itself, timed step by step through its phase
// hook, which throws after the last step so that the round rolls back and can be replayed.

class Rollback extends Error {}

const LAST_STEP = "INSERT checkpoint";

async function profiledCommit(prisma: PrismaClient, config: LogConfig): Promise<Map<string, number>> {
  const phases = new Map<string, number>();
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases.set(name, (phases.get(name) ?? 0) + (now - t));
    t = now;
  };
  try {
    await commitPending(prisma, config, BATCH, (step) => {
      lap(step);
      if (step === LAST_STEP) throw new Rollback();
    });
    throw new Error("the profiled commit ended without reaching its last step");
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  lap("ROLLBACK (instead of COMMIT)");
  return phases;
}

export async function breakdown(db: BenchDatabase, prisma: PrismaClient, config: LogConfig) {
  await addPending(db.client, { firstNumber: SIZE + EXTRA, publish: BATCH });
  const runs: Map<string, number>[] = [];
  for (let i = 0; i < 3; i++) runs.push(await profiledCommit(prisma, config));
  const [r, realSec] = await timed(() => commitPending(prisma, config, BATCH));
  if (r.committed !== BATCH) throw new Error(`breakdown batch committed ${r.committed}`);
  const phases = [...runs[0]!.keys()].map((name) => ({ name, ms: median(runs.map((m) => m.get(name) ?? 0)) }));
  progress(`breakdown: real commit of the same batch ${(realSec * 1000).toFixed(0)} ms`);
  return { phases, realMs: realSec * 1000 };
}
