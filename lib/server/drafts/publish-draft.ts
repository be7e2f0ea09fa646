import "server-only";
/**
 * A clerk publishes a draft: a new notice (version 1) or the amendment or correction it
 * holds. The draft is marked published in the same transaction as the version and its audit
 * event, so a draft is published exactly once. The clerk names the revision they reviewed: a
 * draft someone saved since is a 409, never a publication of text the clerk did not see.
 * An amend/correct draft whose notice has a version newer than its base is refused with
 * StaleDraftError, naming that version (newer-version.ts), so the clerk can rebase the draft.
 * A new notice's draft that names the notice it translates is linked to it in that same
 * transaction (record-translation.ts): a link that cannot be made refuses the publication, and
 * the draft stays as it was. The clerk must publish for the original's agency too, as when
 * linking from the staff notice page (link-translation.ts).
 *
 * In an agency that requires review (docs/review.md) a clerk cannot publish a draft directly
 * (403): only a reviewer's approval publishes it (approve-draft.ts), at once or at its scheduled
 * time (publish-due-drafts.ts), and always exactly the revision that was approved. A draft in
 * review (submitted or approved) is never published directly, whatever the agency's setting.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import { ApiError } from "@/lib/server/api/errors";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import { amendNotice } from "@/lib/server/publishing/amend-notice";
import { publishNotice, type PublishedVersion } from "@/lib/server/publishing/publish-notice";
import { noticeFieldsSchema, revisionReasonSchema } from "@/lib/shared/publishing/notice-fields";
import { parseOrReject } from "@/lib/server/publishing/publishing-checks";
import { recordTranslation } from "@/lib/server/translations/record-translation";
import { asTranslationOf } from "@/lib/server/translations/translation-of";
import { draftReason, hasReason, NO_REASON_FOR_NEW, publishableFields, storedDraftFields } from "../../shared/drafts/draft-fields";
import { draftConflict, draftInReview, draftPublished, findDraft, type DraftRow } from "./draft-dto";
import { newerVersion, StaleDraftError } from "./newer-version";
import { mustBeReviewed } from "./review-rule";
import type { ActorContext, ServiceContext } from "@/lib/server/service-context";

export const REVIEW_REQUIRED = "this agency requires review: submit the draft for review; a reviewer's approval publishes it";

export async function publishDraft({ db: prisma, actor, origin }: ActorContext, input: { draftId: string; revision: number }): Promise<PublishedVersion> {
  const draft = await findDraft(prisma, input.draftId);
  requireAgencyClerk(actor, draft.agencyId);
  if (draft.publishedAt) throw draftPublished();
  if (draft.revision !== input.revision) throw draftConflict();
  // Checked before the transaction, so an incomplete draft is refused without taking its lock.
  publishable(draft);
  return prisma.$transaction((tx) => publishDraftIn({ db: prisma, tx, actor, origin }, draft, { revision: input.revision, review: "direct" }), { timeout: 60_000 });
}

/**
 * How the publication comes about: "direct" (a clerk's, refused in a review agency or while
 * the draft is in review) or "approved" (a reviewer's approval, now or at its scheduled time:
 * the draft must be approved at exactly `revision`).
 */
export type PublishPath = "direct" | "approved";

/**
 * Publishes `draft` at `revision` inside `tx` (the caller's transaction, so an approval and its
 * publication commit together). The draft row is locked first: a save or a second publish waits,
 * then finds the revision moved on or the draft published.
 */
export async function publishDraftIn(
  { db: prisma, tx, actor, origin }: ServiceContext & { tx: Prisma.TransactionClient },
  draft: DraftRow,
  input: { revision: number; review: PublishPath },
): Promise<PublishedVersion> {
  const locked = await tx.$queryRaw<{ revision: number; state: string; reviewed_revision: number | null }[]>`
    SELECT revision, state, reviewed_revision FROM notice_draft WHERE id = ${draft.id} AND published_at IS NULL FOR UPDATE`;
  const row = locked[0];
  if (row?.revision !== input.revision) throw draftConflict();
  if (input.review === "direct") {
    if (row.state === "submitted" || row.state === "approved") throw draftInReview();
    if (await mustBeReviewed(tx, actor!, draft.agencyId)) throw new ApiError("forbidden", REVIEW_REQUIRED);
  } else if (row.state !== "approved" || row.reviewed_revision !== input.revision) {
    throw draftConflict();
  }
  const { fields, reason } = publishable(draft);
  const originalId = draft.kind === "publish" ? draft.translationOf : null;
  const stored = await tx.draftAttachment.findMany({ where: { draftId: draft.id }, orderBy: { position: "asc" } });
  const attachments = stored.map((a) => ({ fileName: a.fileName, content: a.content, declaredType: a.mediaType }));
  let published: PublishedVersion;
  if (draft.kind === "publish") {
    if (originalId) {
      await asTranslationOf(async () => {
        const original = await tx.notice.findUnique({ where: { id: originalId }, select: { agencyId: true } });
        if (!original) throw new ApiError("not-found", `notice ${originalId} does not exist`);
        requireAgencyClerk(actor, original.agencyId);
      });
    }
    published = await publishNotice({ db: prisma, actor, origin, tx }, { agencyId: draft.agencyId, fields, attachments });
    if (originalId) {
      const translationId = published.noticeId;
      await asTranslationOf(() => recordTranslation(tx, { translationId, originalId, actorUserId: actor!.id, origin }));
    }
  } else {
    // An amend/correct draft always has noticeId and baseVersion (database CHECK).
    const newer = await newerVersion(tx, draft.noticeId!, draft.baseVersion!);
    if (newer) throw new StaleDraftError(newer);
    const base = await tx.attachment.findMany({
      where: { noticeVersion: { noticeId: draft.noticeId!, version: draft.baseVersion! } },
      orderBy: { position: "asc" },
      select: { fileName: true, sha256: true },
    });
    // Unchanged files are carried over as they are ("keep"): same names, same bytes, same order.
    const unchanged = base.length === stored.length && base.every((b, i) => b.fileName === stored[i]!.fileName && b.sha256 === stored[i]!.sha256);
    published = await amendNotice(
      { db: prisma, actor, origin, tx },
      { noticeId: draft.noticeId!, kind: draft.kind as "amend" | "correct", baseVersion: draft.baseVersion!, fields, ...reason, attachments: unchanged ? "keep" : attachments },
    );
  }
  await tx.noticeDraft.update({
    where: { id: draft.id },
    data: { publishedNoticeId: published.noticeId, publishedVersion: published.version, publishedAt: new Date(), revision: { increment: 1 } },
  });
  return published;
}

/**
 * The draft's fields and reason as they would be published, or a 400 naming what is missing:
 * a complete notice; a reason for an amendment or correction, none for a new notice.
 */
function publishable(draft: DraftRow) {
  const stored = storedDraftFields(draft.fields);
  const fields = publishableFields(stored);
  const reason = draftReason(stored);
  parseOrReject(noticeFieldsSchema, fields);
  if (draft.kind === "publish" && hasReason(stored)) throw new ApiError("bad-request", `reason: ${NO_REASON_FOR_NEW}`);
  if (draft.kind !== "publish") parseOrReject(revisionReasonSchema, reason);
  return { fields, reason };
}
