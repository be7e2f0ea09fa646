import "server-only";
/**
 * Notice search and listing over notice_search (docs/search.md). Two statements besides the
 * exact lookups: one page of hits, and one that counts the total and every facet.
 *
 * Facets are disjunctive: each facet is counted under the query, the date range and every
 * *other* facet's filter, so choosing one agency still shows how many the other agencies
 * have. The matching rows are computed once (a MATERIALIZED CTE, using the GIN and date
 * indexes) and the facets group that in memory, so a search costs one index scan however many
 * facets there are.
 *
 * All user input reaches SQL as positional parameters; only fixed SQL fragments are joined.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { categorySlugOf } from "@/lib/shared/categories/vocabulary";
import { categoryFilter } from "./category-filter";
import { cachedCounts, type CountRow } from "./count-cache";
import { findExactMatches } from "./find-exact-matches";
import { findNoticeIds } from "./find-notice-ids";
import { HIT_SELECT, toHit, type HitRow } from "./search-hit";
import type { SearchParams } from "../../shared/search/search-params";
import { makeSnippet } from "./snippet";
import { parseQuery } from "./tokenize";
import type { FacetCount, SearchHit, SearchResult } from "@/lib/server/api/contract";

/**
 * Rank by the head only (title and number A, category and agency B; PostgreSQL lists weights
 * D, C, B, A): the full document decides what matches, but reading every match's whole body
 * to rank it cost seconds for a common word at 100,000 notices. Body-only matches rank 0 and
 * fall back to newest first. Normalization 1 divides by 1 + log(head length).
 */
const RANK = `ts_rank_cd('{0.05, 0.2, 0.4, 1.0}'::float4[], s.head, $1::tsquery, 1)`;

type Dimension = "agency" | "category" | "status" | "language";

/**
 * One page of hits in the requested order, without totals, facets or exact matches: what a
 * feed or a later page of an export needs, so they do not recount every match per page.
 */
export async function findHits(prisma: PrismaClient, params: SearchParams, named?: readonly string[]): Promise<SearchHit[]> {
  const { tsquery, terms } = parseQuery(params.q);
  const ids = named ?? (params.q ? await findNoticeIds(prisma, params.q) : []);
  const order =
    params.sort === "relevance" && tsquery !== null
      ? "rank DESC, s.updated_at DESC, s.notice_id"
      : params.sort === "oldest"
        ? "s.updated_at ASC, s.notice_id ASC"
        : "s.updated_at DESC, s.notice_id DESC";
  const sql = filters(params, tsquery, ids);
  const limit = sql.arg(params.pageSize);
  const offset = sql.arg((params.page - 1) * params.pageSize);
  const rows = await prisma.$queryRawUnsafe<(HitRow & { rank: number })[]>(
    `SELECT ${HIT_SELECT}, page.rank FROM (
       SELECT s.notice_id, ${rank(tsquery, sql.named)} AS rank FROM notice_search s
       ${where([...sql.base, ...sql.others(null)])}
       ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}
     ) page JOIN notice_search s ON s.notice_id = page.notice_id JOIN agency a ON a.id = s.agency_id
     ORDER BY ${order.replace(/^rank/, "page.rank")}`,
    ...sql.args,
  );
  return rows.map((row) => toHit(row, terms.length ? makeSnippet(row.excerpt, terms) : null));
}

export async function searchNotices(prisma: PrismaClient, params: SearchParams): Promise<SearchResult> {
  const { tsquery } = parseQuery(params.q);
  const named = params.q ? await findNoticeIds(prisma, params.q) : [];
  const hits = await findHits(prisma, params, named);

  const countSql = filters(params, tsquery, named);
  const { others } = countSql;
  const countQuery = `WITH m AS MATERIALIZED (SELECT agency_id, category, status, withheld, language FROM notice_search s ${where(countSql.base)})
     SELECT 'total' AS facet, NULL AS value, count(*) AS count FROM m ${where(others(null))}
     UNION ALL SELECT 'agency', agency_id, count(*) FROM m ${where(others("agency"))} GROUP BY agency_id
     UNION ALL SELECT 'category', category, count(*) FROM m ${where(others("category"))} GROUP BY category
     UNION ALL SELECT 'language', language, count(*) FROM m ${where(others("language"))} GROUP BY language
     UNION ALL SELECT 'status', status, count(*) FROM m ${where(others("status"))} GROUP BY status
     UNION ALL SELECT 'status', 'withheld', count(*) FROM m ${where([...others("status"), "withheld"])}`;
  // Every page of a listing has the same counts; they are kept until the content changes (count-cache.ts).
  const counts = await cachedCounts(prisma, countQuery, countSql.args, () => prisma.$queryRawUnsafe<CountRow[]>(countQuery, ...countSql.args));

  const total = Number(counts.find((c) => c.facet === "total")?.count ?? 0);
  return {
    total,
    page: params.page,
    pageSize: params.pageSize,
    pageCount: Math.ceil(total / params.pageSize),
    hits,
    facets: await facets(prisma, counts, params),
    exact: params.q ? await findExactMatches(prisma, params.q, named) : [],
  };
}

/**
 * The WHERE conditions of a search with their positional arguments. `base` (text and dates)
 * selects the candidate rows; each facet dimension filters them further. The tsquery, when
 * present, is always $1 (RANK refers to it). Column names are unqualified so the same
 * conditions serve the table and the CTE. Notices the query names by id (find-notice-ids.ts)
 * match too: PostgreSQL ORs the GIN index with the primary key's.
 */
function filters(params: SearchParams, tsquery: string | null, ids: readonly string[]) {
  const args: unknown[] = [];
  const arg = (value: unknown): string => `$${args.push(value)}`;
  const base: string[] = [];
  const text = tsquery !== null ? `document @@ ${arg(tsquery)}::tsquery` : null;
  const named = ids.length > 0 ? `notice_id = ANY(${arg([...ids])}::text[])` : null;
  // A query of only punctuation or stop words searches for nothing rather than listing all.
  if (text !== null && named !== null) base.push(`(${text} OR ${named})`);
  else if (text !== null || named !== null) base.push((text ?? named)!);
  else if (params.q !== "") base.push("false");
  if (params.from) base.push(`updated_at >= ${arg(chinaMidnight(params.from, 0))}`);
  if (params.to) base.push(`updated_at < ${arg(chinaMidnight(params.to, 1))}`);
  const dimension: Record<Dimension, string | null> = {
    agency: params.agency.length ? `agency_id = ANY(${arg(params.agency)}::text[])` : null,
    category: params.category.length ? categoryFilter(params.category, arg) : null,
    language: params.language.length ? `language = ANY(${arg(params.language)}::text[])` : null,
    status: params.status.length ? `(status = ANY(${arg(params.status)}::text[]) OR (${arg(params.status.includes("withheld"))}::boolean AND withheld))` : null,
  };
  const others = (omit: Dimension | null): (string | null)[] => (Object.keys(dimension) as Dimension[]).filter((d) => d !== omit).map((d) => dimension[d]);
  return { args, arg, base, others, named };
}

/**
 * Every condition of a search on notice_search (unqualified columns) and its positional
 * arguments; more arguments may be appended after them. Email alerts select with it, so an alert
 * finds exactly what its search page finds.
 */
export function searchConditions(params: SearchParams, tsquery: string | null, ids: readonly string[]): { args: unknown[]; conditions: string[] } {
  const { args, base, others } = filters(params, tsquery, ids);
  return { args, conditions: [...base, ...others(null)].filter((c): c is string => c !== null) };
}

/** A notice named by its id ranks first; the rest by RANK (0 without a text query). */
function rank(tsquery: string | null, named: string | null): string {
  const text = tsquery !== null ? RANK : "0";
  return named !== null ? `CASE WHEN s.${named} THEN 'Infinity'::float4 ELSE ${text} END` : text;
}

function where(conditions: readonly (string | null)[]): string {
  const present = conditions.filter((c): c is string => c !== null);
  return present.length ? `WHERE ${present.join(" AND ")}` : "";
}

async function facets(prisma: PrismaClient, counts: CountRow[], params: SearchParams): Promise<SearchResult["facets"]> {
  // A chosen value stays listed (with 0) so a page can still offer to un-choose it.
  const of = (facet: string, chosen: readonly string[]): FacetCount[] => {
    const listed = counts.filter((c) => c.facet === facet && c.value !== null && c.count > 0n).map((c) => ({ value: c.value!, count: Number(c.count) }));
    for (const value of chosen) if (!listed.some((f) => f.value === value)) listed.push({ value, count: 0 });
    return listed.sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1));
  };
  const agencyCounts = of("agency", params.agency);
  const agencies = new Map(
    (await prisma.agency.findMany({ where: { id: { in: agencyCounts.map((f) => f.value) } }, select: { id: true, nameZh: true, nameEn: true } })).map((a) => [a.id, a]),
  );
  return {
    agency: agencyCounts.flatMap((f) => {
      const agency = agencies.get(f.value);
      return agency ? [{ ...agency, count: f.count }] : [];
    }),
    category: categoryFacet(of("category", []), params.category),
    status: of("status", params.status) as SearchResult["facets"]["status"],
    language: of("language", params.language),
  };
}

/**
 * The stored categories' counts folded into the vocabulary's slugs (each notice has one stored
 * value, so the sums count notices), chosen slugs kept with 0, largest first.
 */
function categoryFacet(stored: FacetCount[], chosen: readonly string[]): FacetCount[] {
  const bySlug = new Map<string, number>();
  for (const f of stored) if (f.value.trim() !== "") bySlug.set(categorySlugOf(f.value), (bySlug.get(categorySlugOf(f.value)) ?? 0) + f.count);
  for (const slug of chosen) if (!bySlug.has(slug)) bySlug.set(slug, 0);
  return [...bySlug].map(([value, count]) => ({ value, count })).sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1));
}

/** The instant a China-time (UTC+8, no daylight saving) day starts, `days` after `date`. */
function chinaMidnight(date: string, days: number): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + days * 86_400_000);
}
