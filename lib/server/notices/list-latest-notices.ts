import "server-only";
/** The most recently changed notices (optionally of one agency), for the home and agency pages. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { loadHits } from "@/lib/server/search/search-hit";
import type { SearchHit } from "@/lib/server/api/contract";

/** Newest first, by the time of each notice's latest version; read from the search index. */
export async function listLatestNotices(prisma: PrismaClient, limit = 20, agencyId?: string): Promise<SearchHit[]> {
  const rows = await prisma.$queryRawUnsafe<{ notice_id: string }[]>(
    `SELECT notice_id FROM notice_search WHERE $1::text IS NULL OR agency_id = $1
     ORDER BY updated_at DESC, notice_id DESC LIMIT $2`,
    agencyId ?? null,
    limit,
  );
  return loadHits(
    prisma,
    rows.map((r) => r.notice_id),
  );
}
