import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { buildSitemapIndex, buildUrlset, localizedEntries, MAX_SITEMAP_URLS } from "@/lib/server/feeds/sitemap-xml";

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml);

describe("sitemap XML", () => {
  it("lists each language's URL once, each naming every language version", () => {
    const xml = buildUrlset(localizedEntries("https://gs.example", ["zh-CN", "en"], "/n/A&B", new Date("2026-01-02T00:00:00Z")));
    const urls = parse(xml).urlset.url;
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual(["https://gs.example/zh-CN/n/A&B", "https://gs.example/en/n/A&B"]);
    expect(urls[1]["xhtml:link"].map((l: Record<string, string>) => l["@hreflang"])).toEqual(["zh-CN", "en"]);
    expect(urls[0].lastmod).toBe("2026-01-02T00:00:00.000Z");
  });
  it("refuses more URLs than the protocol allows in one file", () => {
    const entries = Array.from({ length: MAX_SITEMAP_URLS + 1 }, (_, i) => ({ url: `https://gs.example/${i}` }));
    expect(() => buildUrlset(entries)).toThrow(RangeError);
  });
  it("an index lists its files", () => {
    expect(parse(buildSitemapIndex(["https://gs.example/sitemaps/pages.xml"])).sitemapindex.sitemap.loc).toBe("https://gs.example/sitemaps/pages.xml");
  });
});
