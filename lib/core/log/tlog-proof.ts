/**
 * c2sp.org/tlog-proof@v1 (https://c2sp.org/tlog-proof): an offline proof that an entry is in
 * a log — index, inclusion proof and the signed checkpoint, verbatim:
 *   c2sp.org/tlog-proof@v1
 *   [extra <base64>]
 *   index <n>
 *   <base64 hash>          (zero or more, leaf's sibling first)
 *   <empty line>
 *   <signed checkpoint>
 */
import { FormatError } from "./errors";
import { fromBase64, toBase64 } from "./encoding";
import { formatHash, hashLeaf, parseHash, type Hash } from "./hash";
import { openCheckpoint, type Checkpoint } from "./checkpoint";
import { MAX_NOTE_BYTES, type OpenedNote } from "./note";
import type { NoteVerifier } from "./note-keys";
import { verifyInclusion } from "./proof-verify";

export const TLOG_PROOF_HEADER = "c2sp.org/tlog-proof@v1";
/** A tree of 2^52 leaves needs 52 hashes; more is never a valid proof. */
const MAX_PROOF_HASHES = 64;

export interface TlogProof {
  readonly extra?: Uint8Array;
  readonly index: number;
  readonly proof: readonly Hash[];
  /** The signed checkpoint note, verbatim. */
  readonly checkpoint: string;
}

export function formatTlogProof(p: TlogProof): string {
  const lines = [TLOG_PROOF_HEADER];
  if (p.extra !== undefined) lines.push(`extra ${toBase64(p.extra)}`);
  lines.push(`index ${p.index}`, ...p.proof.map(formatHash));
  const text = lines.join("\n") + "\n\n" + p.checkpoint;
  parseTlogProof(text);
  return text;
}

export function parseTlogProof(text: string): TlogProof {
  if (text.length > MAX_NOTE_BYTES + 8 * 1024) throw new FormatError("bad-tlog-proof", "proof is too large");
  const end = text.indexOf("\n\n");
  if (end < 0) throw new FormatError("bad-tlog-proof", "proof has no empty line before the checkpoint");
  const lines = text.slice(0, end).split("\n");
  const checkpoint = text.slice(end + 2);
  if (lines.shift() !== TLOG_PROOF_HEADER) throw new FormatError("bad-tlog-proof", `proof does not start with ${TLOG_PROOF_HEADER}`);
  let extra: Uint8Array | undefined;
  if (lines[0]?.startsWith("extra ")) {
    try {
      extra = fromBase64(lines.shift()!.slice("extra ".length));
    } catch {
      throw new FormatError("bad-tlog-proof", "extra data is not valid base64");
    }
  }
  // Stryker disable next-line StringLiteral: with no line left, the index pattern fails on any fallback string and the same error follows
  const indexLine = /^index (0|[1-9][0-9]{0,15})$/.exec(lines.shift() ?? "");
  if (!indexLine || !Number.isSafeInteger(Number(indexLine[1]))) {
    throw new FormatError("bad-tlog-proof", "missing or malformed index line");
  }
  if (lines.length > MAX_PROOF_HASHES) throw new FormatError("bad-tlog-proof", "proof has too many hashes");
  const proof = lines.map((line) => {
    try {
      return parseHash(line);
    } catch {
      throw new FormatError("bad-tlog-proof", "proof line is not a base64 SHA-256 hash");
    }
  });
  if (checkpoint === "") throw new FormatError("bad-tlog-proof", "proof has no checkpoint");
  return { ...(extra === undefined ? {} : { extra }), index: Number(indexLine[1]), proof, checkpoint };
}

/**
 * Verifies a tlog-proof for the entry with the given bytes (hashed as an RFC 6962 leaf):
 * the checkpoint must be signed by a known key for `origin`, and the entry included in it.
 * Throws FormatError / ProofError naming what failed.
 */
export function verifyTlogProof(
  text: string,
  entry: Uint8Array,
  origin: string,
  verifiers: readonly NoteVerifier[],
): { proof: TlogProof; checkpoint: Checkpoint; note: OpenedNote; leafHash: Hash } {
  const proof = parseTlogProof(text);
  const { checkpoint, note } = openCheckpoint(proof.checkpoint, origin, verifiers);
  const leafHash = hashLeaf(entry);
  verifyInclusion(proof.index, checkpoint.size, leafHash, proof.proof, checkpoint.rootHash);
  return { proof, checkpoint, note, leafHash };
}
