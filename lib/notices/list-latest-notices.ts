import "server-only";
/** The most recently changed notices, for the home page: each with its current version's summary. */
import type { PrismaClient } from "@/lib/db/generated/client";

export interface NoticeSummary {
  id: string;
  title: string;
  number: string | null;
  language: string | null;
  agency: { id: string; nameZh: string; nameEn: string };
  kind: string;
  version: number;
  updatedAt: string;
  logIndex: number | null;
}

/** The latest version of each notice (optionally of one agency), newest first. */
export async function listLatestNotices(prisma: PrismaClient, limit = 20, agencyId?: string): Promise<NoticeSummary[]> {
  // Only the `limit` newest ids leave the database (it still scans every notice's versions; a
  // search index on latest versions, coming with the notices list page, will replace this).
  const latest = await prisma.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT id FROM (
       SELECT DISTINCT ON (v.notice_id) v.id, v.created_at FROM notice_version v JOIN notice n ON n.id = v.notice_id
       WHERE $1::text IS NULL OR n.agency_id = $1 ORDER BY v.notice_id, v.version DESC
     ) latest ORDER BY created_at DESC, id DESC LIMIT $2`,
    agencyId ?? null,
    limit,
  );
  const versions = await prisma.noticeVersion.findMany({
    where: { id: { in: latest.map((r) => r.id) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { notice: { include: { agency: true } }, logEntry: { select: { index: true } } },
  });
  return versions.map((v) => {
    const fields = v.fields as Record<string, string>;
    return {
      id: v.noticeId,
      title: fields.title ?? v.noticeId,
      number: fields.number ?? null,
      language: fields.language ?? null,
      agency: { id: v.notice.agency.id, nameZh: v.notice.agency.nameZh, nameEn: v.notice.agency.nameEn },
      kind: v.kind,
      version: v.version,
      updatedAt: v.createdAt.toISOString(),
      logIndex: v.logEntry ? Number(v.logEntry.index) : null,
    };
  });
}
