import "server-only";
/**
 * A reviewer of the agency sends a submitted draft back to its clerks with a comment (required:
 * a return without a reason helps nobody). The draft is editable again; the comment shows at
 * the top of the editor. A reviewer does not review their own draft.
 */
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireAgencyReviewer } from "@/lib/server/auth/authorize";
import { draftConflict, draftPublished, findDraft } from "./draft-dto";
import { NOT_SUBMITTED, recordReviewStep, requireNotAuthor, requireRevision, reviewComment } from "./review-steps";
import type { ActorContext } from "@/lib/server/service-context";

export async function returnDraft({ db: prisma, actor, origin }: ActorContext, input: { draftId: string; revision: number; comment: string }): Promise<void> {
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
