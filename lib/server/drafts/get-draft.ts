import "server-only";
/**
 * One draft for its editor: the draft, its agency, and for an amendment or correction the notice
 * with the version it starts from (for the diff preview). Categories come from the vocabulary
 * (lib/shared/categories/vocabulary.ts), not from the database. A stale draft names the newer version
 * (newer-version.ts), for the editor's message and the rebase page.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireAgencyClerk, type Actor } from "@/lib/server/auth/authorize";
import { getNotice, type NoticeDto, type NoticeVersionDto } from "@/lib/server/notices/get-notice";
import { findDraft, toDraftDto, type DraftDto } from "./draft-dto";
import { newerVersion, type NewerVersion } from "./newer-version";

export interface DraftView {
  draft: DraftDto;
  agency: { id: string; nameZh: string; nameEn: string };
  base: { notice: NoticeDto; version: NoticeVersionDto; latestVersion: number } | null;
  newer: NewerVersion | null;
}

export async function getDraft(prisma: PrismaClient, actor: Actor | null, draftId: string): Promise<DraftView> {
  const row = await findDraft(prisma, draftId);
  requireAgencyClerk(actor, row.agencyId);
  const [agency, notice] = await Promise.all([
    prisma.agency.findUniqueOrThrow({ where: { id: row.agencyId }, select: { id: true, nameZh: true, nameEn: true } }),
    row.noticeId ? getNotice(prisma, row.noticeId) : null,
  ]);
  const version = notice?.versions.find((v) => v.version === row.baseVersion);
  return {
    draft: toDraftDto(row),
    agency,
    base: notice && version ? { notice, version, latestVersion: notice.versions.at(-1)?.version ?? version.version } : null,
    newer: row.noticeId && row.baseVersion !== null && !row.publishedAt ? await newerVersion(prisma, row.noticeId, row.baseVersion) : null,
  };
}
