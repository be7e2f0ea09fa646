/** Feeds, their titles and the CSV export name a category in the feed's language, like the agency. */
import { describe, expect, it } from "vitest";
import { feedItemFromHit } from "@/lib/server/feeds/feed";
import { feedTitle } from "@/lib/shared/feeds/feed-title";
import { hitCsvRow } from "@/lib/server/feeds/csv";
import { DEFAULT_SEARCH_PARAMS } from "@/lib/shared/search/search-params";
import type { SearchHit } from "@/lib/server/api/contract";

const hit = (category: string | null): SearchHit => ({
  id: "HP-2026-001",
  title: "关于规划的公示",
  number: "海规〔2026〕17号",
  language: "zh-CN",
  category,
  agency: { id: "hp-planning", nameZh: "海平市规划局", nameEn: "Haiping Planning Bureau" },
  status: "in-force",
  withheld: false,
  version: 1,
  kind: "publish",
  publishedAt: "2026-03-01T02:00:00.000Z",
  updatedAt: "2026-03-01T02:00:00.000Z",
  effectiveDate: null,
  logIndex: 4,
  snippet: null,
});

describe("categories in feeds and exports", () => {
  it("an item's category is its label in the feed's language, whatever spelling the notice committed", () => {
    for (const stored of ["城乡规划", "planning", "Land use and planning"]) {
      expect(feedItemFromHit(hit(stored), "en", "https://gs.example", "In force").category, stored).toBe("Urban and rural planning");
      expect(feedItemFromHit(hit(stored), "zh-CN", "https://gs.example", "有效").category, stored).toBe("城乡规划");
    }
    expect(feedItemFromHit(hit("planning"), "en", "https://gs.example", "In force").summary).toContain("Urban and rural planning");
    expect(feedItemFromHit(hit("交通管制"), "en", "https://gs.example", "In force").category).toBe("交通管制");
    expect(feedItemFromHit(hit(null), "en", "https://gs.example", "In force").category).toBeNull();
  });

  it("a feed filtered by category is titled with the label in its language", () => {
    const params = { ...DEFAULT_SEARCH_PARAMS, category: ["budget", "eia"] };
    expect(feedTitle(params, "en", new Map()).title).toContain("Budgets and final accounts, Environmental impact assessment");
    expect(feedTitle(params, "zh-CN", new Map()).title).toContain("预决算公开、环境影响评价");
  });

  it("the CSV's category column is in the export's language", () => {
    expect(hitCsvRow(hit("budget"), "en", "https://gs.example")).toContain(",Budgets and final accounts,");
    expect(hitCsvRow(hit("Budget disclosure"), "zh-CN", "https://gs.example")).toContain(",预决算公开,");
  });
});
