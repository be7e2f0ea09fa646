import "server-only";
/**
 * The drafts waiting for this reviewer (docs/review.md): submitted drafts of the agencies they
 * review, oldest submission first, without the ones they wrote or submitted themselves (another
 * reviewer must take those). Also the agencies' approved drafts that wait for their scheduled time.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireRole, type Actor } from "@/lib/server/auth/authorize";
import { storedDraftFields } from "../../shared/drafts/draft-fields";
import type { DraftKind } from "./draft-dto";

export interface ReviewQueueItem {
  id: string;
  agencyId: string;
  kind: DraftKind;
  noticeId: string | null;
  title: string;
  /** When it was submitted (awaiting) or is due (scheduled). */
  at: string;
}

export interface ReviewQueue {
  awaiting: ReviewQueueItem[];
  scheduled: ReviewQueueItem[];
}

export async function listReviewQueue(prisma: PrismaClient, actor: Actor | null, limit = 20): Promise<ReviewQueue> {
  const clerk = requireRole(actor, "clerk");
  const reviews = clerk.via === "token" ? [] : (clerk.reviewAgencyIds ?? []);
  const take = Math.min(Math.max(limit, 1), 100);
  const select = { id: true, agencyId: true, kind: true, noticeId: true, fields: true, submittedAt: true, publishAt: true } as const;
  const [awaiting, scheduled] = await Promise.all([
    reviews.length === 0
      ? []
      : prisma.noticeDraft.findMany({
          where: { agencyId: { in: reviews }, state: "submitted", publishedAt: null, NOT: [{ createdBy: clerk.id }, { submittedBy: clerk.id }, { updatedBy: clerk.id }] },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          take,
          select,
        }),
    clerk.agencyIds.length === 0
      ? []
      : prisma.noticeDraft.findMany({
          where: { agencyId: { in: clerk.agencyIds }, state: "approved", publishedAt: null, publishAt: { not: null } },
          orderBy: [{ publishAt: "asc" }, { id: "asc" }],
          take,
          select,
        }),
  ]);
  // submitted_at is set for every submitted draft, publish_at for every scheduled one (the queries above).
  const item = (r: (typeof awaiting)[number], at: Date | null): ReviewQueueItem => ({
    id: r.id,
    agencyId: r.agencyId,
    kind: r.kind as DraftKind,
    noticeId: r.noticeId,
    title: storedDraftFields(r.fields).title?.trim() ?? "",
    at: (at ?? new Date(0)).toISOString(),
  });
  return { awaiting: awaiting.map((r) => item(r, r.submittedAt)), scheduled: scheduled.map((r) => item(r, r.publishAt)) };
}
