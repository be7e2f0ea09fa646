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

export async function listLatestNotices(prisma: PrismaClient, limit = 20): Promise<NoticeSummary[]> {
  // The latest version of each notice, newest first.
  const latest = await prisma.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT DISTINCT ON (notice_id) id FROM notice_version ORDER BY notice_id, version DESC`,
  );
  const versions = await prisma.noticeVersion.findMany({
    where: { id: { in: latest.map((r) => r.id) } },
    orderBy: { createdAt: "desc" },
    take: limit,
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
