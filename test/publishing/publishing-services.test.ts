/**
 * The publishing services against a real database: who may publish, amend, correct, retract
 * and redact what; what each writes (one version, one audit event, in one transaction); and
 * that what they write is logged as the right kind of entry.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/server/api/errors";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { decodeLeaf } from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { getNotice } from "@/lib/server/notices/get-notice";
import { amendNotice } from "@/lib/server/publishing/amend-notice";
import { publishNotice } from "@/lib/server/publishing/publish-notice";
import { redactNoticeVersion } from "@/lib/server/publishing/redact-notice-version";
import { retractNotice } from "@/lib/server/publishing/retract-notice";
import { setUp, testLogConfig } from "../log-service/fixtures";
import { addAgencies } from "@/test/db/agencies";

const config = testLogConfig();
const PASSWORD = "correct horse battery";
const FIELDS = { title: "关于道路施工的通告", number: "海规〔2026〕8号", category: "交通", language: "zh-CN", effectiveDate: "2026-12-01", body: "施工期间请绕行。" };
const PDF = { fileName: "../图纸.pdf", content: new TextEncoder().encode("%PDF-1.4 drawing") };
const ORIGIN = { ip: "203.0.113.9", userAgent: "test" };
let ctx: Awaited<ReturnType<typeof setUp>>;
const actors: Record<string, Actor> = {};

async function expectError(promise: Promise<unknown>, status: number, message?: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(status);
  if (message) expect((error as ApiError).message).toMatch(message);
}

async function auditRows(subject: string) {
  return ctx.prisma.auditEvent.findMany({ where: { subject }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  ctx = await setUp();
  await addAgencies(ctx.prisma, [{ id: "hp-land", nameZh: "海平市自然资源局", nameEn: "Haiping Land Bureau" }]);
  const people = [
    { key: "clerk", role: "clerk" as const, agencyIds: ["hp-planning"] },
    { key: "otherClerk", role: "clerk" as const, agencyIds: ["hp-land"] },
    { key: "admin", role: "administrator" as const },
    { key: "auditor", role: "auditor" as const },
  ];
  for (const p of people) {
    const { id } = await createUser(ctx.prisma, { email: `${p.key.toLowerCase()}@example.org`, name: p.key, password: PASSWORD, role: p.role, agencyIds: p.agencyIds });
    actors[p.key] = (await loadActor(ctx.prisma, id))!;
  }
});
afterAll(() => ctx.tearDown());

describe("publishNotice", () => {
  it("publishes version 1 with a sanitized, content-checked attachment and an audit event", async () => {
    const { noticeId, version } = await publishNotice({ db: ctx.prisma, actor: actors.clerk!, origin: ORIGIN }, { agencyId: "hp-planning", fields: FIELDS, attachments: [PDF] });
    expect(noticeId).toMatch(/^HP-PLANNING-\d{4}-[0-9A-Z]{6}$/);
    expect(version).toBe(1);
    const notice = await getNotice(ctx.prisma, noticeId);
    expect(notice?.versions[0]?.attachments[0]).toMatchObject({ fileName: "图纸.pdf", mediaType: "application/pdf" });
    const [event] = await auditRows(noticeId);
    expect(event).toMatchObject({ actorUserId: actors.clerk!.id, action: "notice.publish", ip: "203.0.113.9" });
    expect(event!.detail).toMatchObject({ agencyId: "hp-planning", version: 1, attachments: 1 });
  });

  it("refuses anonymous callers, other roles and clerks of another agency, and writes nothing", async () => {
    const before = await ctx.prisma.notice.count();
    await expectError(publishNotice({ db: ctx.prisma, actor: null }, { agencyId: "hp-planning", fields: FIELDS }), 401);
    await expectError(publishNotice({ db: ctx.prisma, actor: actors.admin! }, { agencyId: "hp-planning", fields: FIELDS }), 403);
    await expectError(publishNotice({ db: ctx.prisma, actor: actors.auditor! }, { agencyId: "hp-planning", fields: FIELDS }), 403);
    await expectError(publishNotice({ db: ctx.prisma, actor: actors.otherClerk! }, { agencyId: "hp-planning", fields: FIELDS }), 403);
    expect(await ctx.prisma.notice.count()).toBe(before);
  });

  it("answers bad fields with 400 naming them, a disguised file with 400 and an oversized one with 413", async () => {
    await expectError(
      publishNotice({ db: ctx.prisma, actor: actors.clerk! }, { agencyId: "hp-planning", fields: { ...FIELDS, title: "", extra: "x" } }),
      400,
      /title: required; extra: unknown field/,
    );
    const html = { fileName: "notice.pdf", content: new TextEncoder().encode("<script>") };
    await expectError(
      publishNotice({ db: ctx.prisma, actor: actors.clerk! }, { agencyId: "hp-planning", fields: FIELDS, attachments: [html] }),
      400,
      /attachment 1 does not contain what its name says/,
    );
    const big = { fileName: "big.txt", content: new Uint8Array(20 * 1024 * 1024 + 1).fill(65) };
    await expectError(publishNotice({ db: ctx.prisma, actor: actors.clerk! }, { agencyId: "hp-planning", fields: FIELDS, attachments: [big] }), 413);
  });
});

describe("amend, correct, retract", () => {
  it("adds versions 2–4 of the right kinds, each audited, keeping attachments when asked", async () => {
    const { noticeId } = await publishNotice({ db: ctx.prisma, actor: actors.clerk! }, { agencyId: "hp-planning", fields: FIELDS, attachments: [PDF] });
    const amended = await amendNotice(
      { db: ctx.prisma, actor: actors.clerk! },
      { noticeId, kind: "amend", baseVersion: 1, reason: "测试原因。", fields: { ...FIELDS, body: "施工延期。" }, attachments: "keep" },
    );
    const corrected = await amendNotice(
      { db: ctx.prisma, actor: actors.clerk! },
      { noticeId, kind: "correct", baseVersion: 2, reason: "测试原因。", fields: { ...FIELDS, body: "施工延期至明年。" }, attachments: [] },
    );
    const retracted = await retractNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, baseVersion: 3, reason: "项目取消。" });
    expect([amended.version, corrected.version, retracted.version]).toEqual([2, 3, 4]);
    const versions = await ctx.prisma.noticeVersion.findMany({ where: { noticeId }, orderBy: { version: "asc" }, include: { attachments: true } });
    expect(versions.map((v) => [v.kind, v.attachments.length])).toEqual([
      ["publish", 1],
      ["amend", 1],
      ["correct", 0],
      ["retract", 0],
    ]);
    expect(versions[3]!.fields).toEqual({ title: FIELDS.title, reason: "项目取消。" });
    expect((await auditRows(noticeId)).map((e) => e.action)).toEqual(["notice.publish", "notice.amend", "notice.correct", "notice.retract"]);
  });

  it("refuses an edit based on a version that is no longer the latest (409) and anything after a retraction", async () => {
    const { noticeId } = await publishNotice({ db: ctx.prisma, actor: actors.clerk! }, { agencyId: "hp-planning", fields: FIELDS });
    await amendNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, kind: "amend", baseVersion: 1, reason: "测试原因。", fields: FIELDS, attachments: "keep" });
    await expectError(
      amendNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, kind: "correct", baseVersion: 1, reason: "测试原因。", fields: FIELDS, attachments: "keep" }),
      409,
      /newer/,
    );
    await retractNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, baseVersion: 2, reason: "撤回。" });
    await expectError(retractNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, baseVersion: 3, reason: "again" }), 409, /retracted/);
  });

  it("lets only the notice's own agency's clerks add versions, and 404s an unknown notice", async () => {
    const { noticeId } = await publishNotice({ db: ctx.prisma, actor: actors.clerk! }, { agencyId: "hp-planning", fields: FIELDS });
    await expectError(
      amendNotice({ db: ctx.prisma, actor: actors.otherClerk! }, { noticeId, kind: "amend", baseVersion: 1, reason: "测试原因。", fields: FIELDS, attachments: "keep" }),
      403,
    );
    await expectError(retractNotice({ db: ctx.prisma, actor: actors.otherClerk! }, { noticeId, baseVersion: 1, reason: "x" }), 403);
    await expectError(retractNotice({ db: ctx.prisma, actor: null }, { noticeId, baseVersion: 1, reason: "x" }), 401);
    await expectError(retractNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, baseVersion: 1, reason: "  " }), 400, /reason: required/);
    await expectError(
      amendNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId: "NO-SUCH", kind: "amend", baseVersion: 1, reason: "测试原因。", fields: FIELDS, attachments: "keep" }),
      404,
    );
    expect(await ctx.prisma.noticeVersion.count({ where: { noticeId } })).toBe(1);
  });

  it("logs each amendment's, correction's and retraction's reason with that version only, and refuses a missing or multi-line one", async () => {
    const { noticeId } = await publishNotice({ db: ctx.prisma, actor: actors.clerk! }, { agencyId: "hp-planning", fields: FIELDS });
    for (const kind of ["amend", "correct"] as const) {
      await expectError(
        amendNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, kind, baseVersion: 1, reason: undefined, fields: FIELDS, attachments: "keep" }),
        400,
        /^reason: required$/,
      );
      await expectError(
        amendNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, kind, baseVersion: 1, reason: "第一行\n第二行", fields: FIELDS, attachments: "keep" }),
        400,
        /reason: must be one line/,
      );
      // The reason is not a notice field: sent among the fields, it is an unknown field.
      await expectError(
        amendNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, kind, baseVersion: 1, reason: "r", fields: { ...FIELDS, reason: "r" }, attachments: "keep" }),
        400,
        /reason: unknown field/,
      );
    }
    await expectError(retractNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, baseVersion: 1, reason: "撤回。\n\n详情" }), 400, /reason: must be one line/);
    await expectError(retractNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, baseVersion: 1, reason: "撤回。", reasonDetail: 7 }), 400, /reasonDetail/);
    await expectError(publishNotice({ db: ctx.prisma, actor: actors.clerk! }, { agencyId: "hp-planning", fields: { ...FIELDS, reason: "新公示" } }), 400, /reason: unknown field/);

    await amendNotice(
      { db: ctx.prisma, actor: actors.clerk! },
      { noticeId, kind: "amend", baseVersion: 1, reason: " 公示期延长。 ", reasonDetail: "增加两场说明会。\r\n其余不变。", fields: FIELDS, attachments: "keep" },
    );
    await amendNotice(
      { db: ctx.prisma, actor: actors.clerk! },
      { noticeId, kind: "correct", baseVersion: 2, reason: "电话有误。", reasonDetail: "  ", fields: FIELDS, attachments: "keep" },
    );
    await retractNotice({ db: ctx.prisma, actor: actors.clerk! }, { noticeId, baseVersion: 3, reason: "项目取消。", reasonDetail: "将另行公示。" });
    const versions = await ctx.prisma.noticeVersion.findMany({ where: { noticeId }, orderBy: { version: "asc" } });
    const logged = { ...FIELDS, category: "transport" };
    expect(versions.map((v) => v.fields)).toEqual([
      logged,
      { ...logged, reason: "公示期延长。", reasonDetail: "增加两场说明会。\n其余不变。" },
      { ...logged, reason: "电话有误。" },
      { title: FIELDS.title, reason: "项目取消。", reasonDetail: "将另行公示。" },
    ]);
    expect((await auditRows(noticeId)).map((e) => (e.detail as { reason?: string }).reason ?? null)).toEqual([null, "公示期延长。", "电话有误。", "项目取消。"]);
  });
});

describe("redactNoticeVersion", () => {
  it("is for administrators only, for logged versions, and is logged as a redact entry naming its target", async () => {
    const { noticeId } = await publishNotice({ db: ctx.prisma, actor: actors.clerk! }, { agencyId: "hp-planning", fields: FIELDS, attachments: [PDF] });
    const request = { noticeId, version: 1, withhold: ["body", "attachments/0/name"], basis: "《个人信息保护法》第十三条" };
    await expectError(redactNoticeVersion({ db: ctx.prisma, actor: actors.admin! }, request), 409, /not in the log yet/);
    await commitPending(ctx.prisma, config);
    await expectError(redactNoticeVersion({ db: ctx.prisma, actor: actors.clerk! }, request), 403);
    await expectError(redactNoticeVersion({ db: ctx.prisma, actor: actors.auditor! }, request), 403);
    await expectError(redactNoticeVersion({ db: ctx.prisma, actor: null }, request), 401);
    await expectError(redactNoticeVersion({ db: ctx.prisma, actor: actors.admin! }, { ...request, basis: "two\nlines" }), 400, /basis/);
    await expectError(redactNoticeVersion({ db: ctx.prisma, actor: actors.admin! }, { ...request, withhold: ["phone"] }), 400, /no field phone/);
    await expectError(redactNoticeVersion({ db: ctx.prisma, actor: actors.admin! }, { ...request, unexpected: true }), 400, /unknown field/);

    await redactNoticeVersion({ db: ctx.prisma, actor: actors.admin!, origin: ORIGIN }, request);
    await commitPending(ctx.prisma, config);
    const target = await ctx.prisma.logEntry.findFirstOrThrow({ where: { noticeVersion: { noticeId, version: 1 } } });
    const entry = await ctx.prisma.logEntry.findFirstOrThrow({ where: { redaction: { noticeVersion: { noticeId } } } });
    expect(decodeLeaf(entry.leaf)).toMatchObject({ kind: "redact", target: Number(target.index), withhold: ["attachments/0/name", "body"] });
    const audit = (await auditRows(noticeId)).at(-1)!;
    expect(audit).toMatchObject({ action: "notice.redact", actorUserId: actors.admin!.id });
  });
});
