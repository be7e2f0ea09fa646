import "server-only";
/**
 * Runs witnessing rounds inside the server: on an interval (so a checkpoint made by
 * `npm run seed`, `npm run log:commit` or before a restart is witnessed too) and soon after
 * every commit (kick). A round never blocks the committer: kick only schedules one, and
 * rounds do not overlap; a kick during a round runs another right after it.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import type { WitnessPolicy } from "@/lib/log";
import { witnessAll } from "./witness-all";

export interface WitnessingLoop {
  /** A new checkpoint exists: run a round as soon as the current one (if any) ends. */
  kick(): void;
  stop(): void;
}

export function startWitnessingLoop(prisma: PrismaClient, policy: WitnessPolicy, intervalMs: number): WitnessingLoop {
  let stopped = false;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    try {
      do {
        again = false;
        const { head, results } = await witnessAll(prisma, policy);
        for (const { witness, outcome } of results) {
          if (outcome.kind === "cosigned") console.info(`witnessing: ${witness.name} cosigned checkpoint ${head?.size}`);
          else if (outcome.kind === "error") console.warn(`witnessing: ${witness.name}: ${outcome.message}`);
        }
      } while (again && !stopped);
    } catch (error) {
      console.error("witnessing: round failed, will retry", error);
    } finally {
      running = false;
    }
    if (!stopped) timer = setTimeout(() => void round(), intervalMs);
  };
  timer = setTimeout(() => void round(), 0);
  return {
    kick() {
      void round();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
