import "server-only";
/**
 * Runs witnessing inside the server: on an interval (so a checkpoint made by `npm run seed`,
 * `npm run log:commit` or before a restart is witnessed too) and right after every commit
 * (kick). Each witness is asked on its own: a slow witness holds only its own request, never
 * the committer nor the other witnesses. A kick while a witness's request is in flight asks
 * it again as soon as that request ends, with the then newest checkpoint.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { PolicyWitness, WitnessPolicy } from "@/lib/core/log";
import { witnessOne } from "./witness-all";

export interface WitnessingLoop {
  /** A new checkpoint exists: ask every witness now (or when its current request ends). */
  kick(): void;
  stop(): void;
}

export function startWitnessingLoop(prisma: PrismaClient, policy: WitnessPolicy, intervalMs: number): WitnessingLoop {
  let stopped = false;
  const busy = new Set<PolicyWitness>();
  const again = new Set<PolicyWitness>();
  const ask = (witness: PolicyWitness) => {
    if (stopped) return;
    if (busy.has(witness)) {
      again.add(witness);
      return;
    }
    busy.add(witness);
    witnessOne(prisma, witness)
      .then(({ head, outcome }) => {
        if (outcome.kind === "cosigned") console.info(`witnessing: ${witness.name} cosigned checkpoint ${head?.size}`);
        else if (outcome.kind === "error") console.warn(`witnessing: ${witness.name}: ${outcome.message}`);
      })
      .catch((error: unknown) => console.error(`witnessing: asking ${witness.name} failed, will retry`, error))
      .finally(() => {
        busy.delete(witness);
        if (again.delete(witness)) ask(witness);
      });
  };
  const round = () => {
    for (const witness of policy.witnesses) if (witness.url !== null) ask(witness);
  };
  const timer = setInterval(round, intervalMs);
  timer.unref();
  setTimeout(round, 0);
  return {
    kick: round,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
