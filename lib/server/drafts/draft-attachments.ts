import "server-only";
/**
 * Uploaded files into a draft: each checked by content and size the moment it arrives, the
 * good ones stored at once (so a form that fails for another reason keeps them), the bad ones
 * named with their problem. The same checks run again when the draft is published.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/server/db/generated/client";
import { checkAttachment, MAX_ATTACHMENTS, type AttachmentProblem, type UploadedAttachment } from "@/lib/server/publishing/attachment-policy";
import { attachmentMaxBytes } from "@/lib/server/publishing/attachment-limit";

export type DraftAttachmentProblem = AttachmentProblem | "too-many";

export interface RejectedUpload {
  /** As the browser sent it (shown back to the clerk, never stored). */
  fileName: string;
  problem: DraftAttachmentProblem;
}

/** Checks `uploads` and stores the acceptable ones after the draft's `existing` attachments. */
export async function addDraftAttachments(
  tx: Prisma.TransactionClient,
  draftId: string,
  uploads: readonly UploadedAttachment[],
): Promise<{ added: number; rejected: RejectedUpload[] }> {
  const maxBytes = attachmentMaxBytes();
  const existing = await tx.draftAttachment.aggregate({ where: { draftId }, _count: true, _max: { position: true } });
  let count = existing._count;
  let position = (existing._max.position ?? -1) + 1;
  const rejected: RejectedUpload[] = [];
  let added = 0;
  for (const upload of uploads) {
    const shownName = upload.fileName.slice(0, 200);
    if (count >= MAX_ATTACHMENTS) {
      rejected.push({ fileName: shownName, problem: "too-many" });
      continue;
    }
    const check = checkAttachment(upload, maxBytes);
    if (!check.ok) {
      rejected.push({ fileName: shownName, problem: check.problem });
      continue;
    }
    await tx.draftAttachment.create({
      data: {
        id: randomUUID(),
        draftId,
        position: position++,
        fileName: check.fileName,
        mediaType: check.mediaType,
        sha256: createHash("sha256").update(upload.content).digest("hex"),
        size: upload.content.length,
        content: new Uint8Array(upload.content),
      },
    });
    count++;
    added++;
  }
  return { added, rejected };
}
