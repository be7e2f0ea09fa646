/**
 * Sitemaps (https://www.sitemaps.org/protocol.html) with hreflang alternates
 * (xhtml:link rel="alternate", as search engines read them). Pure.
 */
import { xmlAttr, xmlText } from "./text";

/** The protocol's limit per sitemap file; larger sets are split and listed by an index. */
export const MAX_SITEMAP_URLS = 50_000;

export interface SitemapEntry {
  url: string;
  lastModified?: Date;
  /** Every language version of this page, this one included: hreflang → absolute URL. */
  languages?: Record<string, string>;
}

export function buildUrlset(entries: readonly SitemapEntry[]): string {
  if (entries.length > MAX_SITEMAP_URLS) throw new RangeError(`a sitemap holds at most ${MAX_SITEMAP_URLS} URLs`);
  const urls = entries.map((entry) =>
    [
      "<url>",
      `<loc>${xmlText(entry.url)}</loc>`,
      entry.lastModified ? `<lastmod>${entry.lastModified.toISOString()}</lastmod>` : "",
      ...Object.entries(entry.languages ?? {}).map(([lang, href]) => `<xhtml:link rel="alternate" hreflang="${xmlAttr(lang)}" href="${xmlAttr(href)}"/>`),
      "</url>",
    ].join(""),
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`,
    ...urls,
    `</urlset>`,
    ``,
  ].join("\n");
}

export function buildSitemapIndex(locations: readonly string[]): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...locations.map((loc) => `<sitemap><loc>${xmlText(loc)}</loc></sitemap>`),
    `</sitemapindex>`,
    ``,
  ].join("\n");
}

/** One entry per language of a page (each URL listed once, naming all its siblings). */
export function localizedEntries(origin: string, locales: readonly string[], path: string, lastModified?: Date): SitemapEntry[] {
  const languages = Object.fromEntries(locales.map((locale) => [locale, `${origin}/${locale}${path}`]));
  return locales.map((locale) => ({ url: languages[locale]!, lastModified, languages }));
}
