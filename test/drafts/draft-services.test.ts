/**
 * The draft services against a real database: authorization per agency, the revision check,
 * attachments checked by content and size when uploaded (and kept while fields are invalid),
 * publishing exactly once with the version and its audit event, amendments and corrections.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAdminDashboard } from "@/lib/server/admin/get-admin-dashboard";
import { getAdminNotice } from "@/lib/server/admin/get-admin-notice";
import { ApiError } from "@/lib/server/api/errors";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createDraft } from "@/lib/server/drafts/create-draft";
import { deleteDraft } from "@/lib/server/drafts/delete-draft";
import { getDraft } from "@/lib/server/drafts/get-draft";
import { listDrafts } from "@/lib/server/drafts/list-drafts";
import { publishDraft } from "@/lib/server/drafts/publish-draft";
import { amendNotice } from "@/lib/server/publishing/amend-notice";
import { saveDraft } from "@/lib/server/drafts/save-draft";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";

// Read once by lib/server/env.ts: a small limit so the size check is cheap to exercise.
process.env.ATTACHMENT_MAX_BYTES = "4096";

let database: TestDatabase;
let prisma: PrismaClient;
let clerkA: Actor;
let clerkB: Actor;
let admin: Actor;

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
const FIELDS = { title: "关于测试的公告", number: "测规〔2026〕1号", category: "planning", language: "zh-CN", effectiveDate: "2026-12-01", body: "# 正文\n\n内容。" };

async function refusal(action: () => Promise<unknown>): Promise<number> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function auditCount(action: string, subject?: string): Promise<number> {
  return prisma.auditEvent.count({ where: { action, ...(subject ? { subject } : {}) } });
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [
    { id: "agency-a", nameZh: "甲局", nameEn: "A" },
    { id: "agency-b", nameZh: "乙局", nameEn: "B" },
  ]);
  const a = await createUser(prisma, { email: "a@example.org", name: "A", password: "correct horse battery", role: "clerk", agencyIds: ["agency-a"] });
  const b = await createUser(prisma, { email: "b@example.org", name: "B", password: "correct horse battery", role: "clerk", agencyIds: ["agency-b"] });
  const c = await createUser(prisma, { email: "c@example.org", name: "C", password: "correct horse battery", role: "administrator" });
  [clerkA, clerkB, admin] = [(await loadActor(prisma, a.id))!, (await loadActor(prisma, b.id))!, (await loadActor(prisma, c.id))!];
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("draft services", () => {
  it("let a clerk draft only for their own agencies: 403 for another agency's clerk or an administrator, 401 anonymous", async () => {
    const { id } = await createDraft({ db: prisma, actor: clerkA }, { agencyId: "agency-a" });
    expect(await refusal(() => createDraft({ db: prisma, actor: clerkA }, { agencyId: "agency-b" }))).toBe(403);
    expect(await refusal(() => createDraft({ db: prisma, actor: admin }, { agencyId: "agency-a" }))).toBe(403);
    expect(await refusal(() => createDraft({ db: prisma, actor: null }, { agencyId: "agency-a" }))).toBe(401);
    expect(await refusal(() => getDraft(prisma, clerkB, id))).toBe(403);
    expect(await refusal(() => saveDraft({ db: prisma, actor: clerkB }, { draftId: id, revision: 0, fields: { title: "x" } }))).toBe(403);
    expect(await refusal(() => publishDraft({ db: prisma, actor: clerkB }, { draftId: id, revision: 0 }))).toBe(403);
    expect(await refusal(() => deleteDraft({ db: prisma, actor: clerkB }, { draftId: id, revision: 0 }))).toBe(403);
    expect(await refusal(() => getDraft(prisma, clerkA, "00000000-0000-0000-0000-000000000000"))).toBe(404);
    expect((await listDrafts(prisma, clerkB)).map((d) => d.id)).not.toContain(id);
    expect((await listDrafts(prisma, clerkA)).map((d) => d.id)).toContain(id);
    expect(await auditCount("draft.create", id)).toBe(1);
  });

  it("keep invalid fields and store good attachments at once, refusing files by content and by size", async () => {
    const { id } = await createDraft({ db: prisma, actor: clerkA }, { agencyId: "agency-a" });
    const saved = await saveDraft(
      { db: prisma, actor: clerkA },
      {
        draftId: id,
        revision: 0,
        fields: { title: "", category: "规", body: "<script>x</script>" },
        add: [
          { fileName: "plan.pdf", content: PDF },
          { fileName: "fake.pdf", content: new TextEncoder().encode("just text, not a PDF") },
          { fileName: "big.pdf", content: new Uint8Array(5000).fill(0x25) },
          { fileName: "page.html", content: new TextEncoder().encode("<html></html>") },
        ],
      },
    );
    expect(saved.draft.revision).toBe(1);
    expect(saved.draft.fields).toEqual({ title: "", category: "规", body: "<script>x</script>" });
    expect(saved.draft.attachments.map((a) => a.fileName)).toEqual(["plan.pdf"]);
    expect(saved.draft.attachments[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.rejected).toEqual([
      { fileName: "fake.pdf", problem: "content-mismatch" },
      { fileName: "big.pdf", problem: "too-large" },
      { fileName: "page.html", problem: "type-not-allowed" },
    ]);
    expect(await refusal(() => saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 1, fields: { colour: "red" } }))).toBe(400);
    expect(await refusal(() => publishDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 1 }))).toBe(400);
    expect((await getDraft(prisma, clerkA, id)).draft.published).toBeNull();
  });

  it("refuse a reason in a new notice's draft (only a revision states one) and drop the blank reason inputs", async () => {
    const { id } = await createDraft({ db: prisma, actor: clerkA }, { agencyId: "agency-a" });
    expect(await refusal(() => saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0, fields: { ...FIELDS, reason: "无" } }))).toBe(400);
    const saved = await saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0, fields: { ...FIELDS, reason: " ", reasonDetail: "" } });
    expect(saved.draft.fields).toEqual(FIELDS);
    await deleteDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 1 });
  });

  it("refuse a save based on an older revision (409) and keep what the first clerk saved", async () => {
    const { id } = await createDraft({ db: prisma, actor: clerkA }, { agencyId: "agency-a" });
    await saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0, fields: { title: "first" } });
    expect(
      await refusal(() => saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0, fields: { title: "second" }, add: [{ fileName: "a.pdf", content: PDF }] })),
    ).toBe(409);
    const { draft } = await getDraft(prisma, clerkA, id);
    expect([draft.fields.title, draft.revision, draft.attachments.length]).toEqual(["first", 1, 0]);
    expect(await refusal(() => deleteDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0 }))).toBe(409);
    await deleteDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 1 });
    expect(await refusal(() => getDraft(prisma, clerkA, id))).toBe(404);
    expect(await auditCount("draft.delete", id)).toBe(1);
  });

  let noticeId = "";

  it("publish a complete draft once: one version with its attachment and audit event, the draft marked and read-only", async () => {
    const { id } = await createDraft({ db: prisma, actor: clerkA }, { agencyId: "agency-a" });
    await saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0, fields: FIELDS, add: [{ fileName: "plan.pdf", content: PDF }] });
    expect(await refusal(() => publishDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0 }))).toBe(409);
    const published = await publishDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 1 });
    noticeId = published.noticeId;
    expect(published.version).toBe(1);
    const versions = await prisma.noticeVersion.findMany({ where: { noticeId }, include: { attachments: true } });
    expect(versions.map((v) => [v.version, v.kind, (v.fields as Record<string, string>).title, v.attachments.map((a) => a.fileName)])).toEqual([
      [1, "publish", FIELDS.title, ["plan.pdf"]],
    ]);
    expect(await auditCount("notice.publish", noticeId)).toBe(1);
    const { draft } = await getDraft(prisma, clerkA, id);
    expect(draft.published).toMatchObject({ noticeId, version: 1 });
    expect(await refusal(() => publishDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: draft.revision }))).toBe(409);
    expect(await refusal(() => saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: draft.revision, fields: {} }))).toBe(409);
    expect(await prisma.noticeVersion.count({ where: { noticeId } })).toBe(1);
    await expect(database.client.query("UPDATE notice_draft SET fields = '{}' WHERE id = $1", [id])).rejects.toThrow(/published draft/);
    await expect(database.client.query("DELETE FROM draft_attachment WHERE draft_id = $1", [id])).rejects.toThrow(/published draft/);
  });

  it("refuse to publish a draft whose title holds a text-direction override (400), publishing nothing", async () => {
    const { id } = await createDraft({ db: prisma, actor: clerkA }, { agencyId: "agency-a" });
    // Saving keeps it (a draft holds unfinished work); publishing is the boundary.
    const saved = await saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0, fields: { ...FIELDS, title: "\u202E告公试测" } });
    const before = await prisma.noticeVersion.count();
    await expect(publishDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: saved.draft.revision })).rejects.toMatchObject({
      code: "bad-request",
      message: expect.stringContaining("text-direction"),
    });
    expect(await prisma.noticeVersion.count()).toBe(before);
  });

  it("amend and correct from the current version, prefilled, attachments kept unless changed; a stale base is a 409", async () => {
    expect(await refusal(() => createDraft({ db: prisma, actor: clerkB }, { noticeId, kind: "amend" }))).toBe(403);
    const amend = await createDraft({ db: prisma, actor: clerkA }, { noticeId, kind: "amend" });
    const view = await getDraft(prisma, clerkA, amend.id);
    expect(view.draft.fields).toEqual(FIELDS);
    expect([view.draft.kind, view.draft.baseVersion, view.draft.attachments.map((a) => a.fileName)]).toEqual(["amend", 1, ["plan.pdf"]]);
    expect(view.base?.version.version).toBe(1);
    // Without a reason an amendment is not published; with one, the reason is logged with it.
    await saveDraft({ db: prisma, actor: clerkA }, { draftId: amend.id, revision: 0, fields: { ...FIELDS, title: "关于测试的公告（修订）" } });
    await expect(publishDraft({ db: prisma, actor: clerkA }, { draftId: amend.id, revision: 1 })).rejects.toMatchObject({ code: "bad-request", message: "reason: required" });
    await saveDraft(
      { db: prisma, actor: clerkA },
      { draftId: amend.id, revision: 1, fields: { ...FIELDS, title: "关于测试的公告（修订）", reason: "应公众要求修改标题。", reasonDetail: "" } },
    );
    expect(await publishDraft({ db: prisma, actor: clerkA }, { draftId: amend.id, revision: 2 })).toEqual({ noticeId, version: 2 });
    expect((await prisma.noticeVersion.findFirstOrThrow({ where: { noticeId, version: 2 } })).fields).toEqual({
      ...FIELDS,
      title: "关于测试的公告（修订）",
      reason: "应公众要求修改标题。",
    });
    // A draft goes stale when a version is added without it (here through the API's amendment).
    const stale = await createDraft({ db: prisma, actor: clerkA }, { noticeId, kind: "correct" });
    await amendNotice(
      { db: prisma, actor: clerkA },
      { noticeId, kind: "amend", baseVersion: 2, reason: "测试原因。", fields: { ...FIELDS, title: "关于测试的公告（再修订）" }, attachments: "keep" },
    );
    await saveDraft({ db: prisma, actor: clerkA }, { draftId: stale.id, revision: 0, fields: { ...FIELDS, reason: "更正。" } });
    expect(await refusal(() => publishDraft({ db: prisma, actor: clerkA }, { draftId: stale.id, revision: 1 }))).toBe(409);
    await deleteDraft({ db: prisma, actor: clerkA }, { draftId: stale.id, revision: 1 });

    const correct = await createDraft({ db: prisma, actor: clerkA }, { noticeId, kind: "correct" });
    const { draft } = await getDraft(prisma, clerkA, correct.id);
    // The current version's reason is its own: the next revision starts without one.
    expect(draft.fields).not.toHaveProperty("reason");
    await saveDraft(
      { db: prisma, actor: clerkA },
      {
        draftId: correct.id,
        revision: 0,
        fields: { ...draft.fields, effectiveDate: "2026-12-02", reason: "生效日期有误。" },
        remove: [draft.attachments[0]!.id],
        add: [{ fileName: "notes.txt", content: new TextEncoder().encode("更正说明") }],
      },
    );
    expect(await publishDraft({ db: prisma, actor: clerkA }, { draftId: correct.id, revision: 1 })).toEqual({ noticeId, version: 4 });
    const versions = await prisma.noticeVersion.findMany({ where: { noticeId }, orderBy: { version: "asc" }, include: { attachments: { orderBy: { position: "asc" } } } });
    expect(versions.map((v) => [v.version, v.kind, v.attachments.map((a) => a.fileName)])).toEqual([
      [1, "publish", ["plan.pdf"]],
      [2, "amend", ["plan.pdf"]],
      [3, "amend", ["plan.pdf"]],
      [4, "correct", ["notes.txt"]],
    ]);
    expect(versions[1]!.attachments[0]!.sha256).toBe(versions[0]!.attachments[0]!.sha256);
    expect([await auditCount("notice.amend", noticeId), await auditCount("notice.correct", noticeId)]).toEqual([2, 1]);
  });

  it("open the notice's existing unpublished draft on a second Amend or Correct, by any clerk of the agency, even when pressed twice at once", async () => {
    const clerkA2 = (await loadActor(
      prisma,
      (await createUser(prisma, { email: "a2@example.org", name: "A2", password: "correct horse battery", role: "clerk", agencyIds: ["agency-a"] })).id,
    ))!;
    const first = await createDraft({ db: prisma, actor: clerkA }, { noticeId, kind: "amend" });
    expect(first.existing).toBeUndefined();
    expect(await createDraft({ db: prisma, actor: clerkA }, { noticeId, kind: "amend" })).toEqual({ id: first.id, existing: "amend" });
    // The other kind opens it too, saying what it is; so does another clerk of the same agency.
    expect(await createDraft({ db: prisma, actor: clerkA }, { noticeId, kind: "correct" })).toEqual({ id: first.id, existing: "amend" });
    expect(await createDraft({ db: prisma, actor: clerkA2 }, { noticeId, kind: "correct" })).toEqual({ id: first.id, existing: "amend" });
    expect(await prisma.noticeDraft.count({ where: { noticeId, publishedAt: null } })).toBe(1);
    expect(await auditCount("draft.create", first.id)).toBe(1);

    // A published draft does not count: the next press starts a new one from the new version.
    await saveDraft({ db: prisma, actor: clerkA }, { draftId: first.id, revision: 0, fields: { ...FIELDS, title: "关于测试的公告（三改）", reason: "再次修改标题。" } });
    expect((await publishDraft({ db: prisma, actor: clerkA }, { draftId: first.id, revision: 1 })).version).toBe(5);
    const [x, y] = await Promise.all([
      createDraft({ db: prisma, actor: clerkA }, { noticeId, kind: "correct" }),
      createDraft({ db: prisma, actor: clerkA2 }, { noticeId, kind: "amend" }),
    ]);
    expect(x.id).toBe(y.id);
    expect(x.id).not.toBe(first.id);
    expect([x.existing, y.existing].filter(Boolean)).toHaveLength(1);
    expect(await prisma.noticeDraft.count({ where: { noticeId, publishedAt: null } })).toBe(1);
    expect((await getDraft(prisma, clerkA, x.id)).draft.baseVersion).toBe(5);
    await deleteDraft({ db: prisma, actor: clerkA }, { draftId: x.id, revision: 0 });
  });

  it("show a notice's staff page to its agency's clerks and administrators only, and list drafts and pending notices on the dashboard", async () => {
    expect(await refusal(() => getAdminNotice(prisma, clerkB, noticeId))).toBe(403);
    expect(await refusal(() => getAdminNotice(prisma, null, noticeId))).toBe(401);
    expect(await getAdminNotice(prisma, clerkA, noticeId)).toMatchObject({ canEdit: true, canRedact: false });
    expect(await getAdminNotice(prisma, admin, noticeId)).toMatchObject({ canEdit: false, canRedact: true });
    const dashboard = await getAdminDashboard(prisma, clerkA);
    // Nothing is committed in this database, so every notice is pending.
    expect(dashboard.pending.map((n) => n.id)).toContain(noticeId);
    expect(dashboard.published).toEqual([]);
    expect(dashboard.drafts.length).toBeGreaterThan(0);
    expect(dashboard.drafts.every((d) => d.agencyId === "agency-a")).toBe(true);
    expect((await getAdminDashboard(prisma, clerkB)).pending).toEqual([]);
  });
});
