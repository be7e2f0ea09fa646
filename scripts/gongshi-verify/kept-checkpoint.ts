/**
 * The journalist's kept checkpoint (--checkpoint). Saved by hand, it often ends with a stray
 * newline or spaces (`jq -r .checkpoint > kept.txt` adds one): only that is normalised — the
 * note must end in exactly one newline, and everything before the trailing whitespace is kept
 * byte for byte, so the log's signature is still checked over the exact note text. A file that
 * is not a signed checkpoint after that, or not signed by this log's key, is bad input (exit
 * 2): comparing it would report a fork that is only a damaged or foreign file.
 */
import { openCheckpoint, openNote, parseVerifierKey } from "@/lib/core/log";
import { readCheckpoint } from "@/lib/core/verify";

/** Trailing spaces, tabs, CRs and newlines at the end of the file, nothing else. */
export function normaliseKeptCheckpoint(text: string): string {
  return text.replace(/[ \t\r\n]+$/, "") + "\n";
}

/** The kept note, normalised; throws (exit 2) naming the file unless it is a well-formed signed checkpoint. */
export function readKeptCheckpoint(path: string, text: string): string {
  const note = normaliseKeptCheckpoint(text);
  try {
    // No verifiers: parses every line, then throws no-known-signature for a well-formed note.
    openNote(note, []);
  } catch (e) {
    if ((e as { code?: string }).code !== "no-known-signature") throw unreadable(path, (e as Error).message);
  }
  if (readCheckpoint(note) === null) throw unreadable(path, "the signed text is not a C2SP checkpoint (origin, size, root hash)");
  return note;
}

/**
 * Throws (exit 2) when the kept note is not signed by `verifierKey` for `origin` while the
 * bundle's own checkpoint is: then the kept file belongs to another log or was altered. When
 * the bundle's checkpoint fails too, the key is wrong and the signature step says so.
 */
export function checkKeptSignedBy(path: string, kept: string, bundleCheckpoint: string, origin: string, verifierKey: string): void {
  let verifier;
  try {
    verifier = parseVerifierKey(verifierKey);
  } catch {
    return; // the signature step reports a bad key
  }
  const opens = (note: string) => {
    try {
      openCheckpoint(note, origin, [verifier]);
      return true;
    } catch {
      return false;
    }
  };
  if (!opens(kept) && opens(bundleCheckpoint)) {
    throw new Error(`${path}: not a checkpoint of ${origin} signed by ${verifier.name} (another log's, or altered); it cannot be compared`);
  }
}

function unreadable(path: string, why: string): Error {
  return new Error(`${path}: unreadable kept checkpoint — not a signed checkpoint note (${why})`);
}
