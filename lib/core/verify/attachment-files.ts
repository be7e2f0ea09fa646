/**
 * Which attachment of a logged notice version a file is. A leaf commits each attachment's
 * SHA-256 and size in the clear (lib/core/log/notice-leaf-verify.ts), so a file someone holds is
 * "the logged attachment" exactly when both match one of the leaf's attachments; its name is
 * salted and comes from the shown version (checked by the content step, "" when withheld).
 */
import { decodeLeaf, digestMatches, fromBase64, type LeafAttachment } from "@/lib/core/log";

export interface AttachmentFileResult {
  /** The label the caller gave the file (the CLI: its path). */
  file: string;
  sha256: string;
  size: number;
  /** Leaf positions (0-based, in leaf order) whose hash and size this file has; empty when none. */
  positions: number[];
}

/** The version and attachments a notice leaf (bytes, or base64 as in a bundle) commits to; null when it is not a notice version's leaf. */
export function leafAttachments(leaf: string | Uint8Array): { version: number; attachments: readonly LeafAttachment[] } | null {
  try {
    const record = decodeLeaf(typeof leaf === "string" ? fromBase64(leaf) : leaf);
    return record.kind === "redact" ? null : { version: record.version, attachments: record.attachments };
  } catch {
    return null;
  }
}

/** Matches each file's digest against the leaf's attachments; a file may match several positions (the same file attached twice). */
export function matchAttachmentFiles(
  attachments: readonly Pick<LeafAttachment, "sha256" | "size">[],
  files: readonly { file: string; sha256: string; size: number }[],
): AttachmentFileResult[] {
  return files.map((f) => ({
    file: f.file,
    sha256: f.sha256,
    size: f.size,
    positions: attachments.flatMap((a, i) => (digestMatches(a, f) ? [i] : [])),
  }));
}
