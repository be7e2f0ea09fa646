import "server-only";
/**
 * A clerk submits a draft for review in an agency that requires it (docs/review.md). Only a
 * draft that could be published is accepted (publishProblems), and an amendment only while it
 * is based on the notice's latest version. From then on nobody edits it (save-draft.ts refuses)
 * until a reviewer returns it or a clerk withdraws it, so the reviewer signs off exactly the
 * revision submitted here.
 */
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import { publishProblems, storedDraftFields } from "../../shared/drafts/draft-fields";
import { draftConflict, draftInReview, draftPublished, EDITABLE_STATES, findDraft, type DraftState } from "./draft-dto";
import { newerVersion, StaleDraftError } from "./newer-version";
import { DRAFT_INCOMPLETE, recordReviewStep, requireRevision, reviewComment, REVIEW_NOT_REQUIRED } from "./review-steps";
import type { ActorContext } from "@/lib/server/service-context";

export interface SubmitDraftInput {
  draftId: string;
  /** The revision the clerk saw. */
  revision: number;
  /** An optional note to the reviewer. */
  comment?: string;
}

export async function submitDraft({ db: prisma, actor, origin }: ActorContext, input: SubmitDraftInput): Promise<void> {
  const draft = await findDraft(prisma, input.draftId);
  const clerk = requireAgencyClerk(actor, draft.agencyId);
  if (draft.publishedAt) throw draftPublished();
  const revision = requireRevision(input.revision);
  const comment = reviewComment(input.comment, false);
  const agency = await prisma.agency.findUniqueOrThrow({ where: { id: draft.agencyId }, select: { requiresReview: true } });
  if (!agency.requiresReview) throw new ApiError("conflict", REVIEW_NOT_REQUIRED);
  if (!EDITABLE_STATES.includes(draft.state as DraftState)) throw draftInReview();
  if (draft.revision !== revision) throw draftConflict();
  if (publishProblems(storedDraftFields(draft.fields))) throw new ApiError("bad-request", DRAFT_INCOMPLETE);
  if (draft.noticeId && draft.baseVersion !== null) {
    const newer = await newerVersion(prisma, draft.noticeId, draft.baseVersion);
    if (newer) throw new StaleDraftError(newer);
  }
  await prisma.$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE notice_draft SET state = 'submitted', submitted_at = now(), submitted_by = ${clerk.id},
        reviewed_at = NULL, reviewed_by = NULL, reviewer_name = NULL, reviewed_revision = NULL, publish_at = NULL
      WHERE id = ${draft.id} AND revision = ${revision} AND published_at IS NULL AND state IN ('editing', 'returned')`;
    if (updated === 0) throw draftConflict();
    await recordReviewStep(tx, { draftId: draft.id, action: "submit", actor: clerk, revision, comment });
    await recordAuditEvent(tx, {
      actorUserId: clerk.id,
      action: "draft.submit",
      subject: draft.id,
      detail: { agencyId: draft.agencyId, revision, comment },
      ip: origin?.ip,
      userAgent: origin?.userAgent,
    });
  });
}
