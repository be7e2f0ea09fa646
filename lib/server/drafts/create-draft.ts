import "server-only";
/**
 * A clerk starts a draft: an empty one for a new notice of one of their agencies, or an
 * amendment or correction of an existing notice, prefilled with the current version's fields
 * and attachments (so "keep the current attachments" is the default and leaving them
 * untouched publishes them unchanged). Withheld fields and file names are not copied: a
 * redacted value must not come back through an amendment. Nor is the current version's
 * reason: each amendment states its own (draft-fields.ts draftContentOf).
 *
 * A notice has at most one open (unpublished) amendment or correction draft per agency: pressing
 * Amend or Correct again, or another clerk pressing it, opens the existing draft instead of a
 * second identical one that would go stale as soon as the first is published. If the existing
 * draft is of the other kind it is opened all the same (its kind is said plainly on the editor,
 * see app/[locale]/admin/drafts/[id]/page.tsx) rather than asked about: the clerk can publish
 * or delete it and start again, and two parallel drafts would only make one of them stale.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/server/db/generated/client";
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import type { RequestOrigin } from "@/lib/server/auth/request-origin";
import { getNotice } from "@/lib/server/notices/get-notice";
import { draftContentOf } from "../../shared/drafts/draft-fields";
import type { ActorContext } from "@/lib/server/service-context";

export type CreateDraftInput = { agencyId: string } | { noticeId: string; kind: "amend" | "correct" };

/** `existing`: the kind of the open draft that was returned instead of a new one. */
export interface CreatedDraft {
  id: string;
  existing?: "amend" | "correct";
}

export async function createDraft({ db: prisma, actor, origin }: ActorContext, input: CreateDraftInput): Promise<CreatedDraft> {
  if ("agencyId" in input) {
    const clerk = requireAgencyClerk(actor, input.agencyId);
    return prisma.$transaction((tx) => insertDraft(tx, clerk.id, { agencyId: input.agencyId, kind: "publish", noticeId: null, baseVersion: null, fields: {} }, origin));
  }
  if (input.kind !== "amend" && input.kind !== "correct") throw new ApiError("bad-request", "kind must be amend or correct");
  const notice = await getNotice(prisma, input.noticeId);
  const clerk = requireAgencyClerk(actor, notice.agency.id);
  const current = notice.versions.at(-1);
  if (!current) throw new ApiError("not-found", `notice ${input.noticeId} has no versions`);
  if (current.kind === "retract") throw new ApiError("conflict", `notice ${input.noticeId} is retracted`);
  const kept = current.attachments.filter((a) => a.fileName !== "").map((a) => a.position);
  return prisma.$transaction(async (tx) => {
    // Two presses at once must not both find nothing and both insert: a transaction lock per
    // notice serializes the look-up and the insert (the key differs from the one that
    // serializes new versions, so opening a draft never waits for a publication).
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtextextended('draft of notice ' || $1, 0))", notice.id);
    const open = await tx.noticeDraft.findFirst({
      where: { noticeId: notice.id, agencyId: notice.agency.id, publishedAt: null, kind: { in: ["amend", "correct"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true },
    });
    if (open) return { id: open.id, existing: open.kind as "amend" | "correct" };
    return insertDraft(
      tx,
      clerk.id,
      { agencyId: notice.agency.id, kind: input.kind, noticeId: notice.id, baseVersion: current.version, fields: draftContentOf(current.fields) },
      origin,
      kept,
    );
  });
}

interface NewDraftRow {
  agencyId: string;
  kind: "publish" | "amend" | "correct";
  noticeId: string | null;
  baseVersion: number | null;
  fields: Record<string, string>;
}

async function insertDraft(tx: Prisma.TransactionClient, userId: string, row: NewDraftRow, origin?: RequestOrigin, keptPositions: number[] = []): Promise<CreatedDraft> {
  const id = randomUUID();
  await tx.noticeDraft.create({ data: { id, ...row, createdBy: userId, updatedBy: userId } });
  if (row.noticeId && row.baseVersion !== null && keptPositions.length > 0) {
    const current = await tx.attachment.findMany({
      where: { noticeVersion: { noticeId: row.noticeId, version: row.baseVersion }, position: { in: keptPositions } },
      orderBy: { position: "asc" },
    });
    await tx.draftAttachment.createMany({
      data: current.map((a, position) => ({
        id: randomUUID(),
        draftId: id,
        position,
        fileName: a.fileName,
        mediaType: a.mediaType,
        sha256: a.sha256,
        size: a.size,
        content: a.content,
      })),
    });
  }
  await recordAuditEvent(tx, {
    actorUserId: userId,
    action: "draft.create",
    subject: id,
    detail: { agencyId: row.agencyId, kind: row.kind, noticeId: row.noticeId, baseVersion: row.baseVersion },
    ip: origin?.ip,
    userAgent: origin?.userAgent,
  });
  return { id };
}
