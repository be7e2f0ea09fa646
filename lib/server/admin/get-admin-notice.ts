import "server-only";
/**
 * One notice as staff see it: every version with its log status. A clerk sees only their
 * agencies' notices (403 otherwise); administrators and auditors see all (an administrator
 * may need to redact any notice). The content is the public one: withheld values stay withheld.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireRole, type Actor } from "@/lib/server/auth/authorize";
import { ApiError } from "@/lib/server/api/errors";
import { getNotice, type NoticeDto } from "@/lib/server/notices/get-notice";

export interface AdminNoticeView {
  notice: NoticeDto;
  /** May this actor add versions (amend, correct, retract)? */
  canEdit: boolean;
  canRedact: boolean;
}

export async function getAdminNotice(prisma: PrismaClient, actor: Actor | null, noticeId: string): Promise<AdminNoticeView> {
  const staff = requireRole(actor, "clerk", "administrator", "auditor");
  const notice = await getNotice(prisma, noticeId);
  const ownAgency = staff.agencyIds.includes(notice.agency.id);
  if (staff.role === "clerk" && !ownAgency) throw new ApiError("forbidden", "you do not publish for this agency");
  return { notice, canEdit: staff.role === "clerk" && ownAgency, canRedact: staff.role === "administrator" };
}
