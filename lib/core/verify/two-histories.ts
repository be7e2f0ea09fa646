/**
 * Detecting a split view: the log showing two histories (to two visitors, or to one visitor
 * at two times). Two checkpoints both validly signed by the log key for the same origin, of
 * the same size with different roots, are self-contained proof — anyone can check it with the
 * two notes alone. For different sizes the evidence is the two notes plus a consistency proof
 * that fails: that shows the log could not (or did not) prove that one tree extends the other,
 * which is as strong as the source of the proof; a proof fetched from the log itself binds it.
 *
 * Given a witness policy, the evidence also names the witnesses whose valid cosignatures each
 * note carries. The verdict does not change (the log's own signatures already bind it), but
 * the weight does: a note cosigned by witnesses is the history they saw and vouched for, so
 * the other one was shown outside their view — a split view aimed at someone — and a witness
 * that cosigned both has broken its own promise too (`witnessesOnBoth`). A cosignature line
 * that does not verify is simply not counted here; the witnesses step reports it as forged.
 */
import { formatHash, openCheckpoint, parseHash, parseVerifierKey, verifyConsistency, type Checkpoint, type Hash } from "@/lib/core/log";
import type { WitnessPolicy } from "@/lib/core/log";
import type { LogIdentityInput } from "./types";
import { tallyNote } from "./witness-quorum";

export type TwoHistoriesResult =
  /** One history: the notes are consistent (equal, or the proof verified). */
  | { verdict: "consistent"; older: CheckpointSummary; newer: CheckpointSummary }
  /** Two histories: `evidence` holds both signed notes verbatim (and the failed proof). */
  | { verdict: "split"; reason: "same-size-different-roots" | "consistency-proof-fails"; evidence: SplitEvidence }
  /** Different sizes and no proof: nothing could be concluded. */
  | { verdict: "unproven"; reason: "no-consistency-proof"; older: CheckpointSummary; newer: CheckpointSummary }
  /** A note does not verify under the log key or is for another origin: it is no evidence against this log. */
  | { verdict: "invalid"; which: "first" | "second"; code: string; detail: string };

export interface CheckpointSummary {
  size: number;
  rootHash: string;
}

export interface SplitEvidence {
  origin: string;
  verifierKey: string;
  /** The smaller (or, for equal sizes, the first given) signed note, verbatim. */
  older: string;
  newer: string;
  /** The consistency proof that failed, base64, for different sizes. */
  proof?: string[];
  /** With a policy: the policy names of the witnesses that validly cosigned each note. */
  cosigners?: { older: string[]; newer: string[]; olderMeetsQuorum: boolean; newerMeetsQuorum: boolean };
  /** Witnesses that cosigned both notes: each vouched for two histories that cannot both be true. */
  witnessesOnBoth?: string[];
}

export function findTwoHistories(first: string, second: string, log: LogIdentityInput, consistencyProof?: readonly string[], policy?: WitnessPolicy): TwoHistoriesResult {
  const a = open(first, log, "first");
  if (a.verdict === "invalid") return a;
  const b = open(second, log, "second");
  if (b.verdict === "invalid") return b;
  const [older, newer] = b.checkpoint.size < a.checkpoint.size ? [b, a] : [a, b];
  const summary = { older: summarize(older.checkpoint), newer: summarize(newer.checkpoint) };
  const evidence = (proof?: string[]): SplitEvidence => ({
    origin: log.origin,
    verifierKey: log.verifierKey,
    older: older.note,
    newer: newer.note,
    ...(proof ? { proof } : {}),
    ...(policy ? witnessWeight(older.note, newer.note, log, policy) : {}),
  });
  if (older.checkpoint.size === newer.checkpoint.size) {
    return summary.older.rootHash === summary.newer.rootHash
      ? { verdict: "consistent", ...summary }
      : { verdict: "split", reason: "same-size-different-roots", evidence: evidence() };
  }
  if (consistencyProof === undefined) return { verdict: "unproven", reason: "no-consistency-proof", ...summary };
  let proof: Hash[];
  try {
    proof = consistencyProof.map((h) => parseHash(h));
  } catch {
    // Malformed hashes prove nothing about the log; only a well-formed failing proof is evidence.
    return { verdict: "unproven", reason: "no-consistency-proof", ...summary };
  }
  try {
    verifyConsistency(older.checkpoint.size, newer.checkpoint.size, proof, older.checkpoint.rootHash, newer.checkpoint.rootHash);
    return { verdict: "consistent", ...summary };
  } catch {
    return { verdict: "split", reason: "consistency-proof-fails", evidence: evidence([...consistencyProof]) };
  }
}

type Opened = { verdict: "opened"; note: string; checkpoint: Checkpoint } | Extract<TwoHistoriesResult, { verdict: "invalid" }>;

function open(note: string, log: LogIdentityInput, which: "first" | "second"): Opened {
  try {
    return { verdict: "opened", note, checkpoint: openCheckpoint(note, log.origin, [parseVerifierKey(log.verifierKey)]).checkpoint };
  } catch (e) {
    return { verdict: "invalid" as const, which, code: (e as { code?: string }).code ?? "invalid", detail: (e as Error).message };
  }
}

function witnessWeight(older: string, newer: string, log: LogIdentityInput, policy: WitnessPolicy): Pick<SplitEvidence, "cosigners" | "witnessesOnBoth"> {
  const a = tallyNote(older, log, policy);
  const b = tallyNote(newer, log, policy);
  return {
    cosigners: { older: a.cosigned, newer: b.cosigned, olderMeetsQuorum: a.quorumMet, newerMeetsQuorum: b.quorumMet },
    witnessesOnBoth: a.cosigned.filter((name) => b.cosigned.includes(name)),
  };
}

function summarize(checkpoint: Checkpoint): CheckpointSummary {
  return { size: checkpoint.size, rootHash: formatHash(checkpoint.rootHash) };
}
