/**
 * A C2SP tlog-witness's decision on an add-checkpoint request (https://c2sp.org/tlog-witness),
 * without I/O: the witness program holds the state, serializes requests per log and signs;
 * this says what the answer must be. Two steps, because the second must run while the
 * caller holds its per-log lock on the state it passes in:
 *
 *   openAddCheckpoint   400 malformed · 404 unknown origin · 403 no valid log signature
 *   checkAddCheckpoint  400 old > size · 409 old is not the size last cosigned · 422 bad proof
 *                       · 409 (and a fork) same size, other root · 200 cosign it
 *
 * The order is litewitness's (torchwood internal/witness), with one difference the spec text
 * asks for: the same size with a different root is a 409 Conflict, where litewitness's proof
 * check answers 422. Either way it is never cosigned, and the caller keeps it as evidence.
 */
import { CodedError, FormatError } from "./errors";
import { bytesEqual } from "./encoding";
import { EMPTY_ROOT, type Hash } from "./hash";
import { openCheckpoint, parseCheckpoint, type Checkpoint } from "./checkpoint";
import type { NoteSignature } from "./note";
import type { NoteVerifier } from "./note-keys";
import { verifyConsistency } from "./proof-verify";
import { parseAddCheckpointRequest, type AddCheckpointRequest } from "./witness-protocol";

/** A request whose checkpoint is signed by a key the witness trusts for its origin. */
export interface SignedAddCheckpoint {
  readonly request: AddCheckpointRequest;
  readonly checkpoint: Checkpoint;
  /** The checkpoint note's text (origin, size, root, extensions), what cosignatures sign. */
  readonly text: string;
  /** The log's signatures that verified; what the witness keeps and shows with its own. */
  readonly logSignatures: readonly NoteSignature[];
}

export type OpenAddCheckpointResult =
  | { readonly status: 400; readonly reason: string }
  | { readonly status: 403 | 404; readonly origin: string; readonly reason: string }
  | { readonly status: "signed"; readonly origin: string; readonly signed: SignedAddCheckpoint };

/** The latest checkpoint the witness cosigned for a log. */
export interface CosignedState {
  readonly size: number;
  readonly rootHash: Hash;
}

export type AddCheckpointDecision =
  | { readonly status: 200; readonly advances: boolean }
  | { readonly status: 400; readonly reason: string }
  /** `size` is the body of the answer; `fork` when the request is a different root at that size. */
  | { readonly status: 409; readonly size: number; readonly fork: boolean; readonly reason: string }
  /** `evidence`: the log signed something its own earlier checkpoint contradicts. */
  | { readonly status: 422; readonly evidence: boolean; readonly reason: string };

/**
 * Parses the body and checks the log's signature. `keysFor` returns the keys trusted for an
 * origin, or undefined for a log the witness does not know.
 */
export function openAddCheckpoint(body: string, keysFor: (origin: string) => readonly NoteVerifier[] | undefined): OpenAddCheckpointResult {
  let request: AddCheckpointRequest;
  let origin: string;
  try {
    request = parseAddCheckpointRequest(body);
    // The origin decides which keys to check with, so the text is read before it is verified.
    const split = request.signedCheckpoint.lastIndexOf("\n\n");
    if (split < 0) throw new FormatError("malformed-note", "the checkpoint has no signatures");
    origin = parseCheckpoint(request.signedCheckpoint.slice(0, split + 1)).origin;
  } catch (error) {
    return { status: 400, reason: reasonOf(error) };
  }
  const keys = keysFor(origin);
  if (keys === undefined || keys.length === 0) return { status: 404, origin, reason: "unknown log origin" };
  try {
    const { checkpoint, note } = openCheckpoint(request.signedCheckpoint, origin, keys);
    return { status: "signed", origin, signed: { request, checkpoint, text: note.text, logSignatures: note.signatures } };
  } catch (error) {
    if (error instanceof FormatError) return { status: 400, reason: reasonOf(error) };
    return { status: 403, origin, reason: reasonOf(error) };
  }
}

/** The spec's checks against the latest cosigned checkpoint (null: never cosigned one). */
export function checkAddCheckpoint(signed: SignedAddCheckpoint, latest: CosignedState | null): AddCheckpointDecision {
  const { oldSize, proof } = signed.request;
  const { size, rootHash } = signed.checkpoint;
  const known = latest?.size ?? 0;
  if (oldSize > size) return { status: 400, reason: `old size ${oldSize} is larger than the checkpoint size ${size}` };
  // The log signed another root for the size last cosigned: a fork, whatever old size came with it.
  const fork = latest !== null && size === latest.size && !bytesEqual(rootHash, latest.rootHash);
  if (oldSize !== known) return { status: 409, size: known, fork, reason: `old size ${oldSize} is not the size last cosigned, ${known}` };
  if (fork) return { status: 409, size: known, fork, reason: `a different root hash at size ${size}, the size last cosigned: a fork` };
  if (oldSize === 0) {
    if (proof.length !== 0) return { status: 422, evidence: false, reason: "a consistency proof was sent with old size 0" };
    if (size === 0 && !bytesEqual(rootHash, EMPTY_ROOT)) return { status: 422, evidence: true, reason: "an empty tree whose root is not SHA-256 of nothing" };
    return { status: 200, advances: latest === null || size > known };
  }
  if (latest === null) throw new Error("unreachable: a non-zero old size matched a log never cosigned");
  try {
    verifyConsistency(oldSize, size, proof, latest.rootHash, rootHash);
  } catch (error) {
    return { status: 422, evidence: true, reason: `the consistency proof does not verify (${reasonOf(error)})` };
  }
  return { status: 200, advances: size > known };
}

function reasonOf(error: unknown): string {
  if (error instanceof CodedError) return error.message;
  // Anything else is a bug in this module, not the client's fault; say so rather than hide it.
  throw error;
}
