import "server-only";
/**
 * A reviewer of the agency signs off a submitted draft (签发) at the revision they saw. Without a
 * time it is published at once, in the same transaction as the approval, so an approval that
 * cannot be published (a newer version of the notice appeared, a translation link is refused)
 * is not recorded either. With a future time it is approved and scheduled: the publisher
 * (publish-due-drafts.ts) publishes exactly that revision then, on the reviewer's behalf. A
 * reviewer never approves a draft they wrote, saved or submitted (review-steps.ts).
 */
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireAgencyReviewer } from "@/lib/server/auth/authorize";
import type { PublishedVersion } from "@/lib/server/publishing/publish-notice";
import { draftConflict, draftPublished, findDraft } from "./draft-dto";
import { publishDraftIn } from "./publish-draft";
import { NOT_SUBMITTED, PUBLISH_AT_PAST, recordReviewStep, requireNotAuthor, requireRevision, reviewComment } from "./review-steps";
import type { ActorContext } from "@/lib/server/service-context";

export interface ApproveDraftInput {
  draftId: string;
  /** The revision the reviewer read: the one that will be published. */
  revision: number;
  comment?: string;
  /** A future time to publish at; absent or null publishes now. */
  publishAt?: Date | null;
}

export type ApproveOutcome = { published: PublishedVersion; publishAt: null } | { published: null; publishAt: string };

export async function approveDraft({ db: prisma, actor, origin }: ActorContext, input: ApproveDraftInput): Promise<ApproveOutcome> {
  const draft = await findDraft(prisma, input.draftId);
  const reviewer = requireAgencyReviewer(actor, draft.agencyId);
  if (draft.publishedAt) throw draftPublished();
  const revision = requireRevision(input.revision);
  const comment = reviewComment(input.comment, false);
  const publishAt = input.publishAt ?? null;
  if (publishAt !== null && (!(publishAt instanceof Date) || Number.isNaN(publishAt.getTime()))) throw new ApiError("bad-request", "publishAt must be a time");
  if (publishAt !== null && publishAt.getTime() <= Date.now()) throw new ApiError("bad-request", PUBLISH_AT_PAST);
  if (draft.state !== "submitted") throw new ApiError("conflict", NOT_SUBMITTED);
  if (draft.revision !== revision) throw draftConflict();
  return prisma.$transaction(
    async (tx) => {
      await requireNotAuthor(tx, draft, reviewer);
      const updated = await tx.$executeRaw`
        UPDATE notice_draft SET state = 'approved', reviewed_at = now(), reviewed_by = ${reviewer.id}, reviewer_name = ${reviewer.name},
          reviewed_revision = ${revision}, publish_at = ${publishAt}
        WHERE id = ${draft.id} AND revision = ${revision} AND published_at IS NULL AND state = 'submitted'`;
      if (updated === 0) throw draftConflict();
      await recordReviewStep(tx, { draftId: draft.id, action: "approve", actor: reviewer, revision, comment });
      await recordAuditEvent(tx, {
        actorUserId: reviewer.id,
        action: "draft.approve",
        subject: draft.id,
        detail: { agencyId: draft.agencyId, revision, comment, publishAt: publishAt?.toISOString() ?? null },
        ip: origin?.ip,
        userAgent: origin?.userAgent,
      });
      if (publishAt) return { published: null, publishAt: publishAt.toISOString() };
      const published = await publishDraftIn({ db: prisma, tx, actor: reviewer, origin }, draft, { revision, review: "approved" });
      return { published, publishAt: null };
    },
    { timeout: 60_000 },
  );
}
