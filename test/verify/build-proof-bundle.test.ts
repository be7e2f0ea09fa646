/**
 * Bundles served from a real migrated database: each one verifies with lib/core/verify alone, a
 * withheld field stays withheld and still verifies, and pending or unknown versions answer
 * with the API's 409 / 404 errors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { recordRedaction } from "@/lib/server/notices/record-redaction";
import { buildNoticeBundles, buildProofBundle } from "@/lib/server/verify-service/build-proof-bundle";
import { AGENCY_BUNDLE_CAP, buildAgencyBundles } from "@/lib/server/verify-service/build-agency-bundles";
import { parseBundle, parseBundleFile, summarize, verifyBundle, verifyTlogProofText } from "./verify-helpers";
import { publishSample, setUp, testLogConfig } from "../log-service/fixtures";

const config = testLogConfig();
let ctx: Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  ctx = await setUp();
  await publishSample(ctx.prisma, "B1");
  await publishSample(ctx.prisma, "B2", { phone: "138-0000-0000" });
  await commitPending(ctx.prisma, config);
  await recordRedaction(ctx.prisma, { noticeId: "B2", version: 1, withhold: ["phone"], basis: "PIPL Art. 13" });
  await commitPending(ctx.prisma, config);
  await publishSample(ctx.prisma, "B3"); // left pending
});
afterAll(() => ctx.tearDown());

describe("buildProofBundle", () => {
  it("serves a bundle that verifies offline with the log's key, and its tlog-proof", async () => {
    const bundle = await buildProofBundle(ctx.prisma, config, "B1", 1);
    const parsed = parseBundle(JSON.stringify(bundle));
    const results = verifyBundle(parsed, { verifierKey: config.verifierKey });
    expect(summarize(results), JSON.stringify(results)).toMatchObject({ ok: true });
    expect(parsed).toMatchObject({ notice: "B1", agency: "hp-planning", version: 1, kind: "publish", entry: { index: 0 } });
    expect(verifyTlogProofText(bundle, config)).toBe(0);
  });

  it("keeps a withheld field out of the bundle and still verifies, reporting the basis", async () => {
    const bundle = await buildProofBundle(ctx.prisma, config, "B2", 1);
    expect(bundle.fields.phone).toBeUndefined();
    expect(bundle.salts.phone).toBeUndefined();
    const results = verifyBundle(bundle, { verifierKey: config.verifierKey });
    expect(summarize(results).ok).toBe(true);
    expect(results[0]!.withheld).toEqual([expect.objectContaining({ path: "phone", basis: "PIPL Art. 13", logIndex: 2 })]);
  });

  it("adds a consistency proof from an earlier size on request", async () => {
    const bundle = await buildProofBundle(ctx.prisma, config, "B1", 1, { from: 2 });
    expect(bundle.consistency).toMatchObject({ from: 2 });
    await expect(buildProofBundle(ctx.prisma, config, "B1", 1, { from: 99 })).rejects.toMatchObject({ code: "bad-request" });
  });

  it("answers 409 for a pending version and 404 for an unknown one", async () => {
    await expect(buildProofBundle(ctx.prisma, config, "B3", 1)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("pending") });
    await expect(buildProofBundle(ctx.prisma, config, "B1", 2)).rejects.toMatchObject({ code: "not-found" });
    await expect(buildProofBundle(ctx.prisma, config, "NOPE", 1)).rejects.toMatchObject({ code: "not-found" });
    await expect(buildNoticeBundles(ctx.prisma, config, "B3")).rejects.toMatchObject({ code: "conflict" });
  });

  it("bundles a whole agency in log order, every bundle verifying", async () => {
    const page = await buildAgencyBundles(ctx.prisma, config, "hp-planning");
    expect(page.bundles.map((b) => b.entry.index)).toEqual([0, 1]);
    expect(page.next).toBeNull();
    for (const b of parseBundleFile(JSON.stringify(page))) expect(summarize(verifyBundle(b, { verifierKey: config.verifierKey })).ok).toBe(true);
    expect((await buildAgencyBundles(ctx.prisma, config, "hp-planning", 0)).bundles.map((b) => b.entry.index)).toEqual([1]);
    await expect(buildAgencyBundles(ctx.prisma, config, "no-such-agency")).rejects.toMatchObject({ code: "not-found" });
    expect(AGENCY_BUNDLE_CAP).toBe(100);
  });
});

describe("reasons in bundles", () => {
  it("verifies an amendment's and a retraction's reason like any field: shown, withheld, or altered (which fails)", async () => {
    await publishSample(ctx.prisma, "R1");
    const content = { title: "关于R1的公示（延长公示期）", body: "正文。", number: "海规〔2026〕R1号", category: "城乡规划", language: "zh-CN" };
    await recordNoticeVersion(ctx.prisma, {
      noticeId: "R1",
      agencyId: "hp-planning",
      kind: "amend",
      fields: { ...content, reason: "公示期延长。", reasonDetail: "增加说明会。\n其余不变。" },
    });
    await recordNoticeVersion(ctx.prisma, { noticeId: "R1", agencyId: "hp-planning", kind: "retract", fields: { title: content.title, reason: "项目取消。" } });
    await commitPending(ctx.prisma, config);
    await recordRedaction(ctx.prisma, { noticeId: "R1", version: 2, withhold: ["reasonDetail"], basis: "PIPL Art. 13" });
    await commitPending(ctx.prisma, config);

    const amend = await buildProofBundle(ctx.prisma, config, "R1", 2);
    expect(amend.fields.reason).toBe("公示期延长。");
    expect(amend.fields.reasonDetail).toBeUndefined();
    const results = verifyBundle(amend, { verifierKey: config.verifierKey });
    expect(summarize(results), JSON.stringify(results)).toMatchObject({ ok: true });
    expect(results[0]!.withheld).toEqual([expect.objectContaining({ path: "reasonDetail", basis: "PIPL Art. 13" })]);
    const altered = verifyBundle({ ...amend, fields: { ...amend.fields, reason: "公示期缩短。" } }, { verifierKey: config.verifierKey });
    expect(altered.find((r) => r.step === "content")).toMatchObject({ status: "failed", fields: ["reason"] });

    const retract = await buildProofBundle(ctx.prisma, config, "R1", 3);
    expect(retract.fields).toEqual({ title: content.title, reason: "项目取消。" });
    expect(summarize(verifyBundle(retract, { verifierKey: config.verifierKey })).ok).toBe(true);
  });
});
