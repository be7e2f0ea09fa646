import "server-only";
/**
 * Witnessing rounds: a witness of the policy is brought up to the newest checkpoint. The
 * server's loop (witnessing-loop.ts) asks each witness on its own, one request at a time;
 * `npm run log:witness` asks them all at once about one head. Several server instances may
 * ask the same witness at once; the witness's 409 and the store's never-shrinking sizes make
 * that harmless.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { PolicyWitness, WitnessPolicy } from "@/lib/core/log";
import { latestCheckpoint } from "@/lib/server/log-service/latest-checkpoint";
import { readWitnessStatus, readWitnessStatuses, type WitnessStatusRow } from "./witness-status-store";
import { witnessCheckpoint, type Head, type WitnessOptions, type WitnessOutcome } from "./witness-checkpoint";

export interface WitnessRound {
  /** The checkpoint the round asked for; null before the log's first. */
  head: Head | null;
  results: { witness: PolicyWitness; outcome: WitnessOutcome }[];
}

async function ask(prisma: PrismaClient, witness: PolicyWitness, head: Head, status: WitnessStatusRow | undefined, options: WitnessOptions): Promise<WitnessOutcome> {
  try {
    return await witnessCheckpoint(prisma, witness, head, status, options);
  } catch (e) {
    // The portal's own failure (database, proof), not the witness's: report it, record nothing.
    return { kind: "error", message: `the portal failed: ${(e as Error).message}` };
  }
}

/** One witness, brought up to the newest checkpoint as it is now. */
export async function witnessOne(prisma: PrismaClient, witness: PolicyWitness, options: WitnessOptions = {}): Promise<{ head: Head | null; outcome: WitnessOutcome }> {
  if (witness.url === null) return { head: null, outcome: { kind: "no-url" } };
  const [cp, status] = await Promise.all([latestCheckpoint(prisma), readWitnessStatus(prisma, witness.verifier.cosignatureKey)]);
  if (!cp) return { head: null, outcome: { kind: "up-to-date", size: 0 } };
  const head: Head = { size: cp.size, note: cp.note };
  return { head, outcome: await ask(prisma, witness, head, status, options) };
}

/** Every witness at once about the same newest checkpoint, waiting for all answers (npm run log:witness and tests). */
export async function witnessAll(prisma: PrismaClient, policy: WitnessPolicy, options: WitnessOptions = {}): Promise<WitnessRound> {
  const [cp, statuses] = await Promise.all([latestCheckpoint(prisma), readWitnessStatuses(prisma)]);
  if (!cp) return { head: null, results: [] };
  const head: Head = { size: cp.size, note: cp.note };
  const results = await Promise.all(
    policy.witnesses.map(async (witness) => ({
      witness,
      outcome: witness.url === null ? ({ kind: "no-url" } as const) : await ask(prisma, witness, head, statuses.get(witness.verifier.cosignatureKey), options),
    })),
  );
  return { head, results };
}

/** Whether an outcome leaves the witness's cosignature on the round's checkpoint. */
export function isUpToDate(outcome: WitnessOutcome): boolean {
  return outcome.kind === "cosigned" || outcome.kind === "up-to-date";
}
