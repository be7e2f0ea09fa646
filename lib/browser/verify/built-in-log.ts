/**
 * The log identity and witness policy this build of the portal trusts, inlined by
 * next.config.ts at build time. The verifier checks signatures against this key and
 * cosignatures against this policy, never against ones fetched at run time: a server showing
 * a rewritten log could serve a matching key, or a policy of its own witnesses, just as easily.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { BUILT_IN_ENV } from "@/lib/shared/built-in-env";
import { parseWitnessPolicy, type WitnessPolicy } from "@/lib/core/log";

export const BUILT_IN_LOG = {
  verifierKey: BUILT_IN_ENV.logVerifierKey,
  origin: BUILT_IN_ENV.logOrigin,
} as const;

/** The tlog-policy text as built in; "" when the build has no policy (no witness requirement). */
export const BUILT_IN_WITNESS_POLICY_TEXT = BUILT_IN_ENV.logWitnessPolicy;

let parsed: WitnessPolicy | null | undefined;

/** The built-in policy, parsed once; null when none is built in. The build already refused a malformed one. */
export function builtInWitnessPolicy(): WitnessPolicy | null {
  if (parsed === undefined) parsed = BUILT_IN_WITNESS_POLICY_TEXT ? parseWitnessPolicy(BUILT_IN_WITNESS_POLICY_TEXT) : null;
  return parsed;
}

/** Same form as lib/server/log-service/get-log-identity.ts, so a visitor can compare the two by eye. */
export function keyFingerprint(verifierKey: string): string {
  return bytesToHex(sha256(utf8ToBytes(verifierKey)))
    .match(/.{4}/g)!
    .join(" ");
}
