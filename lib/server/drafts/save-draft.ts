import "server-only";
/**
 * A clerk saves a draft: what was typed, files added, files removed. Two clerks (or two tabs)
 * editing the same draft must not silently overwrite each other, so every save names the
 * revision it started from and succeeds only if that is still the stored one
 * (UPDATE … WHERE revision = $seen; no row → 409 conflict, nothing written). Acceptable files
 * are stored even when some are refused; the refused ones are returned with their problem.
 */
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import type { UploadedAttachment } from "@/lib/server/publishing/attachment-policy";
import { parseOrReject } from "@/lib/server/publishing/publishing-checks";
import { checkTranslationOf } from "@/lib/server/translations/translation-of";
import { addDraftAttachments, type RejectedUpload } from "./draft-attachments";
import { draftFieldsSchema, hasReason, NO_REASON_FOR_NEW } from "../../shared/drafts/draft-fields";
import { withoutReason } from "@/lib/shared/notices/reason-fields";
import { draftConflict, draftInReview, draftPublished, EDITABLE_STATES, findDraft, toDraftDto, type DraftDto, type DraftState } from "./draft-dto";
import type { ActorContext } from "@/lib/server/service-context";

export interface SaveDraftInput {
  draftId: string;
  /** The revision the clerk's form was loaded with. */
  revision: number;
  fields: unknown;
  add?: readonly UploadedAttachment[];
  /** Ids of the draft's attachments to remove. */
  remove?: readonly string[];
  /**
   * A new notice's draft: the id of the notice it translates ("" for none); absent leaves it
   * as stored. Checked to name a notice here, linked when publishing (publish-draft.ts).
   */
  translationOf?: string;
}

export async function saveDraft({ db: prisma, actor, origin }: ActorContext, input: SaveDraftInput): Promise<{ draft: DraftDto; rejected: RejectedUpload[] }> {
  const existing = await findDraft(prisma, input.draftId);
  const clerk = requireAgencyClerk(actor, existing.agencyId);
  if (existing.publishedAt) throw draftPublished();
  // In review, the reviewer must see what they sign off: withdraw it first (withdraw-draft.ts).
  if (!EDITABLE_STATES.includes(existing.state as DraftState)) throw draftInReview();
  const typed = parseOrReject(draftFieldsSchema, input.fields);
  // A new notice's form has no reason inputs; one sent anyway is refused, and blank ones dropped.
  if (existing.kind === "publish" && hasReason(typed)) throw new ApiError("bad-request", `reason: ${NO_REASON_FOR_NEW}`);
  const fields = existing.kind === "publish" ? withoutReason(typed as Record<string, string>) : typed;
  if (!Number.isSafeInteger(input.revision)) throw new ApiError("bad-request", "revision must be an integer");
  const remove = [...new Set(input.remove ?? [])];
  if (input.translationOf !== undefined && existing.kind !== "publish" && input.translationOf.trim() !== "") {
    throw new ApiError("bad-request", "only a new notice can be published as a translation");
  }
  const translationOf = input.translationOf === undefined || existing.kind !== "publish" ? undefined : await checkTranslationOf(prisma, input.translationOf);
  const rejected = await prisma.$transaction(
    async (tx) => {
      const updated = await tx.$executeRaw`
        UPDATE notice_draft SET fields = ${JSON.stringify(fields)}::jsonb, revision = revision + 1, updated_by = ${clerk.id}, updated_at = now()
        WHERE id = ${input.draftId} AND revision = ${input.revision} AND published_at IS NULL AND state IN ('editing', 'returned')`;
      if (updated === 0) throw draftConflict();
      if (translationOf !== undefined) await tx.noticeDraft.update({ where: { id: input.draftId }, data: { translationOf } });
      const removed = remove.length ? (await tx.draftAttachment.deleteMany({ where: { draftId: input.draftId, id: { in: remove } } })).count : 0;
      const { added, rejected } = await addDraftAttachments(tx, input.draftId, input.add ?? []);
      await recordAuditEvent(tx, {
        actorUserId: clerk.id,
        action: "draft.update",
        subject: input.draftId,
        detail: { agencyId: existing.agencyId, revision: input.revision + 1, added, removed, refused: rejected.length },
        ip: origin?.ip,
        userAgent: origin?.userAgent,
      });
      return rejected;
    },
    { timeout: 60_000 },
  );
  return { draft: toDraftDto(await findDraft(prisma, input.draftId)), rejected };
}
