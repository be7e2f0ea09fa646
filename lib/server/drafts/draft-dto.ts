import "server-only";
/** The draft as services return it: plain data, attachment bytes never included. */
import type { Prisma } from "@/lib/server/db/generated/client";
import { ApiError } from "@/lib/server/api/errors";
import { storedDraftFields, type DraftFields } from "../../shared/drafts/draft-fields";

export type DraftKind = "publish" | "amend" | "correct";

/** Where a draft is in review (docs/review.md); a published draft keeps the state it was published from. */
export const DRAFT_STATES = ["editing", "submitted", "returned", "approved"] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

/** A draft's review state as its pages show it. */
export interface DraftReviewState {
  state: DraftState;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewerName: string | null;
  reviewedRevision: number | null;
  /** An approved draft's scheduled publication time. */
  publishAt: string | null;
}

export interface DraftAttachmentDto {
  id: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  size: number;
}

export interface DraftDto {
  id: string;
  agencyId: string;
  kind: DraftKind;
  noticeId: string | null;
  baseVersion: number | null;
  fields: DraftFields;
  /** A new notice's draft: the notice it will be linked to as a translation when published. */
  translationOf: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  attachments: DraftAttachmentDto[];
  published: { noticeId: string; version: number; at: string } | null;
  createdBy: string;
  updatedBy: string;
  review: DraftReviewState;
}

export const DRAFT_SELECT = {
  id: true,
  agencyId: true,
  kind: true,
  noticeId: true,
  baseVersion: true,
  fields: true,
  translationOf: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
  publishedNoticeId: true,
  publishedVersion: true,
  publishedAt: true,
  createdBy: true,
  updatedBy: true,
  state: true,
  submittedAt: true,
  submittedBy: true,
  reviewedAt: true,
  reviewedBy: true,
  reviewerName: true,
  reviewedRevision: true,
  publishAt: true,
  attachments: { orderBy: { position: "asc" }, select: { id: true, fileName: true, mediaType: true, sha256: true, size: true } },
} satisfies Prisma.NoticeDraftSelect;

export type DraftRow = Prisma.NoticeDraftGetPayload<{ select: typeof DRAFT_SELECT }>;

export function toDraftDto(row: DraftRow): DraftDto {
  return {
    id: row.id,
    agencyId: row.agencyId,
    kind: row.kind as DraftKind,
    noticeId: row.noticeId,
    baseVersion: row.baseVersion,
    fields: storedDraftFields(row.fields),
    translationOf: row.translationOf,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    attachments: row.attachments,
    published:
      row.publishedAt && row.publishedNoticeId && row.publishedVersion !== null
        ? { noticeId: row.publishedNoticeId, version: row.publishedVersion, at: row.publishedAt.toISOString() }
        : null,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    review: {
      state: row.state as DraftState,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      submittedBy: row.submittedBy,
      reviewedAt: row.reviewedAt?.toISOString() ?? null,
      reviewerName: row.reviewerName,
      reviewedRevision: row.reviewedRevision,
      publishAt: row.publishAt?.toISOString() ?? null,
    },
  };
}

/** The draft's row, or 404. Drafts ids are UUIDs; anything else cannot name one. */
export async function findDraft(prisma: Prisma.TransactionClient, draftId: string): Promise<DraftRow> {
  const row = /^[0-9a-f-]{36}$/.test(draftId) ? await prisma.noticeDraft.findUnique({ where: { id: draftId }, select: DRAFT_SELECT }) : null;
  if (!row) throw new ApiError("not-found", "no such draft");
  return row;
}

/** Someone saved (or published) the draft after this clerk loaded it. */
export function draftConflict(): ApiError {
  return new ApiError("conflict", "someone else saved this draft after you opened it; your changes were not saved");
}

export const DRAFT_PUBLISHED = "this draft is already published; it can no longer be changed or deleted";

/** The draft was published (by this clerk in another tab, or another clerk): it is read-only now. */
export function draftPublished(): ApiError {
  return new ApiError("conflict", DRAFT_PUBLISHED);
}

/** The draft is waiting for a reviewer or approved: nobody edits it until it is withdrawn (withdraw-draft.ts) or returned. */
export const DRAFT_IN_REVIEW = "this draft is in review; withdraw it from review before changing it";

export function draftInReview(): ApiError {
  return new ApiError("conflict", DRAFT_IN_REVIEW);
}

/** The states in which clerks may change a draft. */
export const EDITABLE_STATES: readonly DraftState[] = ["editing", "returned"];
