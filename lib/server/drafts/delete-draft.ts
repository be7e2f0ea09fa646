import "server-only";
/**
 * A clerk deletes an unpublished draft (drafts are working copies, not history). Like a save,
 * it names the revision it saw: a draft someone else changed since is not deleted unseen.
 * Published drafts stay (the database refuses to delete them).
 */
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import { storedDraftFields } from "../../shared/drafts/draft-fields";
import { draftConflict, draftPublished, findDraft, draftInReview, EDITABLE_STATES, type DraftState } from "./draft-dto";
import type { ActorContext } from "@/lib/server/service-context";

export async function deleteDraft({ db: prisma, actor, origin }: ActorContext, input: { draftId: string; revision: number }): Promise<void> {
  const draft = await findDraft(prisma, input.draftId);
  const clerk = requireAgencyClerk(actor, draft.agencyId);
  if (draft.publishedAt) throw draftPublished();
  // In review, the reviewer must see what they sign off: withdraw it first (withdraw-draft.ts).
  if (!EDITABLE_STATES.includes(draft.state as DraftState)) throw draftInReview();
  await prisma.$transaction(async (tx) => {
    const deleted = await tx.noticeDraft.deleteMany({ where: { id: input.draftId, revision: input.revision, publishedAt: null, state: { in: [...EDITABLE_STATES] } } });
    if (deleted.count === 0) throw draftConflict();
    await recordAuditEvent(tx, {
      actorUserId: clerk.id,
      action: "draft.delete",
      subject: input.draftId,
      detail: { agencyId: draft.agencyId, kind: draft.kind, noticeId: draft.noticeId, revision: input.revision, title: storedDraftFields(draft.fields).title?.slice(0, 300) ?? "" },
      ip: origin?.ip,
      userAgent: origin?.userAgent,
    });
  });
}
