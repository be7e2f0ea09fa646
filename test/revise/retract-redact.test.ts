/**
 * Retract and redact through the publishing services, as the admin pages call them: who may
 * (a clerk of the notice's agency; an administrator), what is refused and with which status,
 * and what each writes — the version or redaction, and its audit event, together.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRedactionChoices } from "@/lib/server/admin/get-redaction-choices";
import { getRetractionTarget } from "@/lib/server/admin/get-retraction-target";
import { ApiError } from "@/lib/server/api/errors";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { getNotice } from "@/lib/server/notices/get-notice";
import { amendNotice } from "@/lib/server/publishing/amend-notice";
import { publishNotice } from "@/lib/server/publishing/publish-notice";
import { redactNoticeVersion } from "@/lib/server/publishing/redact-notice-version";
import { retractNotice } from "@/lib/server/publishing/retract-notice";
import { setUp, testLogConfig } from "../log-service/fixtures";
import { addAgencies } from "@/test/db/agencies";

const config = testLogConfig();
const BASIS = "《中华人民共和国个人信息保护法》第十三条";
const ORIGIN = { ip: "203.0.113.7", userAgent: "vitest" };
const FIELDS = {
  title: "关于滨海路拓宽的公示",
  number: "海规〔2026〕7号",
  category: "城乡规划",
  language: "zh-CN",
  effectiveDate: "2026-03-01",
  body: "联系人：张三 0000-6123401。",
};
let ctx: Awaited<ReturnType<typeof setUp>>;
const actors: Record<"clerkA" | "clerkB" | "admin" | "auditor", Actor> = {} as never;

/** The HTTP status a service call is refused with ("ok" when it is not refused). */
async function status(call: () => Promise<unknown>): Promise<number | "ok"> {
  try {
    await call();
    return "ok";
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

async function publish(fields: Record<string, string> = FIELDS): Promise<string> {
  const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
  const { noticeId } = await publishNotice({ db: ctx.prisma, actor: actors.clerkA }, { agencyId: "hp-planning", fields, attachments: [{ fileName: "名单.pdf", content: pdf }] });
  return noticeId;
}

const versionCount = async (noticeId: string) => ctx.prisma.noticeVersion.count({ where: { noticeId } });
const auditEvents = (action: string, subject: string) => ctx.prisma.auditEvent.findMany({ where: { action, subject } });

beforeAll(async () => {
  ctx = await setUp();
  // publishNotice reads the attachment limit from the environment, which needs a database URL.
  process.env.DATABASE_URL ??= ctx.database.url;
  await addAgencies(ctx.prisma, [{ id: "hp-finance", nameZh: "海平市财政局", nameEn: "Haiping Finance Bureau" }]);
  const people = [
    { key: "clerkA", role: "clerk", agencyIds: ["hp-planning"] },
    { key: "clerkB", role: "clerk", agencyIds: ["hp-finance"] },
    { key: "admin", role: "administrator" },
    { key: "auditor", role: "auditor" },
  ] as const;
  for (const p of people) {
    const agencyIds = "agencyIds" in p ? [...p.agencyIds] : undefined;
    const { id } = await createUser(ctx.prisma, { email: `${p.key.toLowerCase()}@example.org`, name: p.key, password: "correct horse battery", role: p.role, agencyIds });
    actors[p.key] = (await loadActor(ctx.prisma, id))!;
  }
});
afterAll(() => ctx.tearDown());

describe("retract", () => {
  it("refuses anonymous visitors (401), clerks of another agency, administrators and auditors (403), and writes nothing", async () => {
    const noticeId = await publish();
    const input = { noticeId, baseVersion: 1, reason: "误发" };
    expect(await status(() => retractNotice({ db: ctx.prisma, actor: null }, input))).toBe(401);
    expect(await status(() => retractNotice({ db: ctx.prisma, actor: actors.clerkB }, input))).toBe(403);
    expect(await status(() => retractNotice({ db: ctx.prisma, actor: actors.admin }, input))).toBe(403);
    expect(await status(() => retractNotice({ db: ctx.prisma, actor: actors.auditor }, input))).toBe(403);
    expect(await versionCount(noticeId)).toBe(1);
    expect(await auditEvents("notice.retract", noticeId)).toEqual([]);
  });

  it("answers an empty, blank or overlong reason with 400", async () => {
    const noticeId = await publish();
    for (const reason of ["", "   \n ", "x".repeat(2001), undefined, 42]) {
      expect(await status(() => retractNotice({ db: ctx.prisma, actor: actors.clerkA }, { noticeId, baseVersion: 1, reason })), String(reason).slice(0, 10)).toBe(400);
    }
    expect(await versionCount(noticeId)).toBe(1);
  });

  it("answers a stale base version with 409 and keeps the newer version current", async () => {
    const noticeId = await publish();
    await amendNotice(
      { db: ctx.prisma, actor: actors.clerkA },
      { noticeId, kind: "amend", baseVersion: 1, reason: "测试原因。", fields: { ...FIELDS, body: "修订。" }, attachments: "keep" },
    );
    expect(await status(() => retractNotice({ db: ctx.prisma, actor: actors.clerkA }, { noticeId, baseVersion: 1, reason: "误发" }))).toBe(409);
    expect(await versionCount(noticeId)).toBe(2);
    expect(await status(() => retractNotice({ db: ctx.prisma, actor: actors.clerkA }, { noticeId, baseVersion: 2, reason: "误发" }))).toBe("ok");
  });

  it("appends a retract version with the title and reason, records who did it, and refuses a second retraction (409)", async () => {
    const noticeId = await publish();
    const result = await retractNotice({ db: ctx.prisma, actor: actors.clerkA, origin: ORIGIN }, { noticeId, baseVersion: 1, reason: "  发布对象有误，另行公示。 " });
    expect(result).toEqual({ noticeId, version: 2 });
    const notice = await getNotice(ctx.prisma, noticeId);
    expect(notice.versions.map((v) => v.kind)).toEqual(["publish", "retract"]);
    expect(notice.versions[1]!.fields).toEqual({ title: FIELDS.title, reason: "发布对象有误，另行公示。" });
    const [event, ...more] = await auditEvents("notice.retract", noticeId);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorUserId: actors.clerkA.id, ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(event!.detail).toEqual({ agencyId: "hp-planning", version: 2, baseVersion: 1, reason: "发布对象有误，另行公示。" });
    expect(await status(() => retractNotice({ db: ctx.prisma, actor: actors.clerkA }, { noticeId, baseVersion: 2, reason: "again" }))).toBe(409);
    await commitPending(ctx.prisma, config);
    expect((await getNotice(ctx.prisma, noticeId)).versions[1]!.log).not.toBeNull();
  });

  it("does not bring a withheld title back as the retraction's title", async () => {
    const noticeId = await publish({ ...FIELDS, title: "张三的拟聘公示" });
    await commitPending(ctx.prisma, config);
    await redactNoticeVersion({ db: ctx.prisma, actor: actors.admin }, { noticeId, version: 1, withhold: ["title"], basis: BASIS });
    await retractNotice({ db: ctx.prisma, actor: actors.clerkA }, { noticeId, baseVersion: 1, reason: "撤回" });
    const stored = await ctx.prisma.noticeVersion.findUniqueOrThrow({ where: { noticeId_version: { noticeId, version: 2 } } });
    expect(stored.fields).toEqual({ reason: "撤回" });
  });

  it("names a notice whose current title is withheld by its id on the admin pages, not by an earlier title", async () => {
    const noticeId = await publish();
    await amendNotice(
      { db: ctx.prisma, actor: actors.clerkA },
      { noticeId, kind: "correct", baseVersion: 1, reason: "测试原因。", fields: { ...FIELDS, title: "张三的拟聘公示" }, attachments: "keep" },
    );
    await commitPending(ctx.prisma, config);
    await redactNoticeVersion({ db: ctx.prisma, actor: actors.admin }, { noticeId, version: 2, withhold: ["title"], basis: BASIS });
    expect((await getRetractionTarget(ctx.prisma, actors.clerkA, noticeId)).title).toBe(noticeId);
    expect((await getRedactionChoices(ctx.prisma, actors.admin, noticeId)).title).toBe(noticeId);
    // Retracted on top of it: the retraction carries no title, and v1's is not the one in force.
    await retractNotice({ db: ctx.prisma, actor: actors.clerkA }, { noticeId, baseVersion: 2, reason: "撤回" });
    expect((await getRedactionChoices(ctx.prisma, actors.admin, noticeId)).title).toBe(noticeId);
  });

  it("shows the retract page's target only to clerks of the agency", async () => {
    const noticeId = await publish();
    expect(await getRetractionTarget(ctx.prisma, actors.clerkA, noticeId)).toMatchObject({
      noticeId,
      title: FIELDS.title,
      latestVersion: 1,
      latestKind: "publish",
      retracted: false,
    });
    expect(await status(() => getRetractionTarget(ctx.prisma, null, noticeId))).toBe(401);
    expect(await status(() => getRetractionTarget(ctx.prisma, actors.clerkB, noticeId))).toBe(403);
    expect(await status(() => getRetractionTarget(ctx.prisma, actors.admin, noticeId))).toBe(403);
    expect(await status(() => getRetractionTarget(ctx.prisma, actors.clerkA, "NO-SUCH-NOTICE"))).toBe(404);
  });
});

describe("redact", () => {
  it("lets only administrators redact: anonymous 401, clerks (even of the agency) and auditors 403", async () => {
    const noticeId = await publish();
    await commitPending(ctx.prisma, config);
    const input = { noticeId, version: 1, withhold: ["body"], basis: BASIS };
    expect(await status(() => redactNoticeVersion({ db: ctx.prisma, actor: null }, input))).toBe(401);
    expect(await status(() => redactNoticeVersion({ db: ctx.prisma, actor: actors.clerkA }, input))).toBe(403);
    expect(await status(() => redactNoticeVersion({ db: ctx.prisma, actor: actors.auditor }, input))).toBe(403);
    expect(await status(() => getRedactionChoices(ctx.prisma, actors.clerkA, noticeId))).toBe(403);
    expect(await status(() => getRedactionChoices(ctx.prisma, null, noticeId))).toBe(401);
    expect(await ctx.prisma.redaction.count({ where: { noticeVersion: { noticeId } } })).toBe(0);
    expect(await auditEvents("notice.redact", noticeId)).toEqual([]);
  });

  it("refuses a bad basis, no or unknown fields and unknown input keys with 400, and a pending version with 409", async () => {
    const noticeId = await publish();
    const input = { noticeId, version: 1, withhold: ["body"], basis: BASIS };
    expect(await status(() => redactNoticeVersion({ db: ctx.prisma, actor: actors.admin }, input))).toBe(409);
    await commitPending(ctx.prisma, config);
    for (const bad of [
      { ...input, basis: "第一行\n第二行" },
      { ...input, basis: "  " },
      { ...input, basis: "x".repeat(501) },
      { ...input, basis: "依据\u202E反转" },
      { ...input, withhold: [] },
      { ...input, withhold: ["phone"] },
      { ...input, withhold: ["attachments/1/name"] },
      { ...input, note: "unknown key" },
    ]) {
      expect(await status(() => redactNoticeVersion({ db: ctx.prisma, actor: actors.admin }, bad)), JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    expect(await status(() => redactNoticeVersion({ db: ctx.prisma, actor: actors.admin }, { ...input, version: 9 }))).toBe(404);
    expect(await ctx.prisma.redaction.count({ where: { noticeVersion: { noticeId } } })).toBe(0);
  });

  it("withholds the fields at once, records the administrator, and the committer logs a redact entry", async () => {
    const noticeId = await publish();
    await commitPending(ctx.prisma, config);
    const { redactionId } = await redactNoticeVersion(
      { db: ctx.prisma, actor: actors.admin, origin: ORIGIN },
      { noticeId, version: 1, withhold: ["number", "attachments/0/name"], basis: BASIS },
    );
    const [event] = await auditEvents("notice.redact", noticeId);
    expect(event).toMatchObject({ actorUserId: actors.admin.id, ip: ORIGIN.ip });
    expect(event!.detail).toEqual({ version: 1, withhold: ["number", "attachments/0/name"], basis: BASIS, redactionId });
    const served = (await getNotice(ctx.prisma, noticeId)).versions[0]!;
    expect(served.fields.number).toBeUndefined();
    expect(served.attachments[0]!.fileName).toBe("");
    await commitPending(ctx.prisma, config);
    const withheld = (await getNotice(ctx.prisma, noticeId)).versions[0]!.withheld;
    expect(withheld.map((w) => w.path).sort()).toEqual(["attachments/0/name", "number"]);
    expect(withheld.every((w) => w.logIndex !== null && w.basis === BASIS)).toBe(true);
    const entry = await ctx.prisma.logEntry.findFirstOrThrow({ where: { index: BigInt(withheld[0]!.logIndex!) } });
    expect(JSON.parse(Buffer.from(entry.leaf).toString("utf8"))).toMatchObject({ kind: "redact", notice: noticeId, basis: BASIS, withhold: ["attachments/0/name", "number"] });
  });

  it("lists each version's fields and attachment names for the administrator, withheld ones without their values", async () => {
    const noticeId = await publish({ ...FIELDS, body: "长".repeat(500) });
    await commitPending(ctx.prisma, config);
    await redactNoticeVersion({ db: ctx.prisma, actor: actors.admin }, { noticeId, version: 1, withhold: ["number"], basis: BASIS });
    const choices = await getRedactionChoices(ctx.prisma, actors.admin, noticeId);
    const [v1] = choices.versions;
    expect(v1!.logIndex).not.toBeNull();
    expect(v1!.paths.map((p) => p.path)).toEqual(["title", "number", "category", "language", "effectiveDate", "body", "attachments/0/name"]);
    expect(v1!.paths.find((p) => p.path === "number")).toMatchObject({ value: null, withheld: { basis: BASIS } });
    expect(v1!.paths.find((p) => p.path === "attachments/0/name")).toMatchObject({ value: "名单.pdf", attachment: 0, field: null });
    expect(v1!.paths.find((p) => p.path === "body")!.value).toHaveLength(201);
  });
});
