/**
 * Step 6 — witness cosignatures (C2SP cosignature/v1): independent parties that checked this
 * checkpoint is consistent with every one they saw before, and signed it. With a witness
 * policy, a version counts as verified only in a checkpoint whose cosignatures meet the
 * policy's quorum; short of it, the step says "waiting for witnesses" and names who has not
 * cosigned — not a failure, since cosignatures arrive after the log signs.
 *
 * A signature by a key the policy does not name is listed, not failed: C2SP notes carry
 * unknown signatures on purpose (new witnesses, key rotation). A policy witness whose line
 * does not verify is a failure: someone forged or altered a cosignature.
 */
import type { WitnessPolicy } from "@/lib/core/log";
import type { LogIdentityInput, StepResult } from "./types";
import { describeTally, policyFromWitnessKeys, tallyNote } from "./witness-quorum";

/** `requirement`: a policy, or witness vkeys read as "any one of them" (witness-quorum.ts); none: nothing required. */
export function checkWitnesses(note: string, log: LogIdentityInput, requirement?: WitnessPolicy | readonly string[]): StepResult {
  const step = "witnesses" as const;
  let policy: WitnessPolicy | null = null;
  if (requirement !== undefined && !isKeyList(requirement)) policy = requirement;
  else if (requirement !== undefined && requirement.length > 0) {
    try {
      policy = policyFromWitnessKeys(requirement);
    } catch (e) {
      return { step, status: "failed", code: "bad-witness-key", detail: `a witness key is not usable: ${(e as Error).message}` };
    }
  }
  if (policy === null) {
    const tally = tallyNote(note, log, { logs: [], witnesses: [], groups: [], quorum: "none" });
    if (tally.reports.length === 0) return { step, status: "info", code: "no-cosignatures", detail: "the checkpoint carries no witness cosignatures", witnesses: [] };
    return {
      step,
      status: "info",
      code: "no-known-witness",
      detail: `no witness policy was given; ${tally.reports.length} signature(s) by other keys were not checked`,
      witnesses: tally.reports,
    };
  }
  const tally = tallyNote(note, log, policy);
  const base = { step, witnesses: tally.reports };
  if (tally.invalid.length > 0) {
    return { ...base, status: "failed", code: "bad-cosignature", detail: `the cosignature(s) of ${tally.invalid.join(", ")} do not verify: forged or altered` };
  }
  const unknown = tally.reports.filter((r) => r.status === "unknown").length;
  const unknownNote = unknown === 0 ? "" : `; ${unknown} signature(s) by keys outside the policy were not checked`;
  if (tally.quorumMet) return { ...base, status: "ok", code: "quorum-met", detail: `${describeTally(tally)}${unknownNote}` };
  return {
    ...base,
    status: "waiting",
    code: "quorum-not-met",
    detail: `waiting for witnesses: ${describeTally(tally)}; not yet cosigned by ${tally.missing.join(", ")}${unknownNote}`,
  };
}

function isKeyList(requirement: WitnessPolicy | readonly string[]): requirement is readonly string[] {
  return Array.isArray(requirement);
}
