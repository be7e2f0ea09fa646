/**
 * Step 5 — consistency with a checkpoint the verifier kept from before: the log must only
 * ever have grown. This is what catches a log that rewrote history between two visits, or
 * that shows different histories to different people (a "split view").
 *
 * Either checkpoint may be the larger one: a verifier that kept a newer head than the one a
 * bundle carries checks the proof the other way round. Offline, without a proof, only equal
 * sizes can be compared; that is reported as not checked, never as passed.
 */
import { formatHash, openCheckpoint, parseHash, parseVerifierKey, verifyConsistency, type Checkpoint, type Hash } from "@/lib/core/log";
import type { EarlierCheckpointInput, LogIdentityInput, StepResult } from "./types";

export function checkConsistency(note: string, log: LogIdentityInput, earlier: EarlierCheckpointInput | undefined): StepResult {
  const result = (status: StepResult["status"], code: string, detail: string, extra: Partial<StepResult> = {}): StepResult => ({
    step: "consistency",
    status,
    code,
    detail,
    ...extra,
  });
  if (earlier === undefined) {
    return result("info", "no-earlier-checkpoint", "no earlier checkpoint was kept to compare with; keep this one for next time");
  }
  let current: Checkpoint;
  let kept: Checkpoint;
  try {
    const verifier = parseVerifierKey(log.verifierKey);
    current = openCheckpoint(note, log.origin, [verifier]).checkpoint;
    kept = openCheckpoint(earlier.checkpoint, log.origin, [verifier]).checkpoint;
  } catch (e) {
    return result("failed", "earlier-checkpoint-invalid", `the kept checkpoint does not verify under the log key: ${(e as Error).message}`);
  }
  const sizes = {
    checkpoint: { size: current.size, rootHash: formatHash(current.rootHash) },
    earlierCheckpoint: { size: kept.size, rootHash: formatHash(kept.rootHash) },
  };
  if (kept.size === current.size) {
    return current.rootHash.every((b, i) => b === kept.rootHash[i])
      ? result("ok", "same-tree", `the kept checkpoint is the same tree of ${kept.size} entries`, sizes)
      : result("failed", "two-histories", `two different roots for the same size ${kept.size}: the log shows two histories`, sizes);
  }
  // Stryker disable next-line EqualityOperator: equal sizes returned above, so `<` and `<=` agree here
  const [older, newer] = kept.size < current.size ? [kept, current] : [current, kept];
  // Stryker disable next-line EqualityOperator: equal sizes returned above, so `<` and `<=` agree here
  const direction = kept.size < current.size ? "grew from the kept checkpoint" : "is a prefix of the newer kept checkpoint";
  if (earlier.proof === undefined) {
    return result("skipped", "no-consistency-proof", `sizes ${older.size} and ${newer.size} differ and no consistency proof was given; consistency was not checked`, sizes);
  }
  let proof: Hash[];
  try {
    proof = earlier.proof.map((h) => parseHash(h));
  } catch {
    return result("failed", "bad-proof", "a consistency proof hash is not a base64 SHA-256 hash", sizes);
  }
  try {
    verifyConsistency(older.size, newer.size, proof, older.rootHash, newer.rootHash);
  } catch (e) {
    // Stryker disable next-line StringLiteral: verifyConsistency throws only coded errors (lib/core/log/proof-verify.ts, lib/core/log/errors.ts), so the fallback is never shown
    const code = (e as { code?: string }).code ?? "proof-error";
    return result("failed", "inconsistent", `no consistency between sizes ${older.size} and ${newer.size} (${code}): the log may show two histories`, sizes);
  }
  return result("ok", "consistent", `the log ${direction} (${older.size} → ${newer.size} entries) without rewriting it`, sizes);
}
