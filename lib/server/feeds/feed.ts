/**
 * The format-neutral shape of a feed, built once from search hits and written out as RSS 2.0,
 * Atom 1.0 or JSON Feed 1.1. Pure: no I/O, so every format can be tested on the same input.
 */
import type { SearchHit } from "@/lib/server/api/contract";
import { categoryLabel } from "@/lib/shared/categories/vocabulary";

export type FeedLocale = "zh-CN" | "en";

export interface FeedItem {
  /** Stable per notice version: a new version is a new item, a re-fetch is not. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** When the notice was first published. */
  published: Date;
  /** When this version appeared. */
  updated: Date;
  author: { name: string; url: string };
  category: string | null;
  /** The notice's own language (not the feed's), when known. */
  language: string | null;
}

export interface Feed {
  title: string;
  description: string;
  /** The feed's own language: that of its title and description. */
  language: FeedLocale;
  /** The HTML page listing the same notices. */
  homePageUrl: string;
  /** This feed's own URL (rel="self"). */
  feedUrl: string;
  updated: Date;
  items: FeedItem[];
}

/** Language tags as the search index stores them; anything else is left out rather than emitted as a bad xml:lang. */
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$/;

/**
 * `origin` is scheme and host without a trailing slash. The item id names the notice version
 * independently of the feed's language, so the zh-CN and en feeds agree on what is new.
 */
export function feedItemFromHit(hit: SearchHit, locale: FeedLocale, origin: string, statusLabel: string): FeedItem {
  const agencyName = locale === "en" ? hit.agency.nameEn : hit.agency.nameZh;
  const id = encodeURIComponent(hit.id);
  // The category in the feed's language (lib/shared/categories/vocabulary.ts), like the agency's name.
  const category = hit.category ? categoryLabel(hit.category, locale) : null;
  const summary = [hit.number, agencyName, category, statusLabel].filter((part) => part).join(" · ");
  return {
    id: `${origin}/n/${id}/v/${hit.version}`,
    // The version's own page: the item describes that version, which a later one does not change.
    url: `${origin}/${locale}/n/${id}/v/${hit.version}`,
    title: hit.title,
    summary: hit.snippet ? `${hit.snippet.text} — ${summary}` : summary,
    published: new Date(hit.publishedAt),
    updated: new Date(hit.updatedAt),
    author: { name: agencyName, url: `${origin}/${locale}/agencies/${encodeURIComponent(hit.agency.id)}` },
    category,
    language: hit.language && LANGUAGE_TAG.test(hit.language) ? hit.language : null,
  };
}
