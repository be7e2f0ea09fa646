import "server-only";
/**
 * The log entries in [from, to) that a subscription's filter matches: notice versions (a
 * redaction entry tells nothing new to a subscriber) whose notice, as the search index describes
 * it now, passes the same conditions the search page applies (lib/server/search/search-notices.ts):
 * the text query with the notices it names by id, agency, category, language and status.
 * Newest state, not the version's: an alert about a search means "notices this search finds".
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import { findNoticeIds } from "@/lib/server/search/find-notice-ids";
import { searchConditions } from "@/lib/server/search/search-notices";
import { DEFAULT_SEARCH_PARAMS } from "@/lib/shared/search/search-params";
import { parseQuery } from "@/lib/server/search/tokenize";
import type { AlertFilter } from "../../shared/alerts/subscription-filter";

export interface MatchedEntry {
  logIndex: bigint;
  noticeId: string;
  version: number;
  kind: string;
  title: string;
  agencyId: string;
  agencyNameZh: string;
  agencyNameEn: string;
}

export async function matchingEntries(
  prisma: Prisma.TransactionClient,
  filter: AlertFilter,
  from: bigint,
  to: bigint,
  limit: number,
): Promise<{ entries: MatchedEntry[]; total: number }> {
  const { tsquery } = parseQuery(filter.q);
  const named = filter.q ? await findNoticeIds(prisma, filter.q) : [];
  const { args, conditions } = searchConditions({ ...DEFAULT_SEARCH_PARAMS, ...filter }, tsquery, named);
  const arg = (value: unknown): string => `$${args.push(value)}`;
  const rows = await prisma.$queryRawUnsafe<
    { log_index: bigint; notice_id: string; version: number; kind: string; title: string; agency_id: string; name_zh: string; name_en: string; total: bigint }[]
  >(
    `SELECT e.index AS log_index, v.notice_id, v.version, v.kind, s.title, s.agency_id, a.name_zh, a.name_en, count(*) OVER () AS total
     FROM log_entry e
     JOIN notice_version v ON v.id = e.notice_version_id
     JOIN (SELECT notice_id, title, agency_id FROM notice_search WHERE ${conditions.join(" AND ") || "true"}) s ON s.notice_id = v.notice_id
     JOIN agency a ON a.id = s.agency_id
     WHERE e.index >= ${arg(from)} AND e.index < ${arg(to)}
     ORDER BY e.index
     LIMIT ${arg(limit)}`,
    ...args,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    entries: rows.map((r) => ({
      logIndex: r.log_index,
      noticeId: r.notice_id,
      version: r.version,
      kind: r.kind,
      title: r.title,
      agencyId: r.agency_id,
      agencyNameZh: r.name_zh,
      agencyNameEn: r.name_en,
    })),
  };
}
