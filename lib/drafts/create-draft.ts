import "server-only";
/**
 * A clerk starts a draft: an empty one for a new notice of one of their agencies, or an
 * amendment or correction of an existing notice, prefilled with the current version's fields
 * and attachments (so "keep the current attachments" is the default and leaving them
 * untouched publishes them unchanged). Withheld fields and file names are not copied: a
 * redacted value must not come back through an amendment.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/api/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requireAgencyClerk, type Actor } from "@/lib/auth/authorize";
import type { RequestOrigin } from "@/lib/auth/request-origin";
import { getNotice } from "@/lib/notices/get-notice";
import { storedDraftFields } from "./draft-fields";

export type CreateDraftInput = { agencyId: string } | { noticeId: string; kind: "amend" | "correct" };

export async function createDraft(prisma: PrismaClient, actor: Actor | null, input: CreateDraftInput, origin?: RequestOrigin): Promise<{ id: string }> {
  if ("agencyId" in input) {
    const clerk = requireAgencyClerk(actor, input.agencyId);
    return insertDraft(prisma, clerk.id, { agencyId: input.agencyId, kind: "publish", noticeId: null, baseVersion: null, fields: {} }, origin);
  }
  if (input.kind !== "amend" && input.kind !== "correct") throw new ApiError("bad-request", "kind must be amend or correct");
  const notice = await getNotice(prisma, input.noticeId);
  const clerk = requireAgencyClerk(actor, notice.agency.id);
  const current = notice.versions.at(-1);
  if (!current) throw new ApiError("not-found", `notice ${input.noticeId} has no versions`);
  if (current.kind === "retract") throw new ApiError("conflict", `notice ${input.noticeId} is retracted`);
  const kept = current.attachments.filter((a) => a.fileName !== "").map((a) => a.position);
  return insertDraft(
    prisma,
    clerk.id,
    { agencyId: notice.agency.id, kind: input.kind, noticeId: notice.id, baseVersion: current.version, fields: storedDraftFields(current.fields) },
    origin,
    kept,
  );
}

interface NewDraftRow {
  agencyId: string;
  kind: "publish" | "amend" | "correct";
  noticeId: string | null;
  baseVersion: number | null;
  fields: Record<string, string>;
}

async function insertDraft(prisma: PrismaClient, userId: string, row: NewDraftRow, origin?: RequestOrigin, keptPositions: number[] = []): Promise<{ id: string }> {
  const id = randomUUID();
  await prisma.$transaction(async (tx) => {
    await tx.noticeDraft.create({ data: { id, ...row, createdBy: userId, updatedBy: userId } });
    if (row.noticeId && row.baseVersion !== null && keptPositions.length > 0) {
      const current = await tx.attachment.findMany({
        where: { noticeVersion: { noticeId: row.noticeId, version: row.baseVersion }, position: { in: keptPositions } },
        orderBy: { position: "asc" },
      });
      await tx.draftAttachment.createMany({
        data: current.map((a, position) => ({ id: randomUUID(), draftId: id, position, fileName: a.fileName, mediaType: a.mediaType, sha256: a.sha256, size: a.size, content: a.content })),
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
  });
  return { id };
}
