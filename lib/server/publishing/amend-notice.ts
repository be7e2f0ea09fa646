import "server-only";
/**
 * A clerk amends (a new text replacing the old) or corrects (an error fixed) a notice: a new
 * version with the complete field set; earlier versions stay public and provable. The clerk
 * states which version they edited (`baseVersion`): if another clerk added one since, this is a
 * 409 instead of a silent overwrite. Attachments are either the new complete list or "keep",
 * which carries the current version's files over unchanged. Every amendment and correction
 * states why (`reason`, one line, and an optional `reasonDetail`), logged with this version only.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import { writeNoticeVersion, type NewAttachment } from "@/lib/server/notices/record-notice-version";
import type { UploadedAttachment } from "./attachment-policy";
import { attachmentMaxBytes } from "./attachment-limit";
import { noticeFieldsSchema, revisionReasonSchema, toLoggedFields, toLoggedReason } from "../../shared/publishing/notice-fields";
import { acceptAttachments, inTransaction, noticeAgency, parseOrReject } from "./publishing-checks";
import type { PublishedVersion } from "./publish-notice";
import type { ServiceContext } from "@/lib/server/service-context";

export interface AmendNoticeInput {
  noticeId: string;
  kind: "amend" | "correct";
  baseVersion: number;
  fields: unknown;
  /** Checked against revisionReasonSchema: required, one line. */
  reason: unknown;
  reasonDetail?: unknown;
  attachments: readonly UploadedAttachment[] | "keep";
}

export async function amendNotice({ db: prisma, tx, actor, origin }: ServiceContext, input: AmendNoticeInput): Promise<PublishedVersion> {
  if (input.kind !== "amend" && input.kind !== "correct") throw new ApiError("bad-request", "kind must be amend or correct");
  const agencyId = await noticeAgency(tx ?? prisma, input.noticeId);
  const clerk = requireAgencyClerk(actor, agencyId);
  const content = toLoggedFields(parseOrReject(noticeFieldsSchema, input.fields));
  const reason = parseOrReject(revisionReasonSchema, { reason: input.reason ?? "", ...(input.reasonDetail === undefined ? {} : { reasonDetail: input.reasonDetail }) });
  const fields = { ...content, ...toLoggedReason(reason) };
  const uploaded = input.attachments === "keep" ? null : acceptAttachments(input.attachments, attachmentMaxBytes());
  return inTransaction(prisma, tx, async (t) => {
    const attachments = uploaded ?? (await currentAttachments(t, input.noticeId, input.baseVersion));
    const version = await writeNoticeVersion(t, { noticeId: input.noticeId, agencyId, kind: input.kind, fields, attachments, expectLatest: input.baseVersion });
    await recordAuditEvent(t, {
      actorUserId: clerk.id,
      action: input.kind === "amend" ? "notice.amend" : "notice.correct",
      subject: input.noticeId,
      detail: { agencyId, version, baseVersion: input.baseVersion, title: fields.title ?? "", reason: reason.reason, attachments: attachments.length },
      ip: origin?.ip,
      userAgent: origin?.userAgent,
    });
    return { noticeId: input.noticeId, version };
  });
}

async function currentAttachments(tx: Prisma.TransactionClient, noticeId: string, version: number): Promise<NewAttachment[]> {
  const rows = await tx.attachment.findMany({
    where: { noticeVersion: { noticeId, version } },
    orderBy: { position: "asc" },
    select: { fileName: true, mediaType: true, content: true },
  });
  return rows.map((a) => ({ fileName: a.fileName, mediaType: a.mediaType, content: a.content }));
}
