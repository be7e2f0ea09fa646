/**
 * Which of a policy's witnesses cosigned a checkpoint, and whether that meets the quorum. The
 * browser verifier, the offline CLI and the two-histories check all decide this here, so they
 * can never disagree about what "cosigned by k of n" means.
 *
 * A plain list of witness keys (the CLI's --witness) is read as a policy whose quorum is any
 * one of them: that keeps what a list meant before policies existed ("at least one known
 * witness vouched for this"), and anyone wanting more writes a policy file.
 */
import {
  formatKeyId,
  openNote,
  parseCosignatureVerifierKey,
  parseVerifierKey,
  quorumMet,
  quorumWitnesses,
  verifyCosignatures,
  type NoteSignature,
  type PolicyWitness,
  type WitnessPolicy,
} from "@/lib/core/log";
import type { LogIdentityInput, WitnessReport } from "./types";

export interface CosignatureTally {
  /** Every policy witness in policy order, then every signer the policy does not name. */
  reports: WitnessReport[];
  /** Policy names of the witnesses whose cosignature verified. */
  cosigned: string[];
  /** Policy names of the witnesses the quorum draws on with no valid cosignature (absent or invalid). */
  missing: string[];
  /** Policy names of the witnesses whose line does not verify: forged or altered. */
  invalid: string[];
  quorumMet: boolean;
  /** How many witnesses the quorum draws on (the n of "k of n"); a witness outside every quorum group counts for nothing. */
  total: number;
}

/** The policy a list of witness vkeys stands for: each key is a witness under its own name, quorum any one. Throws on a bad key. */
export function policyFromWitnessKeys(keys: readonly string[]): WitnessPolicy {
  const witnesses: PolicyWitness[] = [];
  for (const key of keys) {
    const verifier = parseCosignatureVerifierKey(key);
    if (witnesses.some((w) => w.verifier.cosignatureKey === verifier.cosignatureKey)) continue;
    // Two keys may share a name (a rotated key); the policy name must still be unique.
    const name = witnesses.some((w) => w.name === verifier.name) ? `${verifier.name}+${formatKeyId(verifier.keyId)}` : verifier.name;
    witnesses.push({ name, verifier, url: null });
  }
  if (witnesses.length === 0) return { logs: [], witnesses, groups: [], quorum: "none" };
  return { logs: [], witnesses, groups: [{ name: "any witness", threshold: 1, members: witnesses.map((w) => w.name) }], quorum: "any witness" };
}

/**
 * Tallies the cosignatures among `signatures` (the note's lines other than the log's) on
 * `checkpointText` (the note's text, above the blank line) against `policy`.
 */
export function tallyCosignatures(checkpointText: string, signatures: readonly NoteSignature[], policy: WitnessPolicy): CosignatureTally {
  const { valid, invalid } = verifyCosignatures(
    checkpointText,
    signatures,
    policy.witnesses.map((w) => w.verifier),
  );
  const counted = new Set(quorumWitnesses(policy).map((w) => w.name));
  const reports: WitnessReport[] = [];
  const cosigned: string[] = [];
  const missing: string[] = [];
  const bad: string[] = [];
  for (const w of policy.witnesses) {
    const counts = counted.has(w.name);
    const base = { name: w.name, keyName: w.verifier.name, keyId: formatKeyId(w.verifier.keyId), counts };
    const ok = valid.find((v) => v.verifier === w.verifier);
    const forged = invalid.some((s) => s.name === w.verifier.name && s.keyId === w.verifier.keyId);
    if (forged) {
      // A forged line counts against the whole note even next to a valid one by the same key.
      reports.push({ ...base, status: "invalid" });
      bad.push(w.name);
      if (counts) missing.push(w.name);
    } else if (ok) {
      reports.push({ ...base, status: "verified", timestamp: ok.timestamp });
      if (counts) cosigned.push(w.name);
    } else {
      reports.push({ ...base, status: "absent" });
      if (counts) missing.push(w.name);
    }
  }
  const seen = new Set<string>();
  for (const s of signatures) {
    const known = policy.witnesses.some((w) => w.verifier.name === s.name && w.verifier.keyId === s.keyId);
    const id = `${s.name}+${s.keyId}`;
    if (known || seen.has(id)) continue;
    seen.add(id);
    reports.push({ name: s.name, keyName: s.name, keyId: formatKeyId(s.keyId), status: "unknown", counts: false });
  }
  return { reports, cosigned, missing, invalid: bad, quorumMet: bad.length === 0 && quorumMet(policy, new Set(cosigned)), total: counted.size };
}

/** The cosignatures on a signed checkpoint note (opened under the log's key, which must have signed it) against `policy`. */
export function tallyNote(note: string, log: LogIdentityInput, policy: WitnessPolicy): CosignatureTally {
  const opened = openNote(note, [parseVerifierKey(log.verifierKey)]);
  return tallyCosignatures(opened.text, opened.unverified, policy);
}

/** "cosigned by 2 of 2: 海平日报, 海平市档案馆" — the words the step, the CLI and the docs use. */
export function describeTally(tally: Pick<CosignatureTally, "cosigned" | "total">): string {
  return `cosigned by ${tally.cosigned.length} of ${tally.total}${tally.cosigned.length ? `: ${tally.cosigned.join(", ")}` : ""}`;
}

/** The quorum as a tree of names, for saying it in words (About page, CLI, docs). */
export type QuorumRule = { kind: "none" } | { kind: "witness"; name: string } | { kind: "group"; name: string; threshold: number; members: QuorumRule[] };

export function quorumRule(policy: WitnessPolicy, name: string = policy.quorum): QuorumRule {
  if (name === "none") return { kind: "none" };
  const group = policy.groups.find((g) => g.name === name);
  if (group === undefined) return { kind: "witness", name };
  return { kind: "group", name, threshold: group.threshold, members: group.members.map((m) => quorumRule(policy, m)) };
}

/** "all of: 海平日报, 海平市档案馆"; nested groups in parentheses. */
export function describeQuorumRule(rule: QuorumRule): string {
  if (rule.kind === "none") return "no cosignature needed";
  if (rule.kind === "witness") return rule.name;
  const count = rule.threshold === rule.members.length ? (rule.members.length === 1 ? "" : "all of: ") : rule.threshold === 1 ? "any of: " : `${rule.threshold} of: `;
  const members = rule.members.map((m) => (m.kind === "group" ? `(${describeQuorumRule(m)})` : describeQuorumRule(m)));
  return count + members.join(", ");
}
