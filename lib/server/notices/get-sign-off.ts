import "server-only";
/**
 * Who signed a published version off (审核签发), for the public notice page: only when the
 * notice's agency chooses to show it (agency.show_sign_off), only for a version published from
 * an approved draft, and only the reviewer's name as it was when they approved (docs/review.md).
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";

export async function getSignOff(prisma: PrismaClient, noticeId: string, version: number): Promise<string | null> {
  const draft = await prisma.noticeDraft.findFirst({
    where: { publishedNoticeId: noticeId, publishedVersion: version, state: "approved", agency: { showSignOff: true } },
    select: { reviewerName: true },
  });
  return draft?.reviewerName ?? null;
}
