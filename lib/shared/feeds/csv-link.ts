/**
 * The CSV export URL of exactly what a page lists (docs/feeds-and-api.md, "CSV export"). Pure.
 * Page and page size are dropped: the export has every matching row.
 */
import type { FeedLocale } from "../../server/feeds/feed";
import { DEFAULT_PAGE_SIZE, toSearchParams, type SearchParams } from "@/lib/shared/search/search-params";

export function csvUrl(params: SearchParams, locale: FeedLocale): string {
  const query = toSearchParams({ ...params, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  query.set("locale", locale);
  return `/api/v1/notices.csv?${query.toString()}`;
}

/** An agency's proof bundles: its first file of committed versions in log order (`next` continues). */
export function agencyBundleUrl(agencyId: string): string {
  return `/api/v1/agencies/${encodeURIComponent(agencyId)}/bundle`;
}
