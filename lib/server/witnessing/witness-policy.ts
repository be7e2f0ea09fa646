import "server-only";
/**
 * The witness policy (LOG_WITNESS_POLICY, a C2SP tlog-policy file): which witnesses the portal
 * asks to cosign its checkpoints, and the quorum that makes a checkpoint "witnessed". Read and
 * checked once; lib/server/server-start.ts loads it before serving, so a broken file stops the server
 * with the file and line named instead of failing on the first commit.
 */
import { readFileSync } from "node:fs";
import { parseWitnessPolicy, policyAllowsLog, type WitnessPolicy } from "@/lib/core/log";
import { envOf } from "@/lib/server/env";
import { servedLogKey } from "@/lib/server/log-service/get-log-identity";

/** Parses the policy at `path` and checks it against the log's own verifier key. */
export function readWitnessPolicy(path: string, logVerifierKey: () => string): WitnessPolicy {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`LOG_WITNESS_POLICY ${path}: cannot be read: ${(e as Error).message}`);
  }
  let policy: WitnessPolicy;
  try {
    policy = parseWitnessPolicy(text);
  } catch (e) {
    throw new Error(`LOG_WITNESS_POLICY ${path}: ${(e as Error).message}`);
  }
  if (policy.logs.length > 0) {
    let own: string;
    try {
      own = logVerifierKey();
    } catch (e) {
      throw new Error(`LOG_WITNESS_POLICY ${path}: its log lines cannot be checked against this portal's key: ${(e as Error).message}`);
    }
    if (!policyAllowsLog(policy, own)) throw new Error(`LOG_WITNESS_POLICY ${path}: its log lines do not include this portal's verifier key ${own}`);
  }
  return policy;
}

let cached: { policy: WitnessPolicy | null } | undefined;

/** The configured policy, or null when LOG_WITNESS_POLICY is unset (no witnesses). Throws on a bad file. */
export function witnessPolicy(): WitnessPolicy | null {
  if (cached) return cached.policy;
  // Unset needs no further environment (code that only reads proofs runs without a database URL in tests).
  const path = envOf(["LOG_WITNESS_POLICY"]).LOG_WITNESS_POLICY;
  const policy = path === undefined ? null : readWitnessPolicy(path, () => servedLogKey().verifierKey);
  cached = { policy };
  return policy;
}

/** The add-checkpoint URL of a witness's submission prefix. */
export function addCheckpointUrl(prefix: string): string {
  return `${prefix.replace(/\/+$/, "")}/add-checkpoint`;
}
