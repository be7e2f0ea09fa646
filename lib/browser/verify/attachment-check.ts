/**
 * Whether each downloaded attachment is the file the log entry commits to. The leaf records
 * every attachment's plain SHA-256 and size (docs/log-format.md), so the bytes a visitor would
 * download are checked against the log itself, not against what the page or the server's
 * headers say. Pure: the downloading is download-attachment.ts.
 */
import { digestMatches, type LeafAttachment } from "@/lib/core/log";

/** ok: same SHA-256 and size; differs: other bytes; unreachable: could not be downloaded, so not checked. */
export type AttachmentStatus = "ok" | "differs" | "unreachable";

export interface AttachmentOutcome {
  /** 0-based position in the leaf. */
  position: number;
  /** The file name as shown; "" when withheld. */
  name: string;
  committed: { sha256: string; size: number };
  received: { sha256: string; size: number } | null;
  status: AttachmentStatus;
}

export function judgeAttachment(
  position: number,
  name: string,
  committed: Pick<LeafAttachment, "sha256" | "size">,
  received: { sha256: string; size: number } | null,
): AttachmentOutcome {
  const status: AttachmentStatus = received === null ? "unreachable" : digestMatches(committed, received) ? "ok" : "differs";
  return { position, name, committed: { sha256: committed.sha256, size: committed.size }, received, status };
}
