/**
 * Steps 2–4 — from the rebuilt leaf to a signed tree head: the leaf hash, the inclusion
 * proof against the checkpoint's root, and the checkpoint's signature under the log key.
 *
 * Inclusion is checked against the root written in the checkpoint before its signature is
 * checked, so the two failures stay distinct: a proof that does not lead to the root is a
 * different problem from a root the log never signed. Size and root always come from the same
 * checkpoint (a proof only means something for one (size, root) pair).
 */
import {
  bytesEqual,
  formatHash,
  fromBase64,
  hashLeaf,
  openCheckpoint,
  parseCheckpoint,
  parseHash,
  parseVerifierKey,
  verifyInclusion,
  type Checkpoint,
  type Hash,
} from "@/lib/core/log";
import type { LogEntryInput, LogIdentityInput, StepResult } from "./types";

export function checkLeafHash(rebuiltLeaf: Uint8Array, entry: LogEntryInput): StepResult {
  let claimed: Hash;
  try {
    claimed = parseHash(entry.leafHash);
  } catch {
    return { step: "leaf", status: "failed", code: "bad-leaf-hash", detail: "the log entry's leaf hash is not a base64 SHA-256 hash" };
  }
  const computed = hashLeaf(rebuiltLeaf);
  if (!bytesEqual(computed, claimed)) {
    return {
      step: "leaf",
      status: "failed",
      code: "leaf-hash-mismatch",
      detail: `the leaf rebuilt from the content hashes to ${formatHash(computed)}, not to the log entry's ${entry.leafHash}`,
    };
  }
  return { step: "leaf", status: "ok", code: "leaf-ok", detail: `the rebuilt leaf is entry ${entry.index}'s leaf (hash ${entry.leafHash})` };
}

/** The checkpoint's text before its signatures, parsed but not yet trusted. */
export function readCheckpoint(note: string): Checkpoint | null {
  const split = note.lastIndexOf("\n\n");
  // Stryker disable next-line EqualityOperator: at 0 the text above is "\n", which parseCheckpoint refuses, so `<` and `<=` both give null
  if (split < 0) return null;
  try {
    return parseCheckpoint(note.slice(0, split + 1));
  } catch {
    return null;
  }
}

export function checkInclusion(entry: LogEntryInput, proof: readonly string[], note: string): StepResult {
  const fail = (code: string, detail: string): StepResult => ({ step: "inclusion", status: "failed", code, detail });
  const checkpoint = readCheckpoint(note);
  if (!checkpoint) return fail("bad-checkpoint", "the checkpoint is not a well-formed C2SP checkpoint");
  if (!Number.isSafeInteger(entry.index) || entry.index < 0 || entry.index >= checkpoint.size) {
    return fail("index-beyond-checkpoint", `entry ${entry.index} is not in a checkpoint of ${checkpoint.size} entries`);
  }
  let hashes: Hash[];
  try {
    hashes = proof.map((h) => parseHash(h));
  } catch {
    return fail("bad-proof", "an inclusion proof hash is not a base64 SHA-256 hash");
  }
  try {
    verifyInclusion(entry.index, checkpoint.size, fromBase64(entry.leafHash) as Hash, hashes, checkpoint.rootHash);
  } catch (e) {
    // Stryker disable next-line StringLiteral: verifyInclusion throws only coded errors (lib/core/log/proof-verify.ts, lib/core/log/errors.ts), so the fallback is never shown
    const code = (e as { code?: string }).code ?? "proof-error";
    return fail(code, `the inclusion proof does not lead to the checkpoint's root (${code})`);
  }
  return {
    step: "inclusion",
    status: "ok",
    code: "inclusion-ok",
    detail: `entry ${entry.index} is in the tree of ${checkpoint.size} entries`,
    checkpoint: { size: checkpoint.size, rootHash: formatHash(checkpoint.rootHash) },
  };
}

export function checkSignature(note: string, log: LogIdentityInput): StepResult {
  const fail = (code: string, detail: string): StepResult => ({ step: "signature", status: "failed", code, detail });
  let verifier;
  try {
    verifier = parseVerifierKey(log.verifierKey);
  } catch (e) {
    return fail("bad-key", `the verifier key is not a valid Ed25519 note key: ${(e as Error).message}`);
  }
  try {
    const { checkpoint } = openCheckpoint(note, log.origin, [verifier]);
    return {
      step: "signature",
      status: "ok",
      code: "signature-ok",
      detail: `checkpoint of ${checkpoint.size} entries for ${log.origin} is signed by ${verifier.name}`,
      checkpoint: { size: checkpoint.size, rootHash: formatHash(checkpoint.rootHash) },
    };
  } catch (e) {
    // Stryker disable next-line StringLiteral: openCheckpoint throws only coded errors (lib/core/log/checkpoint.ts, lib/core/log/note.ts), so the fallback is never shown
    const code = (e as { code?: string }).code ?? "bad-signature";
    const why =
      code === "no-known-signature"
        ? `the checkpoint is not signed by the log key ${verifier.name}+${verifier.key.split("+")[1]}`
        : code === "wrong-origin"
          ? (e as Error).message
          : `the checkpoint does not verify: ${(e as Error).message}`;
    return fail(code, why);
  }
}
