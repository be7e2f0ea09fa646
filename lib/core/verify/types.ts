/**
 * The verifier's vocabulary: what it is given (a notice version as shown, the log entry, the
 * proof, the signed checkpoint, the log's identity) and what it answers (one result per step).
 *
 * Inputs are the JSON shapes the portal and proof bundles already use — base64 strings for
 * hashes, salts and leaf bytes — so the browser can pass API answers straight through and
 * nothing has to be trusted before it is checked: a malformed value is a failed step, not an
 * exception.
 */
import type { WitnessPolicy } from "@/lib/core/log";

/** The steps, in the order they run (docs/proof-bundle.md, "Verifying"). */
export type StepName = "content" | "leaf" | "inclusion" | "signature" | "consistency" | "witnesses";
export const STEP_ORDER: readonly StepName[] = ["content", "leaf", "inclusion", "signature", "consistency", "witnesses"];

/**
 * - ok: the step checked and passed;
 * - failed: the step checked and found evidence against the notice or the log;
 * - skipped: the step could not run (an earlier step failed: code "not-reached"; or an input it
 *   needs is missing, e.g. no consistency proof offline) — nothing was proven either way;
 * - info: nothing to check, which is not a failure (no earlier checkpoint kept, no cosignatures);
 * - waiting: checked, nothing wrong, but not enough yet — the witnesses step when the
 *   checkpoint does not meet the witness policy's quorum ("waiting for witnesses"). Not a
 *   failure, and not verified either.
 */
export type StepStatus = "ok" | "failed" | "skipped" | "info" | "waiting";

export interface WithheldField {
  /** Commitment path: a field name or "attachments/<i>/name". */
  path: string;
  /** Legal basis, as the redact entry records it. */
  basis: string;
  /** When it was withheld (ISO 8601). */
  at: string;
  /** Log index of the redact entry; null while it waits for the next checkpoint. */
  logIndex: number | null;
}

export interface WitnessReport {
  /** The policy's name for the witness (e.g. 海平日报); for an unknown signer, the name on its line. */
  name: string;
  /** The name in the witness's key (the name on its signature lines). */
  keyName: string;
  /** Cosignature key ID (cosignature/v1, type 0x04), 8 lowercase hex digits. */
  keyId: string;
  /**
   * verified: a policy witness, valid cosignature; invalid: a policy witness, a line that does
   * not verify (forged or altered); absent: a policy witness, no line in the note; unknown: a
   * signature by a key the policy does not name (listed, not checked).
   */
  status: "verified" | "invalid" | "absent" | "unknown";
  /** verified: the time the witness put in its cosignature, in seconds since the Unix epoch. */
  timestamp?: number;
  /** false for a policy witness that no group of the quorum draws on: listed, not counted in "k of n". */
  counts?: boolean;
}

export interface StepResult {
  step: StepName;
  status: StepStatus;
  /** Stable machine code (e.g. "content-mismatch", "root-mismatch", "no-earlier-checkpoint") for UI text and exit messages. */
  code: string;
  /** One English sentence for people; the UI may translate by `code` instead. */
  detail: string;
  /** content step: commitment paths or metadata members that do not match, in order. */
  fields?: string[];
  /** content step: fields skipped because a redact entry withholds them. */
  withheld?: WithheldField[];
  /** witnesses step: every cosignature seen or expected. */
  witnesses?: WitnessReport[];
  /** signature and consistency steps: the checkpoint(s) involved, as (size, base64 root). */
  checkpoint?: { size: number; rootHash: string };
  earlierCheckpoint?: { size: number; rootHash: string };
  /** witnesses step, browser: the newest checkpoint, when the version was proven in an earlier one that met the quorum. */
  newerCheckpoint?: { size: number; rootHash: string };
}

/** A notice version as the portal (or a bundle) shows it. */
export interface ShownVersion {
  notice: string;
  agency: string;
  version: number;
  kind: string;
  /** Log time as shown next to the notice; checked against the leaf when given. */
  loggedAt?: string;
  /** Field name → value; withheld fields are absent. */
  fields: Readonly<Record<string, string>>;
  /** Field name → base64 32-byte salt. */
  salts: Readonly<Record<string, string>>;
  /** In leaf order. A withheld name is "" with nameSalt "". */
  attachments: readonly { sha256: string; size: number; name: string; nameSalt: string }[];
  withheld: readonly WithheldField[];
}

/** The log entry, as GET /api/v1/log/entries/{index} returns it. */
export interface LogEntryInput {
  index: number;
  /** base64 of the exact leaf bytes. */
  leaf: string;
  /** base64 of the RFC 6962 leaf hash. */
  leafHash: string;
}

export interface LogIdentityInput {
  origin: string;
  /** The log's C2SP verifier key (name+keyid+base64), from a source the verifier trusts. */
  verifierKey: string;
}

export interface EarlierCheckpointInput {
  /** A signed checkpoint note the verifier kept from before. */
  checkpoint: string;
  /**
   * Consistency proof (base64 hashes) between the smaller and the larger of the two trees.
   * Absent offline: then only equal sizes can be compared.
   */
  proof?: readonly string[];
}

export interface VerifyInput {
  shown: ShownVersion;
  entry: LogEntryInput;
  /** Inclusion proof of entry.index in the checkpoint's tree, leaf's sibling first (base64). */
  inclusionProof: readonly string[];
  /** The signed checkpoint note, verbatim. */
  checkpoint: string;
  log: LogIdentityInput;
  earlier?: EarlierCheckpointInput;
  /**
   * The witness policy the checkpoint must meet (lib/core/log's parseWitnessPolicy). Without one,
   * `witnesses` (vkeys, 0x04 or 0x01) stands for a policy of "any one of them"; with neither,
   * no cosignature is required and any are listed unchecked.
   */
  policy?: WitnessPolicy;
  witnesses?: readonly string[];
}
