/**
 * searchNotices against a real PostgreSQL: notices written through recordNoticeVersion (which
 * indexes them), some committed to a test log so exact lookups by log index and leaf hash work.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHash } from "node:crypto";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { searchNotices } from "@/lib/server/search/search-notices";
import { DEFAULT_SEARCH_PARAMS, parseSearchParams, type SearchParams } from "@/lib/shared/search/search-params";
import { reindexNotice } from "@/lib/server/search/index-notice";
import type { TestDatabase } from "../db/harness";
import { setUp, testLogConfig } from "../log-service/fixtures";
import { addAgencies } from "@/test/db/agencies";

let prisma: PrismaClient;
let database: TestDatabase;
let tearDown: () => Promise<void>;

const day = (d: number) => new Date(Date.UTC(2026, 0, d, 4));
const search = (query: string) => {
  const { params, problems } = parseSearchParams(new URLSearchParams(query));
  expect(problems).toEqual([]);
  return searchNotices(prisma, params);
};
const ids = async (query: string) => (await search(query)).hits.map((h) => h.id);

async function publish(id: string, agencyId: string, createdAt: Date, fields: Record<string, string>, attachment?: string): Promise<void> {
  await recordNoticeVersion(prisma, {
    noticeId: id,
    agencyId,
    kind: "publish",
    createdAt,
    fields: { category: "其他", language: "zh-CN", effectiveDate: "2026-01-01", body: "", ...fields },
    ...(attachment ? { attachments: [{ fileName: "a.txt", mediaType: "text/plain", content: new TextEncoder().encode(attachment) }] } : {}),
  });
}

beforeAll(async () => {
  ({ prisma, database, tearDown } = await setUp());
  await addAgencies(prisma, [{ id: "hp-land", nameZh: "海平市自然资源局", nameEn: "Haiping Natural Resources Bureau" }]);
  await publish("GOV-1", "hp-planning", day(1), {
    title: "海平市政府信息公开工作年度报告",
    number: "海规〔2026〕1号",
    category: "政府信息公开",
    body: "本报告介绍主动公开和依申请公开情况。",
  });
  await publish(
    "LAND-1",
    "hp-land",
    day(2),
    { title: "关于土地征收补偿标准的公告", number: "海自然资〔2026〕17号", category: "土地管理", body: "土地征收补偿按区片综合地价执行。" },
    "attachment one",
  );
  // 信息 and 公开 both occur, never as 信息公开.
  await publish("MIX-1", "hp-land", day(3), { title: "信用信息目录", number: "海自然资〔2026〕18号", category: "土地管理", body: "目录已公开。地块征用信息。" });
  // Title hit versus body-only hit for 规划.
  await publish("PLAN-T", "hp-planning", day(4), { title: "城乡规划条例", number: "海规〔2026〕2号", category: "城乡规划", body: "条例全文。" });
  await publish("PLAN-B", "hp-planning", day(5), {
    title: "年度工作安排",
    number: "海规〔2026〕3号",
    category: "城乡规划",
    body: "年度工作包括若干事项，其中一项涉及规划调整。" + "其他事项说明。".repeat(20),
  });
  await publish("EN-1", "hp-planning", day(6), {
    title: "Notice of public hearing on planned port works",
    number: "HPPB [2026] No. 5",
    category: "Planning",
    language: "en",
    body: "Environmental impact assessments are open for comment.",
  });
  await publish("EN-2", "hp-land", day(7), { title: "Budget report", number: "HPLB [2026] No. 9", category: "Budget", language: "en", body: "Spending on land and housing." });
  await recordNoticeVersion(prisma, {
    noticeId: "LAND-1",
    agencyId: "hp-land",
    kind: "amend",
    createdAt: day(8),
    fields: { title: "关于土地征收补偿标准的公告（修订）", number: "海自然资〔2026〕17号", category: "土地管理", language: "zh-CN", body: "土地征收补偿按新标准执行。" },
  });
  await commitPending(prisma, testLogConfig());
  await recordNoticeVersion(prisma, {
    noticeId: "EN-2",
    agencyId: "hp-land",
    kind: "retract",
    createdAt: day(9),
    fields: { title: "Budget report", reason: "Published in error." },
  });
}, 120_000);
afterAll(() => tearDown());

describe("Chinese search", () => {
  it("finds a two-character word inside longer words, and phrases only when adjacent", async () => {
    expect((await ids("q=公开")).sort()).toEqual(["GOV-1", "MIX-1"]);
    expect(await ids("q=信息公开")).toEqual(["GOV-1"]);
    expect(await ids("q=征收")).toEqual(["LAND-1"]);
    expect(await ids("q=地征收")).toEqual(["LAND-1"]);
  });

  it("ranks a title hit above a body-only hit", async () => {
    // EN-1 and GOV-1 match only through their agency's name (海平市规划局, weight B).
    expect(await ids("q=规划")).toEqual(["PLAN-T", "PLAN-B", "EN-1", "GOV-1"]);
    // EN-1's category "Planning" is the same vocabulary entry as 城乡规划 (lib/shared/categories/vocabulary.ts).
    expect(await ids("q=规划&agency=hp-planning&category=城乡规划")).toEqual(["PLAN-T", "PLAN-B", "EN-1"]);
  });

  it("returns a snippet around the match with highlights", async () => {
    const hit = (await search("q=规划调整")).hits[0]!;
    expect(hit.id).toBe("PLAN-B");
    const [start, end] = hit.snippet!.highlights[0]!;
    expect(hit.snippet!.text.slice(start, end)).toBe("规划调整");
  });
});

describe("English search", () => {
  it("matches stems and the last word as a prefix", async () => {
    expect(await ids("q=notices")).toEqual(["EN-1"]);
    expect(await ids("q=planning+hearings")).toEqual(["EN-1"]);
    expect(await ids("q=environm")).toEqual(["EN-1"]);
    expect(await ids("q=envir+assessment")).toEqual([]);
  });

  it("finds a retracted notice by its earlier words, marked retracted", async () => {
    const result = await search("q=housing");
    expect(result.hits.map((h) => [h.id, h.status, h.number])).toEqual([["EN-2", "retracted", "HPLB [2026] No. 9"]]);
  });
});

describe("filters, sorting, paging, facets", () => {
  it("lists newest first by default, oldest on request, with the latest version's log index", async () => {
    const newest = await search("");
    expect(newest.total).toBe(7);
    expect(newest.hits.map((h) => h.id)).toEqual(["EN-2", "LAND-1", "EN-1", "PLAN-B", "PLAN-T", "MIX-1", "GOV-1"]);
    expect(newest.hits[0]!.logIndex).toBeNull(); // the retraction is pending
    expect(newest.hits[1]).toMatchObject({ version: 2, kind: "amend", status: "amended", logIndex: expect.any(Number) });
    expect((await ids("sort=oldest"))[0]).toBe("GOV-1");
  });

  it("pages", async () => {
    const page2 = await search("pageSize=10&page=1&agency=hp-planning&agency=hp-land");
    expect(page2.pageCount).toBe(1);
    const params: SearchParams = { ...DEFAULT_SEARCH_PARAMS, pageSize: 2, page: 2 };
    const result = await searchNotices(prisma, params);
    expect(result).toMatchObject({ total: 7, page: 2, pageSize: 2, pageCount: 4 });
    expect(result.hits.map((h) => h.id)).toEqual(["EN-1", "PLAN-B"]);
    expect((await searchNotices(prisma, { ...params, page: 9 })).hits).toEqual([]);
  });

  it("filters by agency, category, status, language and date (China time, inclusive)", async () => {
    expect((await ids("agency=hp-land")).sort()).toEqual(["EN-2", "LAND-1", "MIX-1"]);
    expect(await ids("category=城乡规划&sort=oldest")).toEqual(["PLAN-T", "PLAN-B", "EN-1"]);
    expect(await ids("category=planning&sort=oldest")).toEqual(["PLAN-T", "PLAN-B", "EN-1"]);
    expect(await ids("status=amended&status=retracted")).toEqual(["EN-2", "LAND-1"]);
    expect(await ids("language=en")).toEqual(["EN-2", "EN-1"]);
    expect(await ids("from=2026-01-03&to=2026-01-04")).toEqual(["PLAN-T", "MIX-1"]);
    expect(await ids("q=公开&agency=hp-land")).toEqual(["MIX-1"]);
  });

  it("counts each facet under the query and the other facets' filters", async () => {
    const { facets, total } = await search("q=公开&agency=hp-land");
    expect(total).toBe(1);
    // The agency facet ignores the agency filter, so both agencies with matches are counted.
    expect(facets.agency.map((a) => [a.id, a.count])).toEqual([
      ["hp-land", 1],
      ["hp-planning", 1],
    ]);
    expect(facets.category).toEqual([{ value: "land", count: 1 }]);
    expect(facets.status).toEqual([{ value: "in-force", count: 1 }]);
    const all = await search("");
    expect(all.facets.status).toEqual([
      { value: "in-force", count: 5 },
      { value: "amended", count: 1 },
      { value: "retracted", count: 1 },
    ]);
    expect(all.facets.language).toEqual([
      { value: "zh-CN", count: 5 },
      { value: "en", count: 2 },
    ]);
  });

  it("filters and counts withheld notices, and keeps withheld text out of the index", async () => {
    await prisma.$transaction((tx) => reindexNotice(tx, "PLAN-T", new Map([[1, new Set(["body", "title"])]])));
    try {
      expect(await ids("status=withheld")).toEqual(["PLAN-T"]);
      expect((await search("")).facets.status).toContainEqual({ value: "withheld", count: 1 });
      expect(await ids("q=条例全文")).toEqual([]);
      expect(await ids("q=城乡规划")).toEqual(["PLAN-T", "PLAN-B"]); // the category is not withheld
    } finally {
      await prisma.$transaction((tx) => reindexNotice(tx, "PLAN-T"));
    }
    expect(await ids("status=withheld")).toEqual([]);
  });

  it("names a retracted notice whose retraction's title is withheld by its id, not by the earlier version's title", async () => {
    const title = async () => (await search("agency=hp-land&status=retracted")).hits.map((h) => [h.id, h.title]);
    await prisma.$transaction((tx) => reindexNotice(tx, "EN-2", new Map([[2, new Set(["title"])]])));
    try {
      expect(await title()).toEqual([["EN-2", "EN-2"]]);
    } finally {
      await prisma.$transaction((tx) => reindexNotice(tx, "EN-2"));
    }
    expect(await title()).toEqual([["EN-2", "Budget report"]]);
  });
});

describe("exact matches", () => {
  it("finds a notice by its number, however it is bracketed and spaced", async () => {
    for (const q of ["海自然资〔2026〕17号", "海自然资[2026]17 号", "海自然资（２０２６）17号", "hppb[2026]no.5"]) {
      const { exact } = await searchNotices(prisma, { ...DEFAULT_SEARCH_PARAMS, q, sort: "relevance" });
      expect(
        exact.map((e) => [e.kind, e.notice.id]),
        q,
      ).toEqual([["number", q.startsWith("hppb") ? "EN-1" : "LAND-1"]]);
    }
  });

  it("finds a version by log index, with or without #", async () => {
    const entry = await prisma.logEntry.findFirstOrThrow({ where: { noticeVersion: { noticeId: "MIX-1" } } });
    for (const q of [`#${entry.index}`, `${entry.index}`]) {
      const { exact } = await searchNotices(prisma, { ...DEFAULT_SEARCH_PARAMS, q, sort: "relevance" });
      expect(exact.map((e) => [e.kind, e.notice.id, e.version, e.logIndex])).toEqual([["log-index", "MIX-1", 1, Number(entry.index)]]);
    }
    expect((await searchNotices(prisma, { ...DEFAULT_SEARCH_PARAMS, q: "#99999", sort: "relevance" })).exact).toEqual([]);
  });

  it("finds a version by leaf hash and by attachment SHA-256", async () => {
    const entry = await prisma.logEntry.findFirstOrThrow({ where: { noticeVersion: { noticeId: "LAND-1", version: 2 } } });
    const leafHash = Buffer.from(entry.leafHash).toString("hex");
    const byLeaf = await searchNotices(prisma, { ...DEFAULT_SEARCH_PARAMS, q: leafHash.toUpperCase(), sort: "relevance" });
    expect(byLeaf.exact.map((e) => [e.kind, e.notice.id, e.version])).toEqual([["leaf-hash", "LAND-1", 2]]);
    const sha = createHash("sha256").update("attachment one").digest("hex");
    const byFile = await searchNotices(prisma, { ...DEFAULT_SEARCH_PARAMS, q: sha, sort: "relevance" });
    expect(byFile.exact.map((e) => [e.kind, e.notice.id, e.version, e.attachmentPosition])).toEqual([["attachment-sha256", "LAND-1", 1, 0]]);
    expect((await searchNotices(prisma, { ...DEFAULT_SEARCH_PARAMS, q: "0".repeat(64), sort: "relevance" })).exact).toEqual([]);
  });
});

describe("hostile input", () => {
  const hostile = ["'):* | !", "&|!():*<->", "\\'", "a\uD800b", "x".repeat(10_000), "税".repeat(3_000), "#", "#-1", "9".repeat(40), "%_", "\u0000"];
  it.each(hostile.map((q) => [q.slice(0, 20), q]))("answers without throwing: %j", async (_label, q) => {
    const { params } = parseSearchParams(new URLSearchParams([["q", q]]));
    const result = await searchNotices(prisma, params);
    expect(result.total).toBeGreaterThanOrEqual(0);
  });
});

describe("reindexAll", () => {
  it("rebuilds, in batches, exactly the rows that recording versions maintained", async () => {
    const { reindexAll } = await import("@/lib/server/search/reindex-all");
    const snapshot = () =>
      prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT notice_id, agency_id, category, language, status, withheld, title, number, number_key, latest_version,
              latest_kind, published_at, updated_at, effective_date, excerpt, document::text AS document
       FROM notice_search ORDER BY notice_id`);
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(3);
    await prisma.$executeRawUnsafe("DELETE FROM notice_search");
    expect(await reindexAll(prisma)).toBe(before.length);
    expect(await snapshot()).toEqual(before);
  });
});

describe("cached counts", () => {
  it("a notice recorded by another process is counted by the next search, though counts are kept", async () => {
    const before = await search("q=缓存");
    const list = (await search("")).total;
    const planning = async () => (await search("category=城乡规划")).facets.category.find((f) => f.value === "planning")?.count;
    const planningBefore = (await planning())!;
    // A client and modules of their own, as a second app instance or a script would write:
    // nothing of it reaches this process's count cache but the database.
    vi.resetModules();
    const { recordNoticeVersion: recordElsewhere } = await import("@/lib/server/notices/record-notice-version");
    const other = createPrisma(database.url);
    try {
      await recordElsewhere(other, {
        noticeId: "CACHE-1",
        agencyId: "hp-planning",
        kind: "publish",
        createdAt: day(10),
        fields: { title: "缓存计数测试", number: "海规〔2026〕99号", category: "城乡规划", language: "zh-CN", effectiveDate: "2026-01-01", body: "" },
      });
    } finally {
      await other.$disconnect();
    }
    const after = await search("q=缓存");
    expect(after.total).toBe(before.total + 1);
    expect(after.hits.map((h) => h.id)).toContain("CACHE-1");
    expect((await search("")).total).toBe(list + 1);
    expect(await planning()).toBe(planningBefore + 1);
  });
});
