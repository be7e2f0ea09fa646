/**
 * The verdict on the checkpoint a verifier kept from before and the one it is shown now, the
 * same in the browser (online and for a proof bundle) and in gongshi-verify. Besides what
 * findTwoHistories proves, a source that signed a larger tree before and now shows a smaller
 * one and, asked for it, will not prove consistency with it has rolled its log back: the two
 * signed notes are the evidence, and the consistency step says so.
 *
 * Only a source that was asked for a proof and gave none counts (`proof: null`). An older
 * checkpoint met offline, as in a proof bundle made before the kept checkpoint, proves nothing
 * of the kind: bundles keep the checkpoint they were made with.
 */
import type { WitnessPolicy } from "@/lib/core/log";
import { readCheckpoint } from "./step-log";
import { findTwoHistories, type SplitEvidence } from "./two-histories";
import type { LogIdentityInput, StepResult } from "./types";

/** Two signed notes that cannot both be true, and why: a findTwoHistories reason or "rolled-back". */
export type SplitVerdict = SplitEvidence & { reason: string };

export interface KeptCheckpointInput {
  /** The checkpoint verified before (and kept). */
  kept: string;
  /** The checkpoint shown now. */
  current: string;
  log: LogIdentityInput;
  /** Between the two sizes; null: the source was asked for one and gave none; undefined: none was asked for. */
  proof: readonly string[] | null | undefined;
  policy?: WitnessPolicy;
}

/**
 * `results` are the steps already run against `kept` (lib/core/verify's consistency step); returned
 * as they are, or with the consistency step failed when the source would not prove consistency.
 */
export function judgeKeptCheckpoint(input: KeptCheckpointInput, results: readonly StepResult[]): { results: StepResult[]; split: SplitVerdict | null } {
  const { kept, current, log, proof, policy } = input;
  const found = findTwoHistories(kept, current, log, proof ?? undefined, policy);
  if (found.verdict === "split") return { results: [...results], split: { ...found.evidence, reason: found.reason } };
  if (found.verdict !== "unproven" || proof !== null) return { results: [...results], split: null };
  // Stryker disable next-line OptionalChaining: findTwoHistories opened `current` above (else the verdict is "invalid"), so readCheckpoint never gives null here
  const rolledBack = found.older.size === readCheckpoint(current)?.size;
  const judged = results.map((r) =>
    r.step !== "consistency" || r.status === "failed"
      ? r
      : {
          ...r,
          status: "failed" as const,
          code: rolledBack ? "rolled-back" : "no-consistency-proof-served",
          detail: rolledBack
            ? `this browser verified a checkpoint of ${found.newer.size} entries; the server now shows ${found.older.size} and gives no proof that it extends to it`
            : `the server gives no proof that its checkpoint of ${found.newer.size} entries extends the one of ${found.older.size} this browser verified`,
        },
  );
  return { results: judged, split: rolledBack ? { origin: log.origin, verifierKey: log.verifierKey, older: current, newer: kept, reason: "rolled-back" } : null };
}
