import "server-only";
/** One feed: the newest notices matching a search, as the format-neutral Feed. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { agencyNames } from "@/lib/server/agencies/agency-names";
import { findHits } from "@/lib/server/search/search-notices";
import { toSearchParams, type SearchParams } from "@/lib/shared/search/search-params";
import { feedItemFromHit, type Feed, type FeedLocale } from "./feed";
import { feedTitle, feedTranslator } from "../../shared/feeds/feed-title";

/** `params` as parseFeedQuery returns them (newest first, page 1); `selfUrl` is the feed's absolute URL. */
export async function loadFeed(prisma: PrismaClient, params: SearchParams, locale: FeedLocale, origin: string, selfUrl: string): Promise<Feed> {
  const [agencies, hits] = await Promise.all([agencyNames(prisma, params.agency), findHits(prisma, params)]);
  const names = new Map([...agencies].map(([id, a]) => [id, locale === "en" ? a.nameEn : a.nameZh]));
  const t = feedTranslator(locale);
  const { title, description } = feedTitle(params, locale, names);
  const listQuery = toSearchParams({ ...params, pageSize: 20 }).toString();
  const items = hits.map((hit) => feedItemFromHit(hit, locale, origin, t(`statusNames.${hit.withheld ? "withheld" : hit.status}`)));
  return {
    title,
    description,
    language: locale,
    homePageUrl: `${origin}/${locale}/notices${listQuery ? `?${listQuery}` : ""}`,
    feedUrl: selfUrl,
    // The newest item's time, so an unchanged feed reads the same on every poll.
    updated: items.reduce((latest, item) => (item.updated > latest ? item.updated : latest), new Date(0)),
    items,
  };
}
