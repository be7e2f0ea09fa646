import "server-only";
/**
 * What the retract page shows before a clerk retracts: the notice's current version (the one
 * the retraction will be based on) and whether it can still be retracted. Authorized like the
 * retraction itself, so a clerk of another agency learns nothing but "403".
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireAgencyClerk, requireRole, type Actor } from "@/lib/server/auth/authorize";
import { noticeTitle } from "@/lib/shared/notices/effective-fields";
import { getNotice } from "@/lib/server/notices/get-notice";
import { noticeAgency } from "@/lib/server/publishing/publishing-checks";

export interface RetractionTarget {
  noticeId: string;
  agency: { id: string; nameZh: string; nameEn: string };
  /** The current title as the public sees it (the id when the title is withheld). */
  title: string;
  /** The version the retraction is based on: a newer one makes the retraction a 409. */
  latestVersion: number;
  latestKind: string;
  retracted: boolean;
}

export async function getRetractionTarget(prisma: PrismaClient, actor: Actor | null, noticeId: string): Promise<RetractionTarget> {
  // Role first: someone signed out (401) or not a clerk (403) learns nothing, not even whether the id exists.
  requireAgencyClerk(requireRole(actor, "clerk"), await noticeAgency(prisma, noticeId));
  const notice = await getNotice(prisma, noticeId);
  const latest = notice.versions.at(-1)!;
  // The public page's rule, so the admin page never shows more than the public one.
  const title = noticeTitle(notice, latest.version);
  return {
    noticeId: notice.id,
    agency: notice.agency,
    title,
    latestVersion: latest.version,
    latestKind: latest.kind,
    retracted: latest.kind === "retract",
  };
}
