import "server-only";
/**
 * The log entries in [from, to) that a subscription's filter matches: notice versions (a
 * redaction entry tells nothing new to a subscriber) whose notice, as the search index describes
 * it now, passes the same conditions the search page applies (lib/search/search-notices.ts):
 * the text query with the notices it names by id, agency, category, language and status.
 * Newest state, not the version's: an alert about a search means "notices this search finds".
 */
import type { Prisma } from "@/lib/db/generated/client";
import { categoryFilter } from "@/lib/search/category-filter";
import { findNoticeIds } from "@/lib/search/find-notice-ids";
import { parseQuery } from "@/lib/search/tokenize";
import type { AlertFilter } from "./subscription-filter";

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
  const args: unknown[] = [from, to];
  const arg = (value: unknown): string => `$${args.push(value)}`;
  const conditions: string[] = [];
  if (filter.q) {
    const { tsquery } = parseQuery(filter.q);
    const named = await findNoticeIds(prisma, filter.q);
    const text = tsquery !== null ? `s.document @@ ${arg(tsquery)}::tsquery` : null;
    const byId = named.length ? `s.notice_id = ANY(${arg(named)}::text[])` : null;
    conditions.push(text && byId ? `(${text} OR ${byId})` : (text ?? byId ?? "false"));
  }
  if (filter.agency.length) conditions.push(`s.agency_id = ANY(${arg(filter.agency)}::text[])`);
  if (filter.category.length) conditions.push(categoryFilter(filter.category, arg, "s.category"));
  if (filter.language.length) conditions.push(`s.language = ANY(${arg(filter.language)}::text[])`);
  if (filter.status.length) {
    conditions.push(`(s.status = ANY(${arg(filter.status)}::text[]) OR (${arg(filter.status.includes("withheld"))}::boolean AND s.withheld))`);
  }
  const rows = await prisma.$queryRawUnsafe<
    { log_index: bigint; notice_id: string; version: number; kind: string; title: string; agency_id: string; name_zh: string; name_en: string; total: bigint }[]
  >(
    `SELECT e.index AS log_index, v.notice_id, v.version, v.kind, s.title, s.agency_id, a.name_zh, a.name_en, count(*) OVER () AS total
     FROM log_entry e
     JOIN notice_version v ON v.id = e.notice_version_id
     JOIN notice_search s ON s.notice_id = v.notice_id
     JOIN agency a ON a.id = s.agency_id
     WHERE e.index >= $1 AND e.index < $2 ${conditions.map((c) => `AND ${c}`).join(" ")}
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
