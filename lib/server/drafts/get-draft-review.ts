import "server-only";
/**
 * A draft's review for its pages (docs/review.md): whether the agency requires review, the
 * conversation so far (submissions, returns with the reviewer's comments, approvals), and what
 * the signed-in clerk may do — review it (a reviewer of the agency who is not its author) or not.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireAgencyClerk, type Actor } from "@/lib/server/auth/authorize";
import { findDraft } from "./draft-dto";
import { isDraftAuthor, type ReviewAction } from "./review-steps";

export interface ReviewStep {
  action: ReviewAction;
  actorName: string;
  revision: number;
  comment: string;
  at: string;
}

export interface DraftReviewView {
  requiresReview: boolean;
  /** Oldest first. */
  steps: ReviewStep[];
  /** The actor reviews for the draft's agency. */
  isReviewer: boolean;
  /** The actor wrote, saved or submitted the draft: they cannot review it. */
  isAuthor: boolean;
}

export async function getDraftReview(prisma: PrismaClient, actor: Actor | null, draftId: string): Promise<DraftReviewView> {
  const draft = await findDraft(prisma, draftId);
  const clerk = requireAgencyClerk(actor, draft.agencyId);
  const [agency, steps] = await Promise.all([
    prisma.agency.findUniqueOrThrow({ where: { id: draft.agencyId }, select: { requiresReview: true } }),
    prisma.draftReview.findMany({ where: { draftId }, orderBy: { id: "asc" }, select: { action: true, actorName: true, revision: true, comment: true, createdAt: true } }),
  ]);
  const isReviewer = clerk.via !== "token" && (clerk.reviewAgencyIds ?? []).includes(draft.agencyId);
  const isAuthor = await isDraftAuthor(prisma, draft, clerk.id);
  return {
    requiresReview: agency.requiresReview,
    steps: steps.map((s) => ({ action: s.action as ReviewAction, actorName: s.actorName, revision: s.revision, comment: s.comment, at: s.createdAt.toISOString() })),
    isReviewer,
    isAuthor,
  };
}
