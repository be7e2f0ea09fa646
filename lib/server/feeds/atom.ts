/** Atom 1.0 (RFC 4287). Each entry carries the notice's own language as xml:lang (§2). */
import type { Feed, FeedItem } from "./feed";
import { xmlAttr, xmlText } from "./text";

export function buildAtom(feed: Feed): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlAttr(feed.language)}">`,
    `<id>${xmlText(feed.feedUrl)}</id>`,
    `<title>${xmlText(feed.title)}</title>`,
    `<subtitle>${xmlText(feed.description)}</subtitle>`,
    `<updated>${feed.updated.toISOString()}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xmlAttr(feed.feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlAttr(feed.homePageUrl)}"/>`,
    // §4.1.1: a feed needs an author unless every entry has one; every entry does.
    ...feed.items.map(entry),
    `</feed>`,
    ``,
  ].join("\n");
}

function entry(item: FeedItem): string {
  const lang = item.language ? ` xml:lang="${xmlAttr(item.language)}"` : "";
  return [
    `<entry${lang}>`,
    `<id>${xmlText(item.id)}</id>`,
    `<title>${xmlText(item.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${xmlAttr(item.url)}"/>`,
    `<published>${item.published.toISOString()}</published>`,
    `<updated>${item.updated.toISOString()}</updated>`,
    `<author><name>${xmlText(item.author.name)}</name><uri>${xmlText(item.author.url)}</uri></author>`,
    item.category ? `<category term="${xmlAttr(item.category)}"/>` : "",
    `<summary>${xmlText(item.summary)}</summary>`,
    `</entry>`,
  ]
    .filter((line) => line)
    .join("\n");
}
