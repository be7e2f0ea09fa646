import "server-only";
import { createHash } from "node:crypto";
import { logConfig } from "@/lib/env";

export interface LogIdentity {
  origin: string;
  /** The C2SP note verifier key (name+keyid+base64 key) verifiers are configured with. */
  verifierKey: string;
  /** SHA-256 of the verifier key string, hex in groups of four, for comparing by eye or voice. */
  fingerprint: string;
}

/** The log's public identity, or null on a deployment without a signing key (pages still render). */
export function getLogIdentity(): LogIdentity | null {
  let config;
  try {
    config = logConfig();
  } catch {
    return null;
  }
  const hex = createHash("sha256").update(config.verifierKey, "utf8").digest("hex");
  return { origin: config.origin, verifierKey: config.verifierKey, fingerprint: hex.match(/.{4}/g)!.join(" ") };
}
