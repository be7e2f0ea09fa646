import "server-only";
/**
 * Publishes the approved drafts whose scheduled time has come (docs/review.md), each exactly at
 * the revision its reviewer approved and on that reviewer's behalf: the notice's audit event
 * names the reviewer, and `draft.publish-scheduled` records that the schedule did it.
 *
 * Each draft is published in its own transaction that first locks the draft row with SKIP
 * LOCKED, so two publishers (two server instances, a loop and `npm run drafts:publish-due`)
 * never publish one draft twice: the second skips a draft being published and, once it is
 * committed, no longer finds it due. A crash before the commit publishes nothing.
 *
 * A draft that can no longer be published as approved — the reviewer has lost the right to
 * review for the agency, a newer version of the notice was published, a field is no longer
 * accepted — goes back to "submitted" without its schedule (`draft.schedule-failed`, with the
 * reason), so it shows up for review again instead of being retried for ever. Any other error
 * (the database away) leaves it due for the next round.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { loadActor, requireAgencyReviewer } from "@/lib/server/auth/authorize";
import type { PublishedVersion } from "@/lib/server/publishing/publish-notice";
import { findDraft } from "./draft-dto";
import { StaleDraftError } from "./newer-version";
import { publishDraftIn } from "./publish-draft";

export interface DueOutcome {
  published: { draftId: string; noticeId: string; version: number }[];
  failed: { draftId: string; reason: string }[];
}

const BATCH = 20;

export async function publishDueDrafts(prisma: PrismaClient, now: Date = new Date()): Promise<DueOutcome> {
  const due = await prisma.noticeDraft.findMany({
    where: { state: "approved", publishedAt: null, publishAt: { lte: now } },
    orderBy: [{ publishAt: "asc" }, { id: "asc" }],
    take: BATCH,
    select: { id: true },
  });
  const outcome: DueOutcome = { published: [], failed: [] };
  for (const { id } of due) {
    try {
      const published = await publishOne(prisma, id, now);
      if (published) outcome.published.push({ draftId: id, ...published });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const reason = error instanceof StaleDraftError ? `a newer version ${error.newer.version} of the notice was published` : error.message;
      await lapse(prisma, id, reason);
      outcome.failed.push({ draftId: id, reason });
    }
  }
  return outcome;
}

async function publishOne(prisma: PrismaClient, draftId: string, now: Date): Promise<PublishedVersion | null> {
  return prisma.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM notice_draft WHERE id = ${draftId} AND state = 'approved' AND published_at IS NULL AND publish_at <= ${now}
        FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return null;
      const draft = await findDraft(tx, draftId);
      // The approver as they are now: one who may no longer review here cannot publish here.
      const approver = draft.reviewedBy ? await loadActor(tx, draft.reviewedBy) : null;
      requireAgencyReviewer(approver, draft.agencyId);
      const published = await publishDraftIn({ db: prisma, tx, actor: approver }, draft, { revision: draft.reviewedRevision!, review: "approved" });
      await recordAuditEvent(tx, {
        actorUserId: approver!.id,
        action: "draft.publish-scheduled",
        subject: draft.id,
        detail: {
          agencyId: draft.agencyId,
          revision: draft.reviewedRevision,
          publishAt: draft.publishAt?.toISOString() ?? null,
          noticeId: published.noticeId,
          version: published.version,
        },
      });
      return published;
    },
    { timeout: 60_000 },
  );
}

async function lapse(prisma: PrismaClient, draftId: string, reason: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const draft = await tx.noticeDraft.findUnique({ where: { id: draftId }, select: { agencyId: true, publishAt: true, reviewedBy: true } });
    const updated = await tx.$executeRaw`
      UPDATE notice_draft SET state = 'submitted', publish_at = NULL, reviewed_revision = NULL, reviewer_name = NULL
      WHERE id = ${draftId} AND state = 'approved' AND published_at IS NULL`;
    if (updated === 0 || !draft) return;
    await recordAuditEvent(tx, {
      actorUserId: null,
      action: "draft.schedule-failed",
      subject: draftId,
      detail: { agencyId: draft.agencyId, publishAt: draft.publishAt?.toISOString() ?? null, approvedBy: draft.reviewedBy, reason },
    });
  });
  console.error(`scheduled publication of draft ${draftId} failed: ${reason}; it is back in review`);
}
