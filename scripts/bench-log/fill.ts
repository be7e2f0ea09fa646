/** The throwaway log filled through the real committer (commitPending), timed in segments. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { LogConfig } from "@/lib/server/env";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { addPending, type BenchDatabase } from "../bench-log-data";
import { int, rate, timed } from "../bench-stats";
import { BATCH, FILL_CHUNK, SIZE, progress } from "./settings";

// ---------------------------------------------------------------------------------------
// 2. Fill

interface FillSegment {
  from: number;
  to: number;
  insertSec: number;
  commitSec: number;
  batches: number;
}

export async function fill(db: BenchDatabase, prisma: PrismaClient, config: LogConfig) {
  const segments: FillSegment[] = [];
  let size = 0;
  const t0 = performance.now();
  while (size < SIZE) {
    const n = Math.min(FILL_CHUNK, SIZE - size);
    const insertSec = await addPending(db.client, { firstNumber: size, publish: n });
    const from = size;
    let batches = 0;
    const [, commitSec] = await timed(async () => {
      for (;;) {
        const r = await commitPending(prisma, config, BATCH);
        if (r.committed === 0) break;
        size = r.size;
        batches++;
      }
    });
    segments.push({ from, to: size, insertSec, commitSec, batches });
    progress(
      `fill: ${int(size)} entries (pending insert ${rate(n / insertSec)}, commit ${rate((size - from) / commitSec)}, ` +
        `${((performance.now() - t0) / 1000).toFixed(0)} s so far)`,
    );
  }
  return { segments, wallSec: (performance.now() - t0) / 1000 };
}
