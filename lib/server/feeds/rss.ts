/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification). RSS has no per-item language or
 * author-name element, so Dublin Core supplies them (dc:language, dc:creator: RSS's own
 * <author> must be an e-mail address); atom:link rel="self" is what validators ask for.
 */
import type { Feed, FeedItem } from "./feed";
import { xmlAttr, xmlText } from "./text";

/** RFC 822 dates, as RSS 2.0 requires (toUTCString gives "Tue, 24 Nov 2026 08:00:00 GMT"). */
const rfc822 = (date: Date) => date.toUTCString();

export function buildRss(feed: Feed): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `<channel>`,
    `<title>${xmlText(feed.title)}</title>`,
    `<link>${xmlText(feed.homePageUrl)}</link>`,
    `<description>${xmlText(feed.description)}</description>`,
    `<language>${xmlText(feed.language)}</language>`,
    `<lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>`,
    `<atom:link href="${xmlAttr(feed.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ...feed.items.map(item),
    `</channel>`,
    `</rss>`,
    ``,
  ].join("\n");
}

function item(entry: FeedItem): string {
  return [
    `<item>`,
    `<title>${xmlText(entry.title)}</title>`,
    `<link>${xmlText(entry.url)}</link>`,
    `<guid isPermaLink="false">${xmlText(entry.id)}</guid>`,
    `<pubDate>${rfc822(entry.updated)}</pubDate>`,
    `<description>${xmlText(entry.summary)}</description>`,
    `<dc:creator>${xmlText(entry.author.name)}</dc:creator>`,
    entry.category ? `<category>${xmlText(entry.category)}</category>` : "",
    entry.language ? `<dc:language>${xmlText(entry.language)}</dc:language>` : "",
    `</item>`,
  ]
    .filter((line) => line)
    .join("\n");
}
