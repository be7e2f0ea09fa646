/**
 * The CLI's witness policy: read from --policy (a C2SP tlog-policy file) or --witness keys
 * (a quorum of any one, lib/core/verify/witness-quorum.ts), and said in words — "cosigned by k of
 * n" with each witness on its own line, and plainly "waiting for witnesses" when the quorum
 * is not met.
 */
import { MAX_POLICY_BYTES, parseWitnessPolicy, type WitnessPolicy } from "@/lib/core/log";
import { describeQuorumRule, policyFromWitnessKeys, quorumRule, type WitnessReport } from "@/lib/core/verify";
import type { Io } from "./run";

/** Exit status when nothing failed but the witness quorum is not met. */
export const EXIT_WAITING = 3;

/** The policy the options ask for; undefined when neither --policy nor --witness is given. Throws (exit 2) on a bad file or key. */
export function readPolicy(options: Record<string, string[]>, io: Io, decode: (bytes: Uint8Array) => string): WitnessPolicy | undefined {
  const file = options.policy;
  const keys = options.witness;
  if (file && keys) throw new Error("give either --policy or --witness, not both (a policy file can list every witness)");
  if (file && file.length > 1) throw new Error("--policy is given once");
  if (file) {
    let policy: WitnessPolicy;
    try {
      policy = parseWitnessPolicy(decode(io.readFile(file[0]!, MAX_POLICY_BYTES)));
    } catch (e) {
      throw new Error(`${file[0]}: ${(e as Error).message}`);
    }
    io.out(`witness policy ${file[0]}: ${policy.witnesses.length} witness(es); quorum: ${describeQuorumRule(quorumRule(policy))}`);
    return policy;
  }
  if (keys) {
    try {
      return policyFromWitnessKeys(keys);
    } catch (e) {
      throw new Error(`--witness: ${(e as Error).message}`);
    }
  }
  return undefined;
}

/** Warns when the policy names logs and the key in use is not one of them: the policy may be meant for another log. */
export function checkPolicyLog(policy: WitnessPolicy | undefined, verifierKey: string, io: Io): void {
  if (!policy || policy.logs.length === 0) return;
  if (policy.logs.some((l) => l.verifier.key === verifierKey)) return;
  io.out("warning: the policy's log lines do not list this log's key; its witnesses are checked all the same.");
}

const STATUS: Record<WitnessReport["status"], (w: WitnessReport) => string> = {
  verified: (w) => `cosigned${w.timestamp === undefined ? "" : ` at ${new Date(w.timestamp * 1000).toISOString()}`}`,
  invalid: () => "cosignature DOES NOT VERIFY (forged or altered)",
  absent: () => "has not cosigned",
  unknown: () => "not in the policy, not checked",
};

export function formatWitness(w: WitnessReport): string {
  const key = w.keyName === w.name ? `${w.keyId}` : `${w.keyName}+${w.keyId}`;
  return `       witness ${w.name} (${key}): ${STATUS[w.status](w)}`;
}
