/**
 * Which checkpoint the browser proves a version against, under the witness policy built into
 * the page. Pure (no fetch, no storage) so the rules can be tested without a browser:
 *
 * 1. no policy, or the newest checkpoint meets the quorum: the newest;
 * 2. otherwise the server's `witnessed` claim (GET /api/v1/log), if it is signed by the log,
 *    meets the quorum by the page's own count, covers the version and is no larger than the
 *    newest: the version is proven in it, and the newest is proven to extend it;
 * 3. otherwise: wait for witnesses, naming who has not cosigned the newest.
 *
 * Nothing the server says is believed: a claim that fails any test is passed over, never
 * trusted. A cosignature that does not verify is different: it is evidence of forgery, so the
 * checkpoint carrying it is chosen anyway, and the witnesses step reports it as failed.
 */
import type { WitnessPolicy } from "@/lib/core/log";
import { checkSignature, findTwoHistories, readCheckpoint, tallyNote, type LogIdentityInput, type SplitVerdict, type StepResult } from "@/lib/core/verify";

export interface WitnessedClaim {
  size: number;
  checkpoint: string;
}

export interface WitnessWait {
  /** Policy names of the witnesses that cosigned the newest checkpoint. */
  cosigned: string[];
  /** Policy names of those that have not. */
  missing: string[];
  total: number;
}

export type CheckpointChoice = { use: "newest" } | { use: "witnessed"; checkpoint: string; size: number } | ({ use: "wait" } & WitnessWait);

export function chooseCheckpoint(input: {
  newest: string;
  witnessed: WitnessedClaim | null;
  /** Log index of the version being verified. */
  index: number;
  log: LogIdentityInput;
  policy: WitnessPolicy | null;
}): CheckpointChoice {
  const { newest, witnessed, index, log, policy } = input;
  // A newest checkpoint that does not verify goes to the signature step, which says why.
  if (policy === null || checkSignature(newest, log).status !== "ok") return { use: "newest" };
  const head = tallyNote(newest, log, policy);
  if (head.quorumMet || head.invalid.length > 0) return { use: "newest" };
  const newestSize = readCheckpoint(newest)!.size;
  if (witnessed !== null && typeof witnessed.checkpoint === "string" && checkSignature(witnessed.checkpoint, log).status === "ok") {
    const size = readCheckpoint(witnessed.checkpoint)!.size;
    const claim = tallyNote(witnessed.checkpoint, log, policy);
    if (size > index && size <= newestSize && (claim.quorumMet || claim.invalid.length > 0)) return { use: "witnessed", checkpoint: witnessed.checkpoint, size };
  }
  return { use: "wait", cosigned: head.cosigned, missing: head.missing, total: head.total };
}

/**
 * After proving a version in the witnessed checkpoint: the newest checkpoint must extend it.
 * Both are signed by the log, so a failing or missing consistency proof between them is the
 * log showing two histories — one its witnesses vouched for, one they did not.
 */
export function checkNewestExtendsWitnessed(
  witnessed: string,
  newest: string,
  proof: readonly string[] | null,
  log: LogIdentityInput,
  policy: WitnessPolicy,
): { ok: true } | { ok: false; result: StepResult; split: SplitVerdict | null } {
  const found = findTwoHistories(witnessed, newest, log, proof ?? undefined, policy);
  if (found.verdict === "consistent") return { ok: true };
  const fail = (code: string, detail: string, split: SplitVerdict | null) => ({
    ok: false as const,
    result: { step: "witnesses" as const, status: "failed" as const, code, detail },
    split,
  });
  if (found.verdict === "split") {
    return fail("witnessed-split", "the newest checkpoint is not consistent with the checkpoint the witnesses cosigned: the log shows two histories", {
      ...found.evidence,
      reason: found.reason,
    });
  }
  if (found.verdict === "invalid") return fail("witnessed-invalid", `a checkpoint does not verify under the log key: ${found.detail}`, null);
  return fail(
    "witnessed-unproven",
    `the server gives no proof that its newest checkpoint (${found.newer.size} entries) extends the one of ${found.older.size} the witnesses cosigned`,
    null,
  );
}
