/**
 * A stale amend/correct draft against a real database: publishing it is refused with an error
 * naming the newer version, its date and its publisher; rebasing moves the draft's base to the
 * latest version keeping what the clerk typed, is refused for a published draft, another
 * agency's clerk or a revision moved on, and the rebased draft then publishes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/server/api/errors";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createDraft } from "@/lib/server/drafts/create-draft";
import { getDraft } from "@/lib/server/drafts/get-draft";
import { StaleDraftError } from "@/lib/server/drafts/newer-version";
import { publishDraft } from "@/lib/server/drafts/publish-draft";
import { rebaseDraft } from "@/lib/server/drafts/rebase-draft";
import { saveDraft } from "@/lib/server/drafts/save-draft";
import { amendNotice } from "@/lib/server/publishing/amend-notice";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";

let database: TestDatabase;
let prisma: PrismaClient;
let clerkA: Actor;
let clerkA2: Actor;
let clerkB: Actor;

const FIELDS = { title: "关于测试的公告", number: "测规〔2026〕1号", category: "planning", language: "zh-CN", effectiveDate: "2026-12-01", body: "# 正文\n\n内容。" };

async function status(action: () => Promise<unknown>): Promise<number> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function newNotice(): Promise<string> {
  const { id } = await createDraft({ db: prisma, actor: clerkA }, { agencyId: "agency-a" });
  await saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0, fields: FIELDS });
  return (await publishDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 1 })).noticeId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [
    { id: "agency-a", nameZh: "甲局", nameEn: "A" },
    { id: "agency-b", nameZh: "乙局", nameEn: "B" },
  ]);
  const a = await createUser(prisma, { email: "a@example.org", name: "Clerk A", password: "correct horse battery", role: "clerk", agencyIds: ["agency-a"] });
  const a2 = await createUser(prisma, { email: "a2@example.org", name: "Clerk Two", password: "correct horse battery", role: "clerk", agencyIds: ["agency-a"] });
  const b = await createUser(prisma, { email: "b@example.org", name: "Clerk B", password: "correct horse battery", role: "clerk", agencyIds: ["agency-b"] });
  [clerkA, clerkA2, clerkB] = [(await loadActor(prisma, a.id))!, (await loadActor(prisma, a2.id))!, (await loadActor(prisma, b.id))!];
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("a stale draft", () => {
  it("is refused naming the newer version; rebased it keeps the clerk's fields and publishes as the next version", async () => {
    const noticeId = await newNotice();
    const draft = await createDraft({ db: prisma, actor: clerkA }, { noticeId, kind: "amend" });
    const typed = { ...FIELDS, title: "关于测试的公告（甲修订）", body: "# 正文\n\n甲的修改。", reason: "甲的修订原因。" };
    await saveDraft({ db: prisma, actor: clerkA }, { draftId: draft.id, revision: 0, fields: typed });
    // Another clerk of the agency publishes version 2 behind the first clerk's back.
    await amendNotice(
      { db: prisma, actor: clerkA2 },
      { noticeId, kind: "correct", baseVersion: 1, reason: "测试原因。", fields: { ...FIELDS, effectiveDate: "2026-12-05" }, attachments: "keep" },
    );

    const refused = await publishDraft({ db: prisma, actor: clerkA }, { draftId: draft.id, revision: 1 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StaleDraftError);
    const newer = (refused as StaleDraftError).newer;
    expect(newer).toMatchObject({ noticeId, baseVersion: 1, version: 2, publishedBy: "Clerk Two" });
    expect(Date.parse(newer.publishedAt)).not.toBeNaN();
    expect((refused as StaleDraftError).status).toBe(409);
    expect(await prisma.noticeVersion.count({ where: { noticeId } })).toBe(2);

    // Refused: another agency's clerk, a revision that moved on, a version the clerk did not see.
    expect(await status(() => rebaseDraft({ db: prisma, actor: clerkB }, { draftId: draft.id, revision: 1, version: 2 }))).toBe(403);
    expect(await status(() => rebaseDraft({ db: prisma, actor: clerkA }, { draftId: draft.id, revision: 0, version: 2 }))).toBe(409);
    expect(await status(() => rebaseDraft({ db: prisma, actor: clerkA }, { draftId: draft.id, revision: 1, version: 3 }))).toBe(409);
    expect((await getDraft(prisma, clerkA, draft.id)).draft).toMatchObject({ baseVersion: 1, revision: 1, fields: typed });

    const rebased = await rebaseDraft({ db: prisma, actor: clerkA }, { draftId: draft.id, revision: 1, version: 2 });
    expect(rebased).toMatchObject({ baseVersion: 2, revision: 2, fields: typed });
    expect(await prisma.auditEvent.count({ where: { action: "draft.rebase", subject: draft.id } })).toBe(1);
    // Nothing left to rebase on.
    expect(await status(() => rebaseDraft({ db: prisma, actor: clerkA }, { draftId: draft.id, revision: 2, version: 2 }))).toBe(409);

    expect(await publishDraft({ db: prisma, actor: clerkA }, { draftId: draft.id, revision: 2 })).toEqual({ noticeId, version: 3 });
    const v3 = await prisma.noticeVersion.findUniqueOrThrow({ where: { noticeId_version: { noticeId, version: 3 } } });
    expect([v3.kind, (v3.fields as Record<string, string>).title, (v3.fields as Record<string, string>).body]).toEqual(["amend", typed.title, typed.body]);
    // Published: rebasing it is refused.
    expect(await status(() => rebaseDraft({ db: prisma, actor: clerkA }, { draftId: draft.id, revision: 3, version: 3 }))).toBe(409);
  });

  it("refuses to rebase a new notice's draft", async () => {
    const { id } = await createDraft({ db: prisma, actor: clerkA }, { agencyId: "agency-a" });
    expect(await status(() => rebaseDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0, version: 1 }))).toBe(400);
  });
});
