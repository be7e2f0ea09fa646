import "server-only";
import { createHash } from "node:crypto";
import { env, logConfig } from "@/lib/server/env";
import { mirrorConfig } from "@/lib/server/mirror/mirror-config";

export interface LogIdentity {
  origin: string;
  /** The C2SP note verifier key (name+keyid+base64 key) verifiers are configured with. */
  verifierKey: string;
  /** SHA-256 of the verifier key string, hex in groups of four, for comparing by eye or voice. */
  fingerprint: string;
}

/**
 * The origin line and verifier key of the log this server serves. An origin signs with
 * LOG_SIGNER_KEY; a mirror serves its origin's log, so the key is the one its operator pinned
 * (MIRROR_LOG_KEY, lib/server/mirror/mirror-config.ts) and the origin line defaults to that key's name,
 * as an origin's does to its own. Throws, naming the variable, when neither is configured.
 */
export function servedLogKey(): { origin: string; verifierKey: string } {
  const mirror = mirrorConfig();
  if (mirror) return { origin: env().LOG_ORIGIN ?? mirror.verifier.name, verifierKey: mirror.logKey };
  const { origin, verifierKey } = logConfig();
  return { origin, verifierKey };
}

/** The log's public identity, or null on a deployment without a key (pages still render). */
export function getLogIdentity(): LogIdentity | null {
  let key;
  try {
    key = servedLogKey();
  } catch {
    return null;
  }
  const hex = createHash("sha256").update(key.verifierKey, "utf8").digest("hex");
  return { origin: key.origin, verifierKey: key.verifierKey, fingerprint: hex.match(/.{4}/g)!.join(" ") };
}
