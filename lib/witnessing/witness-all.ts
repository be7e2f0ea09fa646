import "server-only";
/**
 * One witnessing round: every witness of the policy is brought up to the newest checkpoint,
 * all in parallel, each with at most one request in flight from this process (a slow witness
 * is left to finish while the next round skips it). Several server instances may run rounds at
 * once; the witness's 409 and the store's never-shrinking sizes make that harmless.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import type { PolicyWitness, WitnessPolicy } from "@/lib/log";
import { latestCheckpoint } from "@/lib/log-service/latest-checkpoint";
import { readWitnessStatuses } from "./witness-status-store";
import { witnessCheckpoint, type Head, type WitnessOptions, type WitnessOutcome } from "./witness-checkpoint";

export interface WitnessRound {
  /** The checkpoint the round asked for; null before the log's first. */
  head: Head | null;
  results: { witness: PolicyWitness; outcome: WitnessOutcome }[];
}

const inFlight = new Set<string>();

export async function witnessAll(prisma: PrismaClient, policy: WitnessPolicy, options: WitnessOptions = {}): Promise<WitnessRound> {
  const cp = await latestCheckpoint(prisma);
  if (!cp) return { head: null, results: [] };
  const head: Head = { size: cp.size, note: cp.note };
  const statuses = await readWitnessStatuses(prisma);
  const results = await Promise.all(
    policy.witnesses.map(async (witness) => {
      const key = witness.verifier.cosignatureKey;
      if (witness.url !== null && inFlight.has(key)) return { witness, outcome: { kind: "busy" } as const };
      inFlight.add(key);
      try {
        return { witness, outcome: await witnessCheckpoint(prisma, witness, head, statuses.get(key), options) };
      } catch (e) {
        // The portal's own failure (database, proof), not the witness's: report it, record nothing.
        return { witness, outcome: { kind: "error", message: `the portal failed: ${(e as Error).message}` } as const };
      } finally {
        inFlight.delete(key);
      }
    }),
  );
  return { head, results };
}

/** Whether an outcome leaves the witness's cosignature on the round's checkpoint. */
export function isUpToDate(outcome: WitnessOutcome): boolean {
  return outcome.kind === "cosigned" || outcome.kind === "up-to-date";
}
