import "server-only";
/**
 * A clerk rebases a stale amend/correct draft onto the notice's latest version: the draft's
 * base_version becomes that version and everything the clerk typed (fields, files) stays as it
 * is, so their changes are now reviewed against the current text (the editor's diff preview).
 * Like a save it names the revision the clerk saw (UPDATE … WHERE revision = $seen), so a
 * second tab cannot rebase or overwrite what another just did; it is audited as a draft change.
 * The clerk also names the version they were shown, so a version published while they read the
 * diff is not taken on unseen.
 */
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import { draftConflict, draftPublished, findDraft, toDraftDto, type DraftDto, draftInReview, EDITABLE_STATES, type DraftState } from "./draft-dto";
import { newerVersion } from "./newer-version";
import type { ActorContext } from "@/lib/server/service-context";

export const NOT_STALE = "this draft is already based on the notice's latest version";

export interface RebaseDraftInput {
  draftId: string;
  /** The revision the clerk's page was loaded with. */
  revision: number;
  /** The newer version the clerk reviewed and rebases onto. */
  version: number;
}

export async function rebaseDraft({ db: prisma, actor, origin }: ActorContext, input: RebaseDraftInput): Promise<DraftDto> {
  const existing = await findDraft(prisma, input.draftId);
  const clerk = requireAgencyClerk(actor, existing.agencyId);
  if (existing.publishedAt) throw draftPublished();
  // In review, the reviewer must see what they sign off: withdraw it first (withdraw-draft.ts).
  if (!EDITABLE_STATES.includes(existing.state as DraftState)) throw draftInReview();
  if (existing.kind === "publish") throw new ApiError("bad-request", "only an amendment or correction has a version to rebase on");
  if (!Number.isSafeInteger(input.revision) || !Number.isSafeInteger(input.version)) throw new ApiError("bad-request", "revision and version must be integers");
  await prisma.$transaction(async (tx) => {
    const newer = await newerVersion(tx, existing.noticeId!, existing.baseVersion!);
    if (!newer) throw new ApiError("conflict", NOT_STALE);
    // A version newer than the one the clerk reviewed: they must see that one first.
    if (newer.version !== input.version) throw draftConflict();
    const updated = await tx.$executeRaw`
      UPDATE notice_draft SET base_version = ${newer.version}, revision = revision + 1, updated_by = ${clerk.id}, updated_at = now()
      WHERE id = ${input.draftId} AND revision = ${input.revision} AND published_at IS NULL AND state IN ('editing', 'returned')`;
    if (updated === 0) throw draftConflict();
    await recordAuditEvent(tx, {
      actorUserId: clerk.id,
      action: "draft.rebase",
      subject: input.draftId,
      detail: { agencyId: existing.agencyId, revision: input.revision + 1, noticeId: existing.noticeId, from: existing.baseVersion, to: newer.version },
      ip: origin?.ip,
      userAgent: origin?.userAgent,
    });
  });
  return toDraftDto(await findDraft(prisma, input.draftId));
}
