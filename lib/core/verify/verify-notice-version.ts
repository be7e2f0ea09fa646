/**
 * The whole chain for one notice version, as the browser verifier and the offline CLI run it:
 * content → leaf → inclusion → signature → consistency → witnesses. Each step leans on the
 * one before (a leaf hash means nothing until the content rebuilds it; an inclusion proof
 * nothing until the root is signed), so after the first failure the remaining steps are
 * reported as skipped ("not-reached") rather than run on ground already shown to be false.
 */
import { checkContent } from "./step-content";
import { checkConsistency } from "./step-consistency";
import { checkInclusion, checkLeafHash, checkSignature } from "./step-log";
import { checkWitnesses } from "./step-witnesses";
import type { StepName, StepResult, VerifyInput } from "./types";

export function verifyNoticeVersion(input: VerifyInput): StepResult[] {
  const results: StepResult[] = [];
  const content = checkContent(input.shown, input.entry.leaf);
  results.push(content.result);
  const later: [StepName, () => StepResult][] = [
    ["leaf", () => checkLeafHash(content.rebuiltLeaf!, input.entry)],
    ["inclusion", () => checkInclusion(input.entry, input.inclusionProof, input.checkpoint)],
    ["signature", () => checkSignature(input.checkpoint, input.log)],
    ["consistency", () => checkConsistency(input.checkpoint, input.log, input.earlier)],
    ["witnesses", () => checkWitnesses(input.checkpoint, input.log, input.policy ?? input.witnesses)],
  ];
  for (const [step, run] of later) {
    const failed = results.find((r) => r.status === "failed");
    results.push(failed ? notReached(step, failed.step) : run());
  }
  return results;
}

export interface Verdict {
  /** Verified: no step failed, and the witness quorum (if any was required) is met. */
  ok: boolean;
  failedStep: StepName | null;
  unchecked: StepName[];
  /** "Waiting for witnesses": nothing failed, but the quorum is not met; the policy names of those who have not cosigned and count toward it. */
  waitingFor: string[] | null;
}

/** The verdict in one line: all steps that ran passed, which step failed first if not, or whom it waits for. */
export function summarize(results: readonly StepResult[]): Verdict {
  const failed = results.find((r) => r.status === "failed");
  const waiting = failed ? undefined : results.find((r) => r.status === "waiting");
  return {
    ok: failed === undefined && waiting === undefined,
    failedStep: failed?.step ?? null,
    unchecked: results.filter((r) => r.status === "skipped").map((r) => r.step),
    waitingFor: waiting ? (waiting.witnesses ?? []).filter((w) => w.status === "absent" && w.counts !== false).map((w) => w.name) : null,
  };
}

function notReached(step: StepName, after: StepName): StepResult {
  return { step, status: "skipped", code: "not-reached", detail: `not checked: the ${after} step failed` };
}
