import "server-only";
/**
 * Witnessing rounds: every witness of the policy is brought up to the newest checkpoint, all
 * in parallel, each with at most one request in flight from this process. Several server
 * instances may do this at once; the witness's 409 and the store's never-shrinking sizes make
 * that harmless.
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

/** One witness, brought up to the newest checkpoint as it is now; "busy" if this process is already asking it. */
export async function witnessOne(prisma: PrismaClient, witness: PolicyWitness, options: WitnessOptions = {}): Promise<{ head: Head | null; outcome: WitnessOutcome }> {
  const key = witness.verifier.cosignatureKey;
  if (witness.url === null) return { head: null, outcome: { kind: "no-url" } };
  if (inFlight.has(key)) return { head: null, outcome: { kind: "busy" } };
  inFlight.add(key);
  try {
    const cp = await latestCheckpoint(prisma);
    if (!cp) return { head: null, outcome: { kind: "up-to-date", size: 0 } };
    const head: Head = { size: cp.size, note: cp.note };
    const status = (await readWitnessStatuses(prisma)).get(key);
    try {
      return { head, outcome: await witnessCheckpoint(prisma, witness, head, status, options) };
    } catch (e) {
      // The portal's own failure (database, proof), not the witness's: report it, record nothing.
      return { head, outcome: { kind: "error", message: `the portal failed: ${(e as Error).message}` } };
    }
  } finally {
    inFlight.delete(key);
  }
}

/** Every witness at once, waiting for all answers (npm run log:witness and tests). */
export async function witnessAll(prisma: PrismaClient, policy: WitnessPolicy, options: WitnessOptions = {}): Promise<WitnessRound> {
  const cp = await latestCheckpoint(prisma);
  if (!cp) return { head: null, results: [] };
  const results = await Promise.all(policy.witnesses.map(async (witness) => ({ witness, outcome: (await witnessOne(prisma, witness, options)).outcome })));
  return { head: { size: cp.size, note: cp.note }, results };
}

/** Whether an outcome leaves the witness's cosignature on the round's checkpoint. */
export function isUpToDate(outcome: WitnessOutcome): boolean {
  return outcome.kind === "cosigned" || outcome.kind === "up-to-date";
}
