import "server-only";
/**
 * A clerk retracts a notice, stating why. The retraction is a version like any other (kind
 * "retract", fields title, reason and optional reasonDetail): the notice and all its earlier versions stay public and
 * provable, marked retracted, and nothing can follow it.
 */
import { ApiError } from "@/lib/server/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireAgencyClerk } from "@/lib/server/auth/authorize";
import { writeNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { retractionSchema, toLoggedReason } from "../../shared/publishing/notice-fields";
import { inTransaction, noticeAgency, parseOrReject } from "./publishing-checks";
import type { PublishedVersion } from "./publish-notice";
import type { ServiceContext } from "@/lib/server/service-context";

export interface RetractNoticeInput {
  noticeId: string;
  baseVersion: number;
  /** One line (revisionReasonSchema); `reasonDetail` optional. */
  reason: unknown;
  reasonDetail?: unknown;
}

export async function retractNotice({ db: prisma, tx, actor, origin }: ServiceContext, input: RetractNoticeInput): Promise<PublishedVersion> {
  const agencyId = await noticeAgency(tx ?? prisma, input.noticeId);
  const clerk = requireAgencyClerk(actor, agencyId);
  const stated = parseOrReject(retractionSchema, { reason: input.reason ?? "", ...(input.reasonDetail === undefined ? {} : { reasonDetail: input.reasonDetail }) });
  const reason = stated.reason;
  return inTransaction(prisma, tx, async (t) => {
    const base = await t.noticeVersion.findUnique({
      where: { noticeId_version: { noticeId: input.noticeId, version: input.baseVersion } },
      include: { redactions: { select: { withhold: true } } },
    });
    if (!base) throw new ApiError("not-found", `notice ${input.noticeId} has no version ${input.baseVersion}`);
    // A withheld title must not come back as the retraction's own (served, unwithheld) field;
    // without one, the retraction's title is its base's, withheld, so pages name it by the id
    // (lib/shared/notices/effective-fields.ts), not by an older title no longer in force.
    const withheld = new Set(base.redactions.flatMap((r) => r.withhold));
    const title = withheld.has("title") ? undefined : (base.fields as Record<string, string>).title;
    const fields: Record<string, string> = { ...(title ? { title } : {}), ...toLoggedReason(stated) };
    const version = await writeNoticeVersion(t, { noticeId: input.noticeId, agencyId, kind: "retract", fields, expectLatest: input.baseVersion });
    await recordAuditEvent(t, {
      actorUserId: clerk.id,
      action: "notice.retract",
      subject: input.noticeId,
      detail: { agencyId, version, baseVersion: input.baseVersion, reason },
      ip: origin?.ip,
      userAgent: origin?.userAgent,
    });
    return { noticeId: input.noticeId, version };
  });
}
