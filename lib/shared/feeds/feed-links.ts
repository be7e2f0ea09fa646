/**
 * Feed URLs for a set of search filters, so that a page listing notices can advertise the
 * feeds of exactly what it lists (<link rel="alternate" type="application/rss+xml">).
 * Pure. Only the filters carry over: a feed is always the newest first, one page.
 */
import type { SearchParams } from "@/lib/shared/search/search-params";
import { toSearchParams } from "@/lib/shared/search/search-params";
import type { FeedLocale } from "../../server/feeds/feed";
import { feedTitle, feedTranslator } from "./feed-title";

export const FEED_FORMATS = {
  rss: { path: "/feeds/notices.rss", type: "application/rss+xml" },
  atom: { path: "/feeds/notices.atom", type: "application/atom+xml" },
  json: { path: "/feeds/notices.json", type: "application/feed+json" },
} as const;

export type FeedFormat = keyof typeof FEED_FORMATS;

/** The query string of the feed for these filters (sort, page and page size dropped). */
export function feedQuery(params: SearchParams, locale: FeedLocale): string {
  const query = toSearchParams({ ...params, sort: params.q ? "relevance" : "newest", page: 1, pageSize: 20 });
  query.set("locale", locale);
  return query.toString();
}

export function feedUrl(format: FeedFormat, params: SearchParams, locale: FeedLocale): string {
  return `${FEED_FORMATS[format].path}?${feedQuery(params, locale)}`;
}

/**
 * For Next's generateMetadata: `alternates: { types: feedAlternates(params, locale, names) }`.
 * Relative URLs; Next makes them absolute against metadataBase when one is set.
 */
export function feedAlternates(params: SearchParams, locale: FeedLocale, agencyNames: ReadonlyMap<string, string> = new Map()): Record<string, { url: string; title: string }[]> {
  const t = feedTranslator(locale);
  const { title } = feedTitle(params, locale, agencyNames);
  return Object.fromEntries(
    (Object.keys(FEED_FORMATS) as FeedFormat[]).map((format) => [FEED_FORMATS[format].type, [{ url: feedUrl(format, params, locale), title: t(`formats.${format}`, { title }) }]]),
  );
}
