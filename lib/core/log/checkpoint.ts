/**
 * C2SP checkpoints (https://c2sp.org/tlog-checkpoint): a signed note whose text is
 *   <origin>\n<tree size>\n<base64 root hash>\n[extension lines\n]
 * Parsing is strict — one text for one checkpoint — because checkpoints are compared,
 * hashed into the chain and kept as evidence; two spellings of the same tree head would
 * make "this server showed two histories" harder to prove.
 */
import { FormatError, ProofError } from "./errors";
import { formatHash, parseHash, type Hash } from "./hash";
import { openNote, signNote, type OpenedNote } from "./note";
import type { NoteSigner, NoteVerifier } from "./note-keys";
import { MAX_TREE_SIZE } from "./stored-hashes";

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Hash;
  /** Opaque extension lines; Gongshi writes none. */
  readonly extensions: readonly string[];
}

export function formatCheckpoint(checkpoint: Checkpoint): string {
  const lines = [checkpoint.origin, String(checkpoint.size), formatHash(checkpoint.rootHash), ...checkpoint.extensions];
  const text = lines.join("\n") + "\n";
  // The same rules as for what we read, and the text must mean exactly this checkpoint: an
  // origin or extension containing a newline would otherwise sign a different size and root.
  const parsed = parseCheckpoint(text);
  if (parsed.origin !== checkpoint.origin || parsed.size !== checkpoint.size || parsed.extensions.length !== checkpoint.extensions.length) {
    throw new FormatError("bad-checkpoint", "checkpoint fields must not contain newlines");
  }
  return text;
}

/** Parses a checkpoint note *text* (the part before the signatures). */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith("\n")) throw new FormatError("bad-checkpoint", "checkpoint text must end with a newline");
  const lines = text.slice(0, -1).split("\n");
  if (lines.length < 3) throw new FormatError("bad-checkpoint", "checkpoint needs origin, size and root hash lines");
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin === "") throw new FormatError("bad-checkpoint", "checkpoint origin is empty");
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || Number(sizeText) > MAX_TREE_SIZE) {
    throw new FormatError("bad-checkpoint", "checkpoint size is not a decimal tree size without leading zeros");
  }
  let rootHash: Hash;
  try {
    rootHash = parseHash(rootText);
  } catch {
    throw new FormatError("bad-checkpoint", "checkpoint root is not a base64 SHA-256 hash");
  }
  if (extensions.some((line) => line === "")) throw new FormatError("bad-checkpoint", "checkpoint extension lines must be non-empty");
  return { origin, size: Number(sizeText), rootHash, extensions };
}

export function signCheckpoint(checkpoint: Checkpoint, signer: NoteSigner): string {
  return signNote(formatCheckpoint(checkpoint), [signer]);
}

/**
 * Opens a signed checkpoint: the note must verify under one of `verifiers` and name the
 * expected `origin` — a valid signature on another log's checkpoint proves nothing here.
 */
export function openCheckpoint(signed: string | Uint8Array, origin: string, verifiers: readonly NoteVerifier[]): { checkpoint: Checkpoint; note: OpenedNote } {
  const note = openNote(signed, verifiers);
  const checkpoint = parseCheckpoint(note.text);
  if (checkpoint.origin !== origin) {
    throw new ProofError("wrong-origin", `checkpoint is for origin "${checkpoint.origin}", expected "${origin}"`);
  }
  return { checkpoint, note };
}
