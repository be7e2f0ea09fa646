import { expect, test } from "@playwright/test";

test("the RSS feed of one agency is titled after it and lists its notices, newest first", async ({ request }) => {
  const response = await request.get("/feeds/notices.rss?agency=hp-finance");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const xml = await response.text();
  expect(xml).toContain("<title>海平市财政局 · 公示 Gongshi</title>");
  const dates = [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => Date.parse(m[1]!));
  expect(dates.length).toBeGreaterThan(0);
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
  expect(xml).toMatch(/<link>http:\/\/127\.0\.0\.1:\d+\/zh-CN\/n\/HP-FIN-/);
});

test("the Atom feed of a search says so, in English when asked", async ({ request }) => {
  const response = await request.get("/feeds/notices.atom?q=budget&locale=en");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await response.text();
  expect(xml).toContain("<title>Search: budget · Gongshi</title>");
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
});

test("the JSON Feed has the 1.1 version and at most the requested number of items", async ({ request }) => {
  const response = await request.get("/feeds/notices.json?pageSize=10");
  expect(response.headers()["content-type"]).toBe("application/feed+json; charset=utf-8");
  const body = await response.json();
  expect(body.version).toBe("https://jsonfeed.org/version/1.1");
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items.length).toBeLessThanOrEqual(10);
  expect(body.items[0].id).toMatch(/\/n\/[^/]+\/v\/\d+$/);
});

test("the CSV export is UTF-8 with a BOM, a header row and one row per match", async ({ request }) => {
  const [csv, api] = await Promise.all([request.get("/api/v1/notices.csv?agency=hp-finance"), request.get("/api/v1/notices?agency=hp-finance")]);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="gongshi-notices-hp-finance-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  expect(text.startsWith("id,number,title,agency_id,agency,")).toBe(true);
  const { total } = await api.json();
  expect(csv.headers()["x-total-count"]).toBe(String(total));
  // Rows start with a notice id; quoted cells may hold line breaks, so count ids, not lines.
  expect(text.match(/\r\nHP-FIN-/g)?.length).toBe(total);
});

test("sitemap.xml indexes files that list pages and notices in both languages", async ({ request }) => {
  const index = await request.get("/sitemap.xml");
  expect(index.status()).toBe(200);
  expect(index.headers()["content-type"]).toContain("application/xml");
  const files = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(files).toContain("/sitemaps/pages.xml");
  expect(files).toContain("/sitemaps/notices-0.xml");
  const pages = await (await request.get("/sitemaps/pages.xml")).text();
  expect(pages).toMatch(/<loc>http:\/\/[^<]+\/en\/agencies\/hp-finance<\/loc>/);
  const notices = await (await request.get("/sitemaps/notices-0.xml")).text();
  expect(notices).toMatch(/<loc>[^<]+\/zh-CN\/n\/HP-FIN-2026-002<\/loc>/);
  expect(notices).toContain('hreflang="en"');
  expect((await request.get("/sitemaps/notices-99.xml")).status()).toBe(404);
});

test("robots.txt keeps crawlers out of the API but not the pages, and names the sitemap", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toContain("Disallow: /api/");
  expect(text).toContain("Allow: /api/v1/openapi.json");
  expect(text).toMatch(/Sitemap: http:\/\/[^/\s]+\/sitemap\.xml/);
});

/** Malformed or absurd input: a 400 in the API's error form from every feed and export. */
const BAD = ["status=bogus", "page=-1", `q=${"a".repeat(10_240)}`, "from=2026-13-45", "locale=xx", "to=2026-01-01&from=2026-02-01", "agency=%3Cx%3E"];
for (const path of ["/feeds/notices.rss", "/feeds/notices.atom", "/feeds/notices.json", "/api/v1/notices.csv"]) {
  for (const query of BAD) {
    test(`${path}?${query.slice(0, 40)} answers 400 with a JSON error`, async ({ request }) => {
      const response = await request.get(`${path}?${query}`);
      expect(response.status()).toBe(400);
      expect(response.headers()["content-type"]).toContain("application/json");
      const body = await response.json();
      expect(body.error.code).toBe("bad-request");
      expect(body.error.problems.length).toBeGreaterThan(0);
    });
  }
}
