/**
 * Search against a real PostgreSQL for what visitors paste besides words: a notice's id (any
 * case, or a prefix naming one notice) and an attachment's file name; and snippets that show
 * a Markdown body as text, never its syntax.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { searchNotices } from "@/lib/server/search/search-notices";
import { parseSearchParams } from "@/lib/shared/search/search-params";
import { reindexNotice } from "@/lib/server/search/index-notice";
import { checkSearchIndex } from "@/lib/server/search/audit-search-index";
import { setUp } from "../log-service/fixtures";

let prisma: PrismaClient;
let tearDown: () => Promise<void>;

const search = (query: string) => {
  const { params, problems } = parseSearchParams(new URLSearchParams(query));
  expect(problems).toEqual([]);
  return searchNotices(prisma, params);
};
const ids = async (q: string) => (await search(new URLSearchParams({ q }).toString())).hits.map((h) => h.id);

const file = (fileName: string) => ({ fileName, mediaType: "text/plain", content: new TextEncoder().encode(`content of ${fileName}`) });

const MARKDOWN_BODY = [
  "# 第一章 总则",
  "",
  "---",
  "",
  "本规划经**市政府批准**，详见[规划图则](https://example.gov.cn/plan.pdf)。",
  "",
  "- 第一项：道路红线调整",
  "- 第二项：绿地布局",
  "",
  "| 地块 | 面积 |",
  "| --- | --- |",
  "| A-1 | 3.2 公顷 |",
  "",
  "> 以上内容自公布之日起施行。",
].join("\n");

beforeAll(async () => {
  ({ prisma, tearDown } = await setUp());
  const base = { category: "城乡规划", language: "zh-CN", effectiveDate: "2026-01-01" };
  await recordNoticeVersion(prisma, {
    noticeId: "HP-PLAN-2026-038",
    agencyId: "hp-planning",
    kind: "publish",
    fields: { ...base, title: "控制性详细规划批前公示", number: "海规〔2026〕38号", body: MARKDOWN_BODY },
    attachments: [file("site-plan.pdf"), file("图.pdf")],
  });
  await recordNoticeVersion(prisma, {
    noticeId: "HP-PLAN-2026-039",
    agencyId: "hp-planning",
    kind: "publish",
    fields: { ...base, title: "道路工程公示", number: "海规〔2026〕39号", body: "The **road** works start in _May_; see [the map](https://example.gov.cn/map)." },
    attachments: [file("old-layout.pdf")],
  });
  // The current version replaces the attachment: only its file names are searched.
  await recordNoticeVersion(prisma, {
    noticeId: "HP-PLAN-2026-039",
    agencyId: "hp-planning",
    kind: "amend",
    fields: { ...base, title: "道路工程公示（修订）", number: "海规〔2026〕39号", body: "Revised." },
    attachments: [file("road-layout-v2.pdf")],
  });
  await recordNoticeVersion(prisma, {
    noticeId: "hp-land-2026-001",
    agencyId: "hp-planning",
    kind: "publish",
    fields: { ...base, title: "土地出让公告", number: "海规〔2026〕40号", body: "出让地块位于城东。" },
  });
}, 120_000);
afterAll(() => tearDown());

describe("a notice's id", () => {
  it("finds the notice, in any case, first in the list and as an exact match", async () => {
    for (const q of ["HP-PLAN-2026-038", "hp-plan-2026-038", " Hp-Plan-2026-038 "]) {
      const result = await search(new URLSearchParams({ q }).toString());
      expect(result.hits[0]?.id, q).toBe("HP-PLAN-2026-038");
      expect(result.total, q).toBeGreaterThanOrEqual(1);
      expect(result.exact.map((e) => [e.kind, e.notice.id, e.version])).toEqual([["notice-id", "HP-PLAN-2026-038", 1]]);
    }
    expect(await ids("HP-LAND-2026-001")).toEqual(["hp-land-2026-001"]);
  });

  it("finds the one notice a prefix names, and none when the prefix names several", async () => {
    expect(await ids("hp-plan-2026-03")).toEqual([]); // 038 and 039
    expect(await ids("HP-PLAN-2026-03")).toEqual([]);
    expect(await ids("hp-land")).toEqual(["hp-land-2026-001"]);
    // An ordinary word is never read as an id prefix.
    expect((await search("q=hp")).exact).toEqual([]);
  });

  it("looks ids up through the index, not by scanning notice_search", async () => {
    await prisma.$executeRawUnsafe("SET enable_seqscan = off");
    try {
      for (const sql of [
        "EXPLAIN SELECT notice_id FROM notice_search WHERE lower(notice_id) = 'hp-plan-2026-038'",
        "EXPLAIN SELECT notice_id FROM notice_search WHERE lower(notice_id) LIKE 'hp-plan-2026-03%'",
      ]) {
        const plan = (await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(sql)).map((r) => r["QUERY PLAN"]).join("\n");
        expect(plan).toContain("notice_search_id_lower_idx");
      }
    } finally {
      await prisma.$executeRawUnsafe("RESET enable_seqscan");
    }
  });
});

describe("an attachment's file name", () => {
  it("finds the notices whose current version has it, by full name or stem", async () => {
    expect(await ids("site-plan.pdf")).toEqual(["HP-PLAN-2026-038"]);
    expect(await ids("site-plan")).toEqual(["HP-PLAN-2026-038"]);
    expect(await ids("图.pdf")).toEqual(["HP-PLAN-2026-038"]);
    expect(await ids("road-layout-v2.pdf")).toEqual(["HP-PLAN-2026-039"]);
    expect(await ids("old-layout.pdf")).toEqual([]);
  });

  it("does not find a notice by a withheld file name", async () => {
    await prisma.$transaction((tx) => reindexNotice(tx, "HP-PLAN-2026-038", new Map([[1, new Set(["attachments/0/name"])]])));
    try {
      expect(await ids("site-plan")).toEqual([]);
      expect(await ids("图.pdf")).toEqual(["HP-PLAN-2026-038"]);
    } finally {
      await prisma.$transaction((tx) => reindexNotice(tx, "HP-PLAN-2026-038"));
    }
  });
});

describe("snippets", () => {
  it("show a Markdown body as the text a reader sees", async () => {
    const hit = (await search(new URLSearchParams({ q: "绿地布局" }).toString())).hits[0]!;
    expect(hit.id).toBe("HP-PLAN-2026-038");
    const text = hit.snippet!.text;
    expect(text).toContain("市政府批准，详见规划图则。");
    expect(text).toContain("第一项：道路红线调整 第二项：绿地布局");
    expect(text).toContain("地块 面积 A-1 3.2 公顷");
    for (const syntax of ["---", "**", "#", "](", "https://", "| ", "- 第", "> "]) expect(text, syntax).not.toContain(syntax);
    const [start, end] = hit.snippet!.highlights[0]!;
    expect(text.slice(start, end)).toBe("绿地布局");

    const road = (await search(new URLSearchParams({ q: "revised" }).toString())).hits;
    expect(road.map((h) => h.id)).toEqual(["HP-PLAN-2026-039"]);
  });

  it("leave the stored rows as the auditor rebuilds them", async () => {
    expect(await checkSearchIndex(prisma)).toEqual([]);
  });
});
