/**
 * The log identity this build of the portal trusts, inlined by next.config.ts at build time.
 * The verifier checks signatures against this key and never against one fetched at run time:
 * a server showing a rewritten log could serve a matching key just as easily.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

export const BUILT_IN_LOG = {
  verifierKey: process.env.NEXT_PUBLIC_LOG_VERIFIER_KEY ?? "",
  origin: process.env.NEXT_PUBLIC_LOG_ORIGIN ?? "",
} as const;

/** Same form as lib/log-service/get-log-identity.ts, so a visitor can compare the two by eye. */
export function keyFingerprint(verifierKey: string): string {
  return bytesToHex(sha256(utf8ToBytes(verifierKey))).match(/.{4}/g)!.join(" ");
}
