import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { SaxesParser } from "saxes";
import { buildAtom } from "@/lib/server/feeds/atom";
import { buildJsonFeed } from "@/lib/server/feeds/json-feed";
import { buildRss } from "@/lib/server/feeds/rss";
import { cleanText, xmlAttr, xmlText } from "@/lib/server/feeds/text";
import { feedItemFromHit, type Feed } from "@/lib/server/feeds/feed";
import type { SearchHit } from "@/lib/server/api/contract";

/**
 * A strict XML 1.0 parser: throws on anything not well-formed, including invalid characters.
 * Returns the document's text and the root's attributes as the parser decoded them.
 */
function wellFormed(xml: string): { text: string; rootAttributes: Record<string, string> } {
  const parser = new SaxesParser({ xmlns: true });
  let text = "";
  let rootAttributes: Record<string, string> | undefined;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("text", (t) => (text += t));
  parser.on("opentag", (tag) => {
    rootAttributes ??= Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
  });
  parser.write(xml).close();
  return { text, rootAttributes: rootAttributes ?? {} };
}

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, trimValues: false }).parse(xml);

// The nastiest title we can think of: markup, entities, a CDATA end, control characters,
// a lone high and a lone low surrogate, a noncharacter, and a legitimate astral character.
const NASTY = "A <b>&amp; \"q\" 's' ]]> \u0000\u0001\u0008\u000B\u000C\u001F\uD800x\uDC00\uFFFE\uFFFF 𠀋 土地";
const NASTY_CLEAN = "A <b>&amp; \"q\" 's' ]]> x 𠀋 土地";

function hit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    id: "HP-2026-001",
    title: NASTY,
    number: "海规〔2026〕17号",
    language: "zh-CN",
    category: "规划 & <建设>",
    agency: { id: "planning", nameZh: "海平市规划局", nameEn: "Haiping Planning Bureau" },
    status: "amended",
    withheld: false,
    version: 3,
    kind: "amend",
    publishedAt: "2026-03-01T02:00:00.000Z",
    updatedAt: "2026-04-02T03:04:05.000Z",
    effectiveDate: null,
    logIndex: 41,
    snippet: null,
    ...overrides,
  };
}

function feed(items = [feedItemFromHit(hit(), "en", "https://gs.example", "Amended")]): Feed {
  return {
    title: `Search: ${NASTY} · Gongshi`,
    description: "d & <e>",
    language: "en",
    homePageUrl: "https://gs.example/en/notices?q=a&agency=b",
    feedUrl: "https://gs.example/feeds/notices.rss?q=a&agency=b&locale=en",
    updated: new Date("2026-04-02T03:04:05.000Z"),
    items,
  };
}

describe("XML text", () => {
  it("drops characters XML 1.0 forbids and lone surrogates, keeps tab, newline and astral characters", () => {
    expect(cleanText(NASTY)).toBe(NASTY_CLEAN);
    expect(cleanText("a\tb\nc\rd")).toBe("a\tb\nc\rd");
  });
  it("escapes markup so that ]]> cannot appear", () => {
    expect(xmlText("<a> & ]]>")).toBe("&lt;a&gt; &amp; ]]&gt;");
    expect(xmlAttr('"x"\n')).toBe("&quot;x&quot;&#10;");
  });
  it("every escaped string parses back to its cleaned self", () => {
    for (const s of [NASTY, "]]>]]>", "&lt;", "\t\n", "a\rb"]) {
      const doc = `<r a="${xmlAttr(s)}">${xmlText(s)}</r>`;
      const { text, rootAttributes } = wellFormed(doc);
      expect(text).toBe(cleanText(s));
      expect(rootAttributes.a).toBe(cleanText(s));
    }
  });
});

describe("feed item from a search hit", () => {
  it("links the feed-language permalink, identifies the version, credits the agency in the feed's language", () => {
    const item = feedItemFromHit(hit(), "zh-CN", "https://gs.example", "已修订");
    expect(item.url).toBe("https://gs.example/zh-CN/n/HP-2026-001/v/3");
    expect(item.id).toBe("https://gs.example/n/HP-2026-001/v/3");
    expect(item.author.name).toBe("海平市规划局");
    expect(item.summary).toContain("已修订");
    expect(feedItemFromHit(hit(), "en", "https://gs.example", "Amended").id).toBe(item.id);
    expect(feedItemFromHit(hit({ version: 4 }), "en", "https://gs.example", "Amended").id).not.toBe(item.id);
  });
  it("leaves out a language that is not a language tag", () => {
    expect(feedItemFromHit(hit({ language: 'x"><evil' }), "en", "https://gs.example", "").language).toBeNull();
  });
});

describe("RSS 2.0", () => {
  it("is well-formed and reads back what was put in", () => {
    const xml = buildRss(feed());
    wellFormed(xml);
    const channel = parse(xml).rss.channel;
    expect(parse(xml).rss["@version"]).toBe("2.0");
    expect(channel.title).toBe(`Search: ${NASTY_CLEAN} · Gongshi`);
    expect(channel["atom:link"]["@href"]).toBe("https://gs.example/feeds/notices.rss?q=a&agency=b&locale=en");
    expect(channel.language).toBe("en");
    const item = channel.item;
    expect(item.title).toBe(NASTY_CLEAN);
    expect(item.guid["#text"]).toBe("https://gs.example/n/HP-2026-001/v/3");
    expect(item.guid["@isPermaLink"]).toBe("false");
    expect(item.category).toBe("规划 & <建设>");
    expect(item["dc:creator"]).toBe("Haiping Planning Bureau");
    expect(item["dc:language"]).toBe("zh-CN");
    expect(item.pubDate).toBe("Thu, 02 Apr 2026 03:04:05 GMT");
  });
  it("an empty feed is still valid", () => {
    const xml = buildRss(feed([]));
    expect(wellFormed(xml).rootAttributes.version).toBe("2.0");
    expect(xml).not.toContain("<item>");
  });
});

describe("Atom 1.0", () => {
  it("is well-formed, carries the notice language as xml:lang, and reads back", () => {
    const xml = buildAtom(feed());
    wellFormed(xml);
    const root = parse(xml).feed;
    expect(root["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(root["@xml:lang"]).toBe("en");
    expect(root.updated).toBe("2026-04-02T03:04:05.000Z");
    const entry = root.entry;
    expect(entry["@xml:lang"]).toBe("zh-CN");
    expect(entry.title).toBe(NASTY_CLEAN);
    expect(entry.id).toBe("https://gs.example/n/HP-2026-001/v/3");
    expect(entry.published).toBe("2026-03-01T02:00:00.000Z");
    expect(entry.author.name).toBe("Haiping Planning Bureau");
    expect(entry.category["@term"]).toBe("规划 & <建设>");
    expect(entry.link["@href"]).toBe("https://gs.example/en/n/HP-2026-001/v/3");
  });
});

describe("JSON Feed 1.1", () => {
  it("is JSON with the 1.1 version URL and cleaned text", () => {
    const body = JSON.parse(buildJsonFeed(feed()));
    expect(body.version).toBe("https://jsonfeed.org/version/1.1");
    expect(body.feed_url).toBe("https://gs.example/feeds/notices.rss?q=a&agency=b&locale=en");
    expect(body.items[0].title).toBe(NASTY_CLEAN);
    expect(body.items[0].id).toBe("https://gs.example/n/HP-2026-001/v/3");
    expect(body.items[0].authors[0].name).toBe("Haiping Planning Bureau");
    expect(body.items[0].language).toBe("zh-CN");
    expect(body.items[0].tags).toEqual(["规划 & <建设>"]);
    expect(body.items[0].date_modified).toBe("2026-04-02T03:04:05.000Z");
  });
});
