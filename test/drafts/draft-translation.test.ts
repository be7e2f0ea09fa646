/**
 * A new notice's draft that names the notice it translates, against a real database as the
 * application role: saving checks the id (syntax, existence) and stores it; publishing records
 * the link and its audit event in the transaction that writes the version, or, when the link
 * cannot be made, writes nothing at all and leaves the draft unpublished. A clerk links only to
 * notices of agencies they publish for.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/server/api/errors";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createDraft } from "@/lib/server/drafts/create-draft";
import { getDraft } from "@/lib/server/drafts/get-draft";
import { publishDraft } from "@/lib/server/drafts/publish-draft";
import { saveDraft } from "@/lib/server/drafts/save-draft";
import { listTranslations } from "@/lib/server/translations/list-translations";
import { TRANSLATION_OF_INVALID, TRANSLATION_OF_UNKNOWN, TranslationOfRefused } from "@/lib/server/translations/translation-of";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";

let database: TestDatabase;
let prisma: PrismaClient;
let clerkA: Actor;
let clerkB: Actor;

const ZH = { title: "关于测试的公告", number: "测规〔2026〕1号", category: "planning", language: "zh-CN", effectiveDate: "2026-12-01", body: "正文。" };
const EN = { title: "Notice on the test", number: "", category: "planning", language: "en", effectiveDate: "2026-12-01", body: "Body." };

async function refusal(action: () => Promise<unknown>): Promise<ApiError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A draft of `agencyId` saved with `fields` (and the typed original); its id and revision. */
async function draft(clerk: Actor, agencyId: string, fields: object, translationOf?: string): Promise<{ id: string; revision: number }> {
  const { id } = await createDraft({ db: prisma, actor: clerk }, { agencyId });
  const saved = await saveDraft({ db: prisma, actor: clerk }, { draftId: id, revision: 0, fields, translationOf });
  return { id, revision: saved.draft.revision };
}

async function publishNew(clerk: Actor, agencyId: string, fields: object, translationOf?: string): Promise<string> {
  const { id, revision } = await draft(clerk, agencyId, fields, translationOf);
  return (await publishDraft({ db: prisma, actor: clerk }, { draftId: id, revision })).noticeId;
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
  [clerkA, clerkB] = [(await loadActor(prisma, a.id))!, (await loadActor(prisma, b.id))!];
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("a draft published as a translation", () => {
  it("is checked when saved: a malformed id is a 400, an unknown one a 404, and neither is stored", async () => {
    const original = await publishNew(clerkA, "agency-a", ZH);
    const { id } = await createDraft({ db: prisma, actor: clerkA }, { agencyId: "agency-a" });
    const malformed = await refusal(() => saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0, fields: EN, translationOf: "HP 1" }));
    expect([malformed.status, malformed.message]).toEqual([400, TRANSLATION_OF_INVALID]);
    const unknown = await refusal(() => saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0, fields: EN, translationOf: "NO-SUCH-NOTICE" }));
    expect([unknown.status, unknown.message]).toEqual([404, TRANSLATION_OF_UNKNOWN]);
    expect((await getDraft(prisma, clerkA, id)).draft).toMatchObject({ revision: 0, translationOf: null });
    const saved = await saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 0, fields: EN, translationOf: ` ${original} ` });
    expect(saved.draft.translationOf).toBe(original);
    // Absent leaves it as stored; empty clears it.
    expect((await saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 1, fields: EN })).draft.translationOf).toBe(original);
    expect((await saveDraft({ db: prisma, actor: clerkA }, { draftId: id, revision: 2, fields: EN, translationOf: "" })).draft.translationOf).toBeNull();
    // An amendment keeps what its notice is: it cannot name an original.
    const amend = await createDraft({ db: prisma, actor: clerkA }, { noticeId: original, kind: "amend" });
    expect((await refusal(() => saveDraft({ db: prisma, actor: clerkA }, { draftId: amend.id, revision: 0, fields: ZH, translationOf: original }))).status).toBe(400);
  });

  it("records the link and its audit event in the transaction that publishes the version", async () => {
    const original = await publishNew(clerkA, "agency-a", ZH);
    const translation = await publishNew(clerkA, "agency-a", EN, original);
    expect(await listTranslations(prisma, original)).toEqual([{ id: translation, language: "en", title: EN.title }]);
    expect(await listTranslations(prisma, translation)).toEqual([{ id: original, language: "zh-CN", title: ZH.title }]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "notice.translation", subject: translation } });
    expect(event).toMatchObject({ actorUserId: clerkA.id, detail: expect.objectContaining({ originalId: original, language: "en", originalLanguage: "zh-CN" }) });
    // One transaction wrote the version, the link, both audit events and the draft's publication.
    const [row] = await prisma.$queryRaw<{ version: string; link: string; publish: string; linked: string; draft: string }[]>`
      SELECT (SELECT xmin::text FROM notice_version WHERE notice_id = ${translation}) AS version,
             (SELECT xmin::text FROM notice_translation WHERE translation_id = ${translation}) AS link,
             (SELECT xmin::text FROM audit_event WHERE action = 'notice.publish' AND subject = ${translation}) AS publish,
             (SELECT xmin::text FROM audit_event WHERE action = 'notice.translation' AND subject = ${translation}) AS linked,
             (SELECT xmin::text FROM notice_draft WHERE published_notice_id = ${translation}) AS draft`;
    expect(row!.version).toBeTruthy();
    expect(new Set(Object.values(row!))).toEqual(new Set([row!.version]));
  });

  it("is refused whole when the link cannot be made: no version, no link, the draft unpublished and unchanged", async () => {
    const original = await publishNew(clerkA, "agency-a", ZH);
    const sameLanguage = await draft(clerkA, "agency-a", { ...ZH, title: "同语言" }, original);
    const versionsBefore = await prisma.noticeVersion.count();
    const refused = await refusal(() => publishDraft({ db: prisma, actor: clerkA }, { draftId: sameLanguage.id, revision: sameLanguage.revision }));
    expect(refused).toBeInstanceOf(TranslationOfRefused);
    expect([refused.status, refused.message]).toEqual([400, "both notices are in zh-CN: a translation is in another language"]);
    expect(await prisma.noticeVersion.count()).toBe(versionsBefore);
    expect(await prisma.noticeTranslation.count({ where: { originalId: original } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "notice.publish", detail: { path: ["title"], equals: "同语言" } } })).toBe(0);
    expect((await getDraft(prisma, clerkA, sameLanguage.id)).draft).toMatchObject({ published: null, revision: sameLanguage.revision, translationOf: original });

    // The original already has an English translation: a second one is refused the same way.
    await publishNew(clerkA, "agency-a", EN, original);
    const second = await draft(clerkA, "agency-a", { ...EN, title: "Second" }, original);
    const taken = await refusal(() => publishDraft({ db: prisma, actor: clerkA }, { draftId: second.id, revision: second.revision }));
    expect([taken.status, taken.message]).toEqual([409, expect.stringMatching(new RegExp(`^notice ${original} already has a translation in en`))]);
    expect(await prisma.noticeTranslation.count({ where: { originalId: original } })).toBe(1);
    expect((await getDraft(prisma, clerkA, second.id)).draft).toMatchObject({ published: null, revision: second.revision });
    // Without the id, the same draft publishes.
    const cleared = await saveDraft({ db: prisma, actor: clerkA }, { draftId: second.id, revision: second.revision, fields: { ...EN, title: "Second" }, translationOf: "" });
    expect((await publishDraft({ db: prisma, actor: clerkA }, { draftId: second.id, revision: cleared.draft.revision })).version).toBe(1);
  });

  it("lets a clerk link only to a notice of an agency they publish for", async () => {
    const original = await publishNew(clerkA, "agency-a", ZH);
    const foreign = await draft(clerkB, "agency-b", EN, original);
    const versionsBefore = await prisma.noticeVersion.count();
    const refused = await refusal(() => publishDraft({ db: prisma, actor: clerkB }, { draftId: foreign.id, revision: foreign.revision }));
    expect(refused).toBeInstanceOf(TranslationOfRefused);
    expect(refused.status).toBe(403);
    expect(await prisma.noticeVersion.count()).toBe(versionsBefore);
    expect(await prisma.noticeTranslation.count({ where: { originalId: original } })).toBe(0);
    expect((await getDraft(prisma, clerkB, foreign.id)).draft).toMatchObject({ published: null });
  });
});
