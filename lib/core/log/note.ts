/**
 * C2SP signed notes (https://c2sp.org/signed-note), behaving as golang.org/x/mod/sumdb/note:
 * the text ends in a newline, then a blank line, then signature lines
 * "— <name> base64(key ID || signature)". The text is split from the signatures at the
 * *last* blank line, so a text may itself contain blank lines.
 *
 * Opening a note: unknown signers are ignored (that is how witnesses cosign and keys rotate);
 * a known signer whose signature fails rejects the whole note; a note no known key signed is
 * rejected. Size limits keep a hostile server from making a verifier spend unbounded work.
 */
import { FormatError, InputError, ProofError } from "./errors";
import { concatBytes, fromBase64, fromUtf8, toBase64, utf8 } from "./encoding";
import { isValidKeyName, type NoteSigner, type NoteVerifier } from "./note-keys";
import { isWellFormed } from "./commitment";

export const MAX_NOTE_BYTES = 64 * 1024;
export const MAX_SIGNATURES = 100;

const SIG_PREFIX = "\u2014 ";

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** base64(key ID || signature), exactly as it stands in the note. */
  readonly base64: string;
}

export interface OpenedNote {
  readonly text: string;
  /** Signatures by known keys, all verified. */
  readonly signatures: NoteSignature[];
  /** Signatures by keys the caller did not pass; not checked, kept for display. */
  readonly unverified: NoteSignature[];
}

/** Signs `text` (which must end in a newline) with every signer, returning the note. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (!text.endsWith("\n")) throw new InputError("bad-note", "note text must end with a newline");
  checkNoteText(text);
  const message = utf8(text);
  let out = text + "\n";
  for (const signer of signers) {
    if (!isValidKeyName(signer.name)) throw new InputError("bad-key-name", `invalid signer name: ${signer.name}`);
    const id = new Uint8Array(4);
    new DataView(id.buffer).setUint32(0, signer.keyId);
    out += `${SIG_PREFIX}${signer.name} ${toBase64(concatBytes(id, signer.sign(message)))}\n`;
  }
  return out;
}

/**
 * Parses `note` and verifies the signatures of the known `verifiers`.
 * Throws FormatError for a malformed note, ProofError "bad-signature" when a known key's
 * signature fails, and ProofError "no-known-signature" when no known key signed.
 */
export function openNote(note: string | Uint8Array, verifiers: readonly NoteVerifier[]): OpenedNote {
  const bytes = typeof note === "string" ? utf8(requireWellFormed(note)) : note;
  if (bytes.length > MAX_NOTE_BYTES) throw new FormatError("note-too-large", `note is larger than ${MAX_NOTE_BYTES} bytes`);
  const msg = fromUtf8(bytes);
  checkNoteText(msg);

  const split = msg.lastIndexOf("\n\n");
  if (split < 0) throw new FormatError("malformed-note", "note has no blank line before its signatures");
  const text = msg.slice(0, split + 1);
  const sigBlock = msg.slice(split + 2);
  // An empty block does not end in a newline either.
  if (!sigBlock.endsWith("\n")) throw new FormatError("malformed-note", "note has no signature lines");

  const lines = sigBlock.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw new FormatError("malformed-note", `note has more than ${MAX_SIGNATURES} signatures`);
  const message = utf8(text);
  const signatures: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const sig = parseSignatureLine(line);
    const key = `${sig.name}+${sig.keyId}`;
    const verifier = verifiers.find((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (verifier === undefined) {
      if (!seen.has(line)) unverified.push(sig);
      seen.add(line);
      continue;
    }
    if (seen.has(key)) continue; // a repeated signature by one key counts once
    seen.add(key);
    if (!verifier.verify(message, fromBase64(sig.base64).subarray(4))) {
      throw new ProofError("bad-signature", `invalid signature for key ${sig.name}`);
    }
    signatures.push(sig);
  }
  if (signatures.length === 0) throw new ProofError("no-known-signature", "note is not signed by any known key");
  return { text, signatures, unverified };
}

/** One "— <name> base64(key ID || signature)" line (without its newline); FormatError otherwise. */
export function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIG_PREFIX)) throw new FormatError("malformed-note", "signature line does not start with an em dash and a space");
  const rest = line.slice(SIG_PREFIX.length);
  const space = rest.indexOf(" ");
  const name = space < 0 ? rest : rest.slice(0, space);
  const b64 = space < 0 ? "" : rest.slice(space + 1);
  let raw: Uint8Array;
  try {
    raw = fromBase64(b64);
  } catch {
    throw new FormatError("malformed-note", "signature is not valid base64");
  }
  if (!isValidKeyName(name) || b64 === "" || raw.length < 5) throw new FormatError("malformed-note", "malformed signature line");
  const keyId = new DataView(raw.buffer, raw.byteOffset, 4).getUint32(0);
  return { name, keyId, base64: b64 };
}

/** Notes are valid UTF-8 with no ASCII control characters other than newline. */
function checkNoteText(text: string): void {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) {
    throw new FormatError("malformed-note", "note contains a control character");
  }
  requireWellFormed(text);
}

function requireWellFormed(text: string): string {
  if (!isWellFormed(text)) throw new FormatError("bad-utf8", "note is not valid UTF-8");
  return text;
}
