/**
 * Checking shown content against a notice leaf: the first step of the browser and CLI
 * verifiers. Content and salts come from the portal (or a proof bundle), which is not
 * trusted, so nothing here throws on bad content: a wrong value, a missing value, a salt of
 * the wrong length — each is reported as a mismatch naming the field, which is what the
 * verifier shows the citizen.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { toBase64, toHex } from "./encoding";
import { commitValue, isWellFormed } from "./commitment";
import { compareCodeUnits } from "./jcs";
import { attachmentNamePath, type LeafAttachment, type NoticeLeaf } from "./notice-leaf-schema";

export interface FieldCheck {
  /**
   * Paths (field names, "attachments/<i>/name") whose commitment does not match the given
   * value and salt, or that have no value, plus given values the leaf does not commit to.
   */
  mismatched: string[];
  /** Paths the leaf commits to that were skipped because they are withheld. */
  withheld: string[];
}

/** Every commitment path of a leaf: field names in code-unit order, then attachment names. */
export function commitmentPaths(leaf: NoticeLeaf): string[] {
  const fields = Object.keys(leaf.fields).sort(compareCodeUnits);
  return fields.concat(leaf.attachments.map((_, i) => attachmentNamePath(i)));
}

/**
 * Recomputes each commitment of `leaf` from `values[path]` and `salts[path]` (keyed by
 * commitment path). A shown value the leaf does not commit to is a mismatch too: otherwise
 * a portal could add a field that no log entry vouches for.
 */
export function verifyFieldCommitments(
  leaf: NoticeLeaf,
  values: Readonly<Record<string, string>>,
  salts: Readonly<Record<string, Uint8Array>>,
  withheld: ReadonlySet<string> = new Set(),
): FieldCheck {
  const result: FieldCheck = { mismatched: [], withheld: [] };
  const paths = commitmentPaths(leaf);
  for (const path of paths) {
    if (withheld.has(path)) {
      result.withheld.push(path);
      continue;
    }
    const value = own(values, path);
    const salt = own(salts, path);
    if (!matches(commitmentAt(leaf, path), salt, value)) result.mismatched.push(path);
  }
  const committed = new Set(paths);
  const uncommitted = Object.keys(values).filter((path) => !committed.has(path));
  result.mismatched.push(...uncommitted.sort(compareCodeUnits));
  return result;
}

/** The plain SHA-256 (lowercase hex) and size of a file, as its leaf attachment records them. */
export function attachmentDigest(file: Uint8Array): { sha256: string; size: number } {
  return { sha256: toHex(sha256(file)), size: file.length };
}

/** Whether `file` is the attachment the leaf describes (hash and size). */
export function attachmentMatches(attachment: Pick<LeafAttachment, "sha256" | "size">, file: Uint8Array): boolean {
  return digestMatches(attachment, attachmentDigest(file));
}

/** Whether a file's digest (hashed elsewhere, e.g. streamed from disk) is the attachment's: both hash and size. */
export function digestMatches(attachment: Pick<LeafAttachment, "sha256" | "size">, digest: { sha256: string; size: number }): boolean {
  return digest.size === attachment.size && digest.sha256 === attachment.sha256;
}

function commitmentAt(leaf: NoticeLeaf, path: string): string | undefined {
  const attachment = /^attachments\/(\d+)\/name$/.exec(path);
  return attachment ? leaf.attachments[Number(attachment[1])]?.name : own(leaf.fields, path);
}

function matches(commitment: string | undefined, salt: unknown, value: unknown): boolean {
  if (commitment === undefined || !(salt instanceof Uint8Array) || salt.length !== 32) return false;
  if (typeof value !== "string" || !isWellFormed(value)) return false;
  return toBase64(commitValue(salt, value)) === commitment;
}

/** Own properties only: a value named "constructor" must not come from Object.prototype. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
