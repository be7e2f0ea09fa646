/**
 * Redactions: recorded only for logged versions and real fields, withheld from what the portal
 * serves at once, logged as a `redact` leaf naming the target's index, permanent, and checked
 * by the auditor like every other entry.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeLeaf, hashLeaf, fromBase64 } from "@/lib/core/log";
import { auditLog } from "@/lib/server/log-service/audit-log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { getNotice } from "@/lib/server/notices/get-notice";
import { getAttachment } from "@/lib/server/notices/get-attachment";
import { recordRedaction, RedactionError } from "@/lib/server/notices/record-redaction";
import { searchNotices } from "@/lib/server/search/search-notices";
import { parseSearchParams } from "@/lib/shared/search/search-params";
import { ORIGIN, publishSample, setUp, testLogConfig } from "./fixtures";

const config = testLogConfig();
const BASIS = "《中华人民共和国个人信息保护法》第十三条; PIPL Art. 13";
let ctx: Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  ctx = await setUp();
  await publishSample(ctx.prisma, "R1", { contact: "张三 13800000000", body: "拟聘用人员：张三。" });
  await publishSample(ctx.prisma, "R2");
  await commitPending(ctx.prisma, config);
});
afterAll(() => ctx.tearDown());

describe("redaction", () => {
  it("refuses unknown notices, pending versions, unknown fields and a bad basis", async () => {
    await expect(recordRedaction(ctx.prisma, { noticeId: "NOPE", version: 1, withhold: ["body"], basis: BASIS })).rejects.toMatchObject({ code: "not-found" });
    await publishSample(ctx.prisma, "R3");
    await expect(recordRedaction(ctx.prisma, { noticeId: "R3", version: 1, withhold: ["body"], basis: BASIS })).rejects.toMatchObject({ code: "pending" });
    await expect(recordRedaction(ctx.prisma, { noticeId: "R1", version: 1, withhold: ["phone"], basis: BASIS })).rejects.toMatchObject({ code: "invalid" });
    await expect(recordRedaction(ctx.prisma, { noticeId: "R1", version: 1, withhold: ["attachments/1/name"], basis: BASIS })).rejects.toBeInstanceOf(RedactionError);
    await expect(recordRedaction(ctx.prisma, { noticeId: "R1", version: 1, withhold: ["contact"], basis: "line\nbreak" })).rejects.toMatchObject({ code: "invalid" });
    await expect(recordRedaction(ctx.prisma, { noticeId: "R1", version: 1, withhold: [], basis: BASIS })).rejects.toMatchObject({ code: "invalid" });
    // The database refuses a redaction of an unlogged version even past the service.
    const pending = await ctx.prisma.noticeVersion.findFirstOrThrow({ where: { noticeId: "R3" } });
    await expect(ctx.prisma.redaction.create({ data: { noticeVersionId: pending.id, withhold: ["body"], basis: BASIS } })).rejects.toThrow(/not in the log/);
    await commitPending(ctx.prisma, config);
  });

  it("withholds the fields at once and logs a redact entry naming the target", async () => {
    const search = (query: string) => searchNotices(ctx.prisma, parseSearchParams(new URLSearchParams(query)).params);
    expect((await search("q=张三")).hits.map((h) => h.id)).toEqual(["R1"]);
    const before = await getNotice(ctx.prisma, "R1");
    const target = before.versions[0]!.log!.index;
    await recordRedaction(ctx.prisma, { noticeId: "R1", version: 1, withhold: ["contact", "body", "attachments/0/name"], basis: BASIS });

    const pending = await getNotice(ctx.prisma, "R1");
    const v = pending.versions[0]!;
    expect(v.fields.contact).toBeUndefined();
    expect(v.fields.body).toBeUndefined();
    expect(v.salts.contact).toBeUndefined();
    expect(v.fields.title).toBe("关于R1的公示");
    expect(v.attachments[0]).toMatchObject({ fileName: "", nameSalt: "" });
    expect(v.withheld.map((w) => [w.path, w.basis, w.logIndex])).toEqual([
      ["attachments/0/name", BASIS, null],
      ["body", BASIS, null],
      ["contact", BASIS, null],
    ]);
    expect((await getAttachment(ctx.prisma, "R1", 1, 0)).fileName).toBe("attachment-0");
    // The search index forgets the withheld text in the same transaction, and says "withheld".
    expect((await search("q=张三")).total).toBe(0);
    expect((await search("status=withheld")).hits.map((h) => [h.id, h.withheld])).toEqual([["R1", true]]);

    const { committed, size } = await commitPending(ctx.prisma, config);
    expect(committed).toBe(1);
    const entry = await ctx.prisma.logEntry.findUniqueOrThrow({ where: { index: BigInt(size - 1) } });
    expect(entry.noticeVersionId).toBeNull();
    expect(Buffer.from(entry.leafHash)).toEqual(Buffer.from(hashLeaf(entry.leaf)));
    expect(decodeLeaf(entry.leaf)).toMatchObject({
      kind: "redact",
      notice: "R1",
      agency: "hp-planning",
      target,
      withhold: ["attachments/0/name", "body", "contact"],
      basis: BASIS,
    });
    const after = await getNotice(ctx.prisma, "R1");
    expect(after.versions[0]!.withheld.every((w) => w.logIndex === size - 1)).toBe(true);
    // The unwithheld commitments still verify from what is served (leaf checks in test/log).
    expect(Object.keys(after.versions[0]!.salts).every((name) => fromBase64(after.versions[0]!.salts[name]!).length === 32)).toBe(true);
  });

  it("is permanent and audited", async () => {
    // The application's role may not delete at all; the owner is stopped by the trigger (test/db/append-only.test.ts).
    await expect(ctx.prisma.redaction.deleteMany({})).rejects.toThrow(/permission denied/);
    await expect(ctx.prisma.$executeRawUnsafe("DELETE FROM redaction_queue")).resolves.toBe(0);
    expect((await auditLog(ctx.prisma, ORIGIN, config.verifierKey)).discrepancies).toEqual([]);

    await ctx.database.client.query("BEGIN");
    await ctx.database.client.query("SET LOCAL session_replication_role = replica");
    await ctx.database.client.query(`UPDATE redaction SET basis = 'nothing'`);
    await ctx.database.client.query("COMMIT");
    const report = await auditLog(ctx.prisma, ORIGIN, config.verifierKey);
    expect(report.discrepancies.map((d) => d.message)).toEqual(["stored legal basis differs from the logged one"]);
  });
});
