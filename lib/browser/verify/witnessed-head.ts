/**
 * The browser's half of the witness policy: polling until some checkpoint that meets the
 * quorum covers the version, and, when that is an earlier checkpoint than the newest, holding
 * the newest to it. The rules themselves are in choose-checkpoint.ts.
 */
import { formatHash, type WitnessPolicy } from "@/lib/core/log";
import { readCheckpoint, type LogIdentityInput, type StepResult } from "@/lib/core/verify";
import { checkNewestExtendsWitnessed, chooseCheckpoint } from "./choose-checkpoint";
import { fetchNewestCheckpoint, fetchWitnessedClaim } from "./fetch-version-proof";
import { FIRST_POLL_MS, MAX_POLL_MS, sleep } from "./poll";
import type { OnlineOutcome, OnPhase, Timing, Trust } from "./verify-online";

/**
 * The checkpoint to prove the version in (choose-checkpoint.ts): the newest if it meets the
 * quorum, else the newest the witnesses cosigned that covers the version; until there is one,
 * "waiting for witnesses" is shown with who has not cosigned, and the server asked again with
 * backoff, like the wait for a checkpoint above.
 */
export async function waitForWitnesses(
  index: number,
  trust: Trust,
  onPhase: OnPhase,
  timing: Timing,
  signal?: AbortSignal,
): Promise<{ checkpoint: string; newest: string; witnessed: boolean }> {
  for (let delay = FIRST_POLL_MS; ; delay = Math.min(delay * 2, MAX_POLL_MS)) {
    const started = performance.now();
    const newest = await fetchNewestCheckpoint(signal);
    let choice = chooseCheckpoint({ newest, witnessed: null, index, ...trust });
    if (choice.use === "wait") choice = chooseCheckpoint({ newest, witnessed: await fetchWitnessedClaim(signal), index, ...trust });
    timing.networkMs += performance.now() - started;
    if (choice.use === "newest") return { checkpoint: newest, newest, witnessed: false };
    if (choice.use === "witnessed") return { checkpoint: choice.checkpoint, newest, witnessed: true };
    onPhase("witnesses", { cosigned: choice.cosigned, missing: choice.missing, total: choice.total });
    await sleep(delay, signal);
  }
}

/** The version was proven in the witnessed checkpoint; the newest must extend it. Returns split evidence if it does not. */
export function checkWitnessedHead(
  results: StepResult[],
  witnessed: string,
  newest: string,
  proof: string[] | null,
  log: LogIdentityInput,
  policy: WitnessPolicy,
): OnlineOutcome["split"] {
  const at = results.findIndex((r) => r.step === "witnesses");
  const step = results[at];
  if (step === undefined || step.status !== "ok") return null;
  const extends_ = checkNewestExtendsWitnessed(witnessed, newest, proof, log, policy);
  if (!extends_.ok) {
    results[at] = { ...extends_.result, witnesses: step.witnesses ?? [] };
    return extends_.split;
  }
  const w = readCheckpoint(witnessed)!;
  const n = readCheckpoint(newest)!;
  results[at] = {
    ...step,
    code: "quorum-met-earlier",
    detail: `${step.detail}, in the checkpoint of ${w.size} entries; the newest checkpoint (${n.size} entries) is not cosigned by enough witnesses yet, and extends it`,
    checkpoint: { size: w.size, rootHash: formatHash(w.rootHash) },
    newerCheckpoint: { size: n.size, rootHash: formatHash(n.rootHash) },
  };
  return null;
}
