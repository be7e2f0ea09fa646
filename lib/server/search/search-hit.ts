import "server-only";
/** One row of a notice list, as search and exact matches return it, and the SQL that loads it. */
import type { Prisma } from "@/lib/server/db/generated/client";
import type { SearchHit, SearchStatus, Snippet } from "@/lib/server/api/contract";

export interface HitRow {
  notice_id: string;
  title: string;
  number: string | null;
  language: string | null;
  category: string | null;
  agency_id: string;
  name_zh: string;
  name_en: string;
  status: SearchStatus;
  withheld: boolean;
  latest_version: number;
  latest_kind: string;
  published_at: Date;
  updated_at: Date;
  effective_date: string | null;
  excerpt: string;
  log_index: bigint | null;
}

/**
 * The columns of a hit for the notice_search rows `s` (joined with agency `a`); the log index
 * comes from the latest version's entry, if any.
 */
export const HIT_SELECT = `s.notice_id, s.title, s.number, s.language, s.category, s.agency_id, a.name_zh, a.name_en,
  s.status, s.withheld, s.latest_version, s.latest_kind, s.published_at, s.updated_at, s.effective_date, s.excerpt,
  (SELECT e.index FROM notice_version v JOIN log_entry e ON e.notice_version_id = v.id
    WHERE v.notice_id = s.notice_id AND v.version = s.latest_version) AS log_index`;

export function toHit(row: HitRow, snippet: Snippet | null): SearchHit {
  return {
    id: row.notice_id,
    title: row.title,
    number: row.number,
    language: row.language,
    category: row.category,
    agency: { id: row.agency_id, nameZh: row.name_zh, nameEn: row.name_en },
    status: row.status,
    withheld: row.withheld,
    version: row.latest_version,
    kind: row.latest_kind,
    publishedAt: row.published_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    effectiveDate: row.effective_date,
    logIndex: row.log_index === null ? null : Number(row.log_index),
    snippet,
  };
}

/** Hits for the given notices, in the given order (unknown ids are left out). */
export async function loadHits(tx: Prisma.TransactionClient, noticeIds: readonly string[]): Promise<SearchHit[]> {
  if (noticeIds.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<HitRow[]>(`SELECT ${HIT_SELECT} FROM notice_search s JOIN agency a ON a.id = s.agency_id WHERE s.notice_id = ANY($1::text[])`, [
    ...noticeIds,
  ]);
  const byId = new Map(rows.map((r) => [r.notice_id, toHit(r, null)]));
  return noticeIds.flatMap((id) => byId.get(id) ?? []);
}
