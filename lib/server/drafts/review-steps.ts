import "server-only";
/**
 * What the review services share (docs/review.md): who counts as a draft's author, the
 * conversation rows (draft_review) and the refusals in words the pages translate.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import { ApiError } from "@/lib/server/api/errors";
import type { Actor } from "@/lib/server/auth/authorize";
import type { DraftRow } from "./draft-dto";

export const REVIEW_NOT_REQUIRED = "this agency does not require review: publish the draft directly";
export const NOT_SUBMITTED = "this draft is not waiting for review";
export const NOT_IN_REVIEW = "this draft is not in review";
export const OWN_DRAFT = "you wrote or submitted this draft: another reviewer must review it";
export const DRAFT_INCOMPLETE = "the draft is not complete: fix its fields before submitting it";
export const COMMENT_REQUIRED = "say what needs changing: a returned draft needs a comment";
export const PUBLISH_AT_PAST = "the publication time must be in the future";

/** Longest comment (the database CHECK on draft_review.comment). */
export const COMMENT_MAX = 4000;

export type ReviewAction = "submit" | "withdraw" | "return" | "approve";

/** A comment as stored: trimmed, within the limit, well-formed. */
export function reviewComment(value: unknown, required: boolean): string {
  if (value !== undefined && typeof value !== "string") throw new ApiError("bad-request", "comment must be text");
  const comment = (value ?? "").trim();
  if (required && comment === "") throw new ApiError("bad-request", COMMENT_REQUIRED);
  if (comment.length > COMMENT_MAX || !comment.isWellFormed()) throw new ApiError("bad-request", `a comment is at most ${COMMENT_MAX} characters of text`);
  return comment;
}

export function requireRevision(revision: unknown): number {
  if (typeof revision !== "number" || !Number.isSafeInteger(revision)) throw new ApiError("bad-request", "revision must be an integer");
  return revision;
}

type Authored = Pick<DraftRow, "id" | "createdBy" | "updatedBy" | "submittedBy">;

/**
 * Whether `userId` is an author of the draft: created it, submitted it, or saved or rebased any
 * revision of it (its draft.* audit events, not only the last editor).
 */
export async function isDraftAuthor(tx: Prisma.TransactionClient, draft: Authored, userId: string): Promise<boolean> {
  if ([draft.createdBy, draft.updatedBy, draft.submittedBy].includes(userId)) return true;
  const edited = await tx.auditEvent.findFirst({
    where: { action: { in: ["draft.create", "draft.update", "draft.rebase"] }, subject: draft.id, actorUserId: userId },
    select: { id: true },
  });
  return edited !== null;
}

/** A reviewer never signs off (or returns) their own work. */
export async function requireNotAuthor(tx: Prisma.TransactionClient, draft: Authored, reviewer: Actor): Promise<void> {
  if (await isDraftAuthor(tx, draft, reviewer.id)) throw new ApiError("forbidden", OWN_DRAFT);
}

/** One step of the conversation the clerk reads in the editor. */
export async function recordReviewStep(
  tx: Prisma.TransactionClient,
  step: { draftId: string; action: ReviewAction; actor: Actor; revision: number; comment?: string },
): Promise<void> {
  await tx.draftReview.create({
    data: { draftId: step.draftId, action: step.action, actor: step.actor.id, actorName: step.actor.name, revision: step.revision, comment: step.comment ?? "" },
  });
}
