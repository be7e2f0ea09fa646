import "server-only";
/**
 * `GET /api/v1/drafts/{id}` for an agency system: where a notice it submitted for review stands
 * (submit-from-api.ts) — submitted, returned with the reviewer's comments, approved (and when it
 * is scheduled), or published, with the published notice's addresses. A token sees only its own
 * agency's drafts; any other id is 404, so nothing tells a token that another agency's draft
 * exists. Reviewers' comments are shown, their names and accounts are not.
 */
import { ApiError } from "@/lib/server/api/errors";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { TokenPrincipal } from "@/lib/server/auth/tokens/authenticate-api-token";
import type { ReviewAction, SubmittedDraftDto, SubmittedDraftState } from "@/lib/server/api/contract";

export type { SubmittedDraftDto };

const DRAFT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function getSubmittedDraft(prisma: PrismaClient, principal: TokenPrincipal, draftId: string): Promise<SubmittedDraftDto> {
  const notFound = new ApiError("not-found", `no draft ${draftId} of agency ${principal.agencyId}`);
  if (!DRAFT_ID.test(draftId)) throw notFound;
  const draft = await prisma.noticeDraft.findUnique({
    where: { id: draftId },
    include: { reviews: { orderBy: { id: "asc" }, select: { action: true, createdAt: true, comment: true } } },
  });
  if (!draft || draft.agencyId !== principal.agencyId) throw notFound;
  const state: SubmittedDraftState = draft.publishedAt ? "published" : draft.state === "approved" && draft.publishAt ? "scheduled" : (draft.state as SubmittedDraftState);
  const api = draft.publishedNoticeId ? `/api/v1/notices/${draft.publishedNoticeId}` : null;
  return {
    draft: draft.id,
    state,
    submittedAt: draft.submittedAt?.toISOString() ?? null,
    reviewedAt: draft.reviewedAt?.toISOString() ?? null,
    publishAt: draft.publishAt?.toISOString() ?? null,
    notice: draft.publishedNoticeId && api ? { id: draft.publishedNoticeId, version: draft.publishedVersion!, links: { notice: `/n/${draft.publishedNoticeId}`, api } } : null,
    reviews: draft.reviews.map((r) => ({ action: r.action as ReviewAction, at: r.createdAt.toISOString(), comment: r.comment })),
  };
}
