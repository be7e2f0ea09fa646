import "server-only";
/**
 * A clerk (or an agency system's token, which acts as a clerk of one agency) publishes a new
 * notice: version 1, pending until the committer logs it. Everything is checked here, whoever
 * calls: the actor's agency, every field, every attachment's content and size. The version and
 * its audit event commit together.
 */
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import { writeNoticeVersion } from "@/lib/server/notices/record-notice-version";
import type { UploadedAttachment } from "./attachment-policy";
import { attachmentMaxBytes } from "./attachment-limit";
import { newNoticeId } from "./new-notice-id";
import { noticeFieldsSchema, toLoggedFields } from "../../shared/publishing/notice-fields";
import { acceptAttachments, inTransaction, parseOrReject } from "./publishing-checks";
import type { ServiceContext } from "@/lib/server/service-context";

export interface PublishNoticeInput {
  agencyId: string;
  /** Checked against noticeFieldsSchema: unknown or malformed fields are a 400. */
  fields: unknown;
  attachments?: readonly UploadedAttachment[];
}

export interface PublishedVersion {
  noticeId: string;
  version: number;
}

export async function publishNotice({ db: prisma, tx, actor, origin }: ServiceContext, input: PublishNoticeInput): Promise<PublishedVersion> {
  const clerk = requireAgencyClerk(actor, input.agencyId);
  const fields = toLoggedFields(parseOrReject(noticeFieldsSchema, input.fields));
  const attachments = acceptAttachments(input.attachments ?? [], attachmentMaxBytes());
  const noticeId = newNoticeId(input.agencyId);
  return inTransaction(prisma, tx, async (t) => {
    const version = await writeNoticeVersion(t, { noticeId, agencyId: input.agencyId, kind: "publish", fields, attachments });
    await recordAuditEvent(t, {
      actorUserId: clerk.id,
      action: "notice.publish",
      subject: noticeId,
      detail: { agencyId: input.agencyId, version, title: fields.title ?? "", attachments: attachments.length },
      ip: origin?.ip,
      userAgent: origin?.userAgent,
    });
    return { noticeId, version };
  });
}
