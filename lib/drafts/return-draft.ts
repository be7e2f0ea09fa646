import "server-only";
/**
 * A reviewer of the agency sends a submitted draft back to its clerks with a comment (required:
 * a return without a reason helps nobody). The draft is editable again; the comment shows at
 * the top of the editor. A reviewer does not review their own draft.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/api/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requireAgencyReviewer, type Actor } from "@/lib/auth/authorize";
import type { RequestOrigin } from "@/lib/auth/request-origin";
import { draftConflict, draftPublished, findDraft } from "./draft-dto";
import { NOT_SUBMITTED, recordReviewStep, requireNotAuthor, requireRevision, reviewComment } from "./review-steps";

export async function returnDraft(prisma: PrismaClient, actor: Actor | null, input: { draftId: string; revision: number; comment: string }, origin?: RequestOrigin): Promise<void> {
  const draft = await findDraft(prisma, input.draftId);
  const reviewer = requireAgencyReviewer(actor, draft.agencyId);
  if (draft.publishedAt) throw draftPublished();
  const revision = requireRevision(input.revision);
  const comment = reviewComment(input.comment, true);
  if (draft.state !== "submitted") throw new ApiError("conflict", NOT_SUBMITTED);
  await prisma.$transaction(async (tx) => {
    await requireNotAuthor(tx, draft, reviewer);
    const updated = await tx.$executeRaw`
      UPDATE notice_draft SET state = 'returned', reviewed_at = now(), reviewed_by = ${reviewer.id}
      WHERE id = ${draft.id} AND revision = ${revision} AND published_at IS NULL AND state = 'submitted'`;
    if (updated === 0) throw draftConflict();
    await recordReviewStep(tx, { draftId: draft.id, action: "return", actor: reviewer, revision, comment });
    await recordAuditEvent(tx, {
      actorUserId: reviewer.id,
      action: "draft.return",
      subject: draft.id,
      detail: { agencyId: draft.agencyId, revision, comment },
      ip: origin?.ip,
      userAgent: origin?.userAgent,
    });
  });
}
