/**
 * Search over the category vocabulary on a real database: notices that committed one category
 * under different spellings (an old Chinese free string, an old English one, the slug) are one
 * facet value, one filter and one label to search by; a value the vocabulary does not know is
 * under "other"; the home page's list counts the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { searchNotices } from "@/lib/server/search/search-notices";
import { parseSearchParams } from "@/lib/shared/search/search-params";
import { listCategories } from "@/lib/server/search/list-categories";
import { setUp } from "../log-service/fixtures";

let prisma: PrismaClient;
let tearDown: () => Promise<void>;

const day = (d: number) => new Date(Date.UTC(2026, 0, d, 4));
async function publish(id: string, d: number, category: string, language = "zh-CN"): Promise<void> {
  await recordNoticeVersion(prisma, {
    noticeId: id,
    agencyId: "hp-planning",
    kind: "publish",
    createdAt: day(d),
    fields: { title: `公示 ${id}`, category, language, effectiveDate: "2026-01-01", body: "正文" },
  });
}
const search = (query: string) => searchNotices(prisma, parseSearchParams(new URLSearchParams(query)).params);
const ids = async (query: string) => (await search(query)).hits.map((h) => h.id);

beforeAll(async () => {
  ({ prisma, tearDown } = await setUp());
  await publish("OLD-ZH", 1, "城乡规划");
  await publish("OLD-EN", 2, "Land use and planning", "en");
  await publish("NEW", 3, "planning");
  await publish("BUDGET", 4, "Budget disclosure", "en");
  await publish("ODD", 5, "交通管制");
  await publish("OTHER", 6, "other");
});
afterAll(async () => tearDown());

describe("categories in search", () => {
  it("count every spelling of an entry under its slug, and unknown values under other", async () => {
    expect((await search("")).facets.category).toEqual([
      { value: "planning", count: 3 },
      { value: "other", count: 2 },
      { value: "budget", count: 1 },
    ]);
    expect(await listCategories(prisma)).toEqual([
      { value: "planning", count: 3 },
      { value: "other", count: 2 },
      { value: "budget", count: 1 },
    ]);
  });

  it("find a notice by its category's label in the notice's language, whatever spelling it committed", async () => {
    // NEW committed the slug "planning", OLD-ZH the label itself, OLD-EN an older English name.
    expect((await ids("q=城乡规划")).sort()).toEqual(["NEW", "OLD-ZH"]);
    expect(await ids("q=urban+rural")).toEqual(["OLD-EN"]);
    expect(await ids("q=交通管制")).toEqual(["ODD"]);
  });

  it("filter by slug, or by an old label in either language, finding every spelling", async () => {
    for (const query of ["category=planning", "category=城乡规划", "category=Urban+and+rural+planning", "category=Land+use+and+planning"]) {
      expect(await ids(`${query}&sort=oldest`), query).toEqual(["OLD-ZH", "OLD-EN", "NEW"]);
    }
    expect(await ids("category=other&sort=oldest")).toEqual(["ODD", "OTHER"]);
    expect(await ids("category=budget&category=other&sort=oldest")).toEqual(["BUDGET", "ODD", "OTHER"]);
    // The category facet ignores its own filter (disjunctive), the others apply it.
    const filtered = await search("category=budget&language=en");
    expect(filtered.facets.category).toEqual([
      { value: "budget", count: 1 },
      { value: "planning", count: 1 },
    ]);
    expect(filtered.facets.language).toEqual([{ value: "en", count: 1 }]);
  });
});
