/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
import type { Feed } from "./feed";
import { cleanText } from "./text";

// Same cleaning as the XML formats: one feed, the same text whatever the format.
const clean = (value: string) => cleanText(value);

export function buildJsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: clean(feed.title),
    description: clean(feed.description),
    home_page_url: feed.homePageUrl,
    feed_url: feed.feedUrl,
    language: feed.language,
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: clean(item.title),
      content_text: clean(item.summary),
      summary: clean(item.summary),
      date_published: item.published.toISOString(),
      date_modified: item.updated.toISOString(),
      authors: [{ name: clean(item.author.name), url: item.author.url }],
      ...(item.category ? { tags: [clean(item.category)] } : {}),
      ...(item.language ? { language: item.language } : {}),
    })),
  });
}
