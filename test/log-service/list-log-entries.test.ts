/**
 * The public list of log entries: newest first in keyset pages on the index, what entered
 * between two stored checkpoints, titles as the notice's own pages show them (withheld stays
 * withheld), and every range a visitor can type that the log cannot answer refused by name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { listLogEntries, LogRangeError } from "@/lib/server/log-service/list-log-entries";
import { parseLogListQuery } from "@/lib/server/log-service/log-list-query";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { recordRedaction } from "@/lib/server/notices/record-redaction";
import { addAgencies } from "@/test/db/agencies";
import { publishSample, setUp, testLogConfig } from "./fixtures";

const config = testLogConfig();
let ctx: Awaited<ReturnType<typeof setUp>>;
const indexes = (page: { entries: { index: number }[] }) => page.entries.map((e) => e.index);

beforeAll(async () => {
  ctx = await setUp();
  await addAgencies(ctx.prisma, [{ id: "hp-finance", nameZh: "海平市财政局", nameEn: "Haiping Finance Bureau" }]);
  // Checkpoint 2: entries 0 (L1 v1) and 1 (L2 v1).
  await publishSample(ctx.prisma, "L1");
  await publishSample(ctx.prisma, "L2");
  await commitPending(ctx.prisma, config);
  // Checkpoint 3: entry 2, L1 amended with a new title.
  await recordNoticeVersion(ctx.prisma, { noticeId: "L1", agencyId: "hp-planning", kind: "amend", fields: { title: "关于L1的公示（修订）" } });
  await commitPending(ctx.prisma, config);
  // Checkpoint 5: entry 3 (L3 v1, another agency, English) and entry 4 (L2's title withheld).
  await recordNoticeVersion(ctx.prisma, {
    noticeId: "L3",
    agencyId: "hp-finance",
    kind: "publish",
    fields: { title: "Budget notice", body: "Text.", language: "en" },
  });
  await recordRedaction(ctx.prisma, { noticeId: "L2", version: 1, withhold: ["title"], basis: "《个人信息保护法》第十三条" });
  await commitPending(ctx.prisma, config);
});
afterAll(() => ctx.tearDown());

describe("listLogEntries", () => {
  it("lists newest first and pages by index with ?before, both ways, to the exact boundaries", async () => {
    const first = await listLogEntries(ctx.prisma, {}, 2);
    expect(first.size).toBe(5);
    expect(indexes(first)).toEqual([4, 3]);
    expect(first.older).toBe(3);
    expect(first.newer).toBeNull();

    const second = await listLogEntries(ctx.prisma, { before: 3 }, 2);
    expect(indexes(second)).toEqual([2, 1]);
    expect(second.older).toBe(1);
    // The page before it is the newest one: its link has no `before`.
    expect(second.newer).toEqual({ before: undefined });

    const last = await listLogEntries(ctx.prisma, { before: 1 }, 2);
    expect(indexes(last)).toEqual([0]);
    expect(last.older).toBeNull();
    expect(last.newer).toEqual({ before: 3 });

    // A page that ends exactly at entry 0 has no older page.
    const exact = await listLogEntries(ctx.prisma, { before: 2 }, 2);
    expect(indexes(exact)).toEqual([1, 0]);
    expect(exact.older).toBeNull();
    expect(exact.newer).toEqual({ before: 4 });

    // A stale or hand-made `before` past the end is the newest page; 0 is an empty last page.
    expect(indexes(await listLogEntries(ctx.prisma, { before: 99 }, 2))).toEqual([4, 3]);
    const none = await listLogEntries(ctx.prisma, { before: 0 }, 2);
    expect(none.entries).toEqual([]);
    expect(none.older).toBeNull();
  });

  it("describes each entry: kind, notice version, title as of that version in its language, agency, log time", async () => {
    const { entries } = await listLogEntries(ctx.prisma, {});
    const byIndex = new Map(entries.map((e) => [e.index, e]));
    const stored = await ctx.prisma.logEntry.findMany({ orderBy: { index: "asc" } });
    for (const row of stored) expect(byIndex.get(Number(row.index))!.loggedAt).toBe(row.loggedAt.toISOString());

    expect(byIndex.get(0)).toMatchObject({ kind: "publish", notice: "L1", version: 1, title: "关于L1的公示", language: "zh-CN" });
    expect(byIndex.get(0)!.agency).toEqual({ id: "hp-planning", nameZh: "海平市规划局", nameEn: "Haiping Planning Bureau" });
    // The amendment carries only a title; its language comes from version 1, as on its page.
    expect(byIndex.get(2)).toMatchObject({ kind: "amend", notice: "L1", version: 2, title: "关于L1的公示（修订）", language: "zh-CN" });
    expect(byIndex.get(3)).toMatchObject({ kind: "publish", notice: "L3", title: "Budget notice", language: "en" });
    expect(byIndex.get(3)!.agency.nameEn).toBe("Haiping Finance Bureau");
    // Withheld means withheld, on the version entry and on the redact entry that withholds it.
    expect(byIndex.get(1)).toMatchObject({ kind: "publish", notice: "L2", version: 1, title: null, language: "zh-CN" });
    expect(byIndex.get(4)).toMatchObject({ kind: "redact", notice: "L2", version: 1, title: null, agency: { id: "hp-planning" } });
  });

  it("lists exactly what entered between two stored checkpoints, with their times", async () => {
    const checkpoints = new Map((await ctx.prisma.checkpoint.findMany()).map((c) => [Number(c.size), c.createdAt.toISOString()]));
    expect([...checkpoints.keys()].sort()).toEqual([2, 3, 5]);

    const between = await listLogEntries(ctx.prisma, { from: 2, to: 5 });
    expect(indexes(between)).toEqual([4, 3, 2]);
    expect(between.range).toEqual({ from: { size: 2, createdAt: checkpoints.get(2) }, to: { size: 5, createdAt: checkpoints.get(5) } });

    expect(indexes(await listLogEntries(ctx.prisma, { from: 2, to: 3 }))).toEqual([2]);
    // 0 is the start of the log, which has no checkpoint and no time.
    const start = await listLogEntries(ctx.prisma, { from: 0, to: 2 });
    expect(indexes(start)).toEqual([1, 0]);
    expect(start.range!.from).toEqual({ size: 0, createdAt: null });
    // One end alone: up to the latest checkpoint, or from the start.
    expect(indexes(await listLogEntries(ctx.prisma, { from: 3 }))).toEqual([4, 3]);
    expect(indexes(await listLogEntries(ctx.prisma, { to: 3 }))).toEqual([2, 1, 0]);
    // The same checkpoint twice: nothing entered.
    expect((await listLogEntries(ctx.prisma, { from: 3, to: 3 })).entries).toEqual([]);
  });

  it("pages inside a range without leaving it", async () => {
    const first = await listLogEntries(ctx.prisma, { from: 2, to: 5 }, 2);
    expect(indexes(first)).toEqual([4, 3]);
    expect(first.older).toBe(3);
    const second = await listLogEntries(ctx.prisma, { from: 2, to: 5, before: 3 }, 2);
    expect(indexes(second)).toEqual([2]);
    expect(second.older).toBeNull();
    expect(second.newer).toEqual({ before: undefined });
    // A `before` outside the range lists nothing outside it.
    expect(indexes(await listLogEntries(ctx.prisma, { from: 3, to: 5, before: 2 }, 2))).toEqual([]);
    expect(indexes(await listLogEntries(ctx.prisma, { from: 0, to: 2, before: 5 }, 2))).toEqual([1, 0]);
  });

  it("refuses a range the log cannot answer, naming why", async () => {
    const refusal = (query: Parameters<typeof listLogEntries>[1]) =>
      listLogEntries(ctx.prisma, query).then(
        () => null,
        (e: unknown) => (e instanceof LogRangeError ? { code: e.code, ...e.detail } : e),
      );
    expect(await refusal({ from: 5, to: 2 })).toEqual({ code: "from-after-to", from: 5, to: 2, size: 5 });
    expect(await refusal({ from: 2, to: 6 })).toEqual({ code: "beyond-log", value: 6, size: 5 });
    expect(await refusal({ from: 9 })).toEqual({ code: "beyond-log", value: 9, size: 5 });
    expect(await refusal({ from: 1, to: 3 })).toEqual({ code: "no-checkpoint", value: 1, size: 5 });
    expect(await refusal({ from: 2, to: 4 })).toEqual({ code: "no-checkpoint", value: 4, size: 5 });
  });
});

describe("parseLogListQuery", () => {
  it("takes canonical whole numbers, and empty form fields as not given", () => {
    expect(parseLogListQuery({ from: "2", to: "5", before: "4" })).toEqual({ ok: true, query: { from: 2, to: 5, before: 4 } });
    expect(parseLogListQuery({ from: "", to: " 5 " })).toEqual({ ok: true, query: { to: 5 } });
    expect(parseLogListQuery({})).toEqual({ ok: true, query: {} });
  });

  it("names the first parameter that is not a whole number, and keeps what was typed", () => {
    for (const bad of ["abc", "-1", "01", "1.5", "1e3", "99999999999999999999"]) {
      expect(parseLogListQuery({ from: "2", to: bad })).toEqual({ ok: false, problem: { code: "not-a-number", param: "to", value: bad }, typed: { from: "2", to: bad } });
    }
    expect(parseLogListQuery({ before: "" })).toMatchObject({ ok: false, problem: { param: "before", value: "" } });
    expect(parseLogListQuery({ from: ["1", "2"] })).toMatchObject({ ok: false, problem: { param: "from", value: "1,2" } });
    expect(parseLogListQuery({ from: "x".repeat(100) })).toMatchObject({ ok: false, problem: { value: "x".repeat(40) } });
  });
});
