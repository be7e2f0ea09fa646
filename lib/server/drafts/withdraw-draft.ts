import "server-only";
/**
 * A clerk of the agency takes a draft back from review — waiting for a reviewer, or approved
 * and scheduled — to change it. Its approval and schedule are gone: changed, it needs a new one.
 */
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import { draftConflict, draftPublished, findDraft } from "./draft-dto";
import { NOT_IN_REVIEW, recordReviewStep, requireRevision, reviewComment } from "./review-steps";
import type { ActorContext } from "@/lib/server/service-context";

export async function withdrawDraft({ db: prisma, actor, origin }: ActorContext, input: { draftId: string; revision: number; comment?: string }): Promise<void> {
  const draft = await findDraft(prisma, input.draftId);
  const clerk = requireAgencyClerk(actor, draft.agencyId);
  if (draft.publishedAt) throw draftPublished();
  const revision = requireRevision(input.revision);
  const comment = reviewComment(input.comment, false);
  if (draft.state !== "submitted" && draft.state !== "approved") throw new ApiError("conflict", NOT_IN_REVIEW);
  await prisma.$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE notice_draft SET state = 'editing', reviewed_at = NULL, reviewed_by = NULL, reviewer_name = NULL, reviewed_revision = NULL, publish_at = NULL
      WHERE id = ${draft.id} AND revision = ${revision} AND published_at IS NULL AND state IN ('submitted', 'approved')`;
    if (updated === 0) throw draftConflict();
    await recordReviewStep(tx, { draftId: draft.id, action: "withdraw", actor: clerk, revision, comment });
    await recordAuditEvent(tx, {
      actorUserId: clerk.id,
      action: "draft.withdraw",
      subject: draft.id,
      detail: { agencyId: draft.agencyId, revision, from: draft.state, publishAt: draft.publishAt?.toISOString() ?? null },
      ip: origin?.ip,
      userAgent: origin?.userAgent,
    });
  });
}
