/**
 * Translation links on a real database, as the application role: a clerk links a notice as the
 * translation of another, both read it back (each the other), the audit trail records it, and
 * the pairs that make no sense are refused. The table is append-only and refuses a link without
 * its audit event; a link changes both notices' page generation, so cached pages are redrawn.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { Actor } from "@/lib/server/auth/authorize";
import { ApiError } from "@/lib/server/api/errors";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { linkTranslation } from "@/lib/server/translations/link-translation";
import { listTranslations } from "@/lib/server/translations/list-translations";
import { readNoticeGeneration } from "@/lib/server/cache/content-generation";
import { addAgencies } from "@/test/db/agencies";
import { setUp } from "../log-service/fixtures";

let prisma: PrismaClient;
let tearDown: () => Promise<void>;

const clerk: Actor = { id: "clerk-1", email: "clerk@example.org", name: "Clerk", role: "clerk", agencyIds: ["hp-planning"] };
const otherClerk: Actor = { id: "clerk-2", email: "other@example.org", name: "Other", role: "clerk", agencyIds: ["hp-land"] };

async function publish(id: string, language: "zh-CN" | "en", agencyId = "hp-planning"): Promise<void> {
  await recordNoticeVersion(prisma, {
    noticeId: id,
    agencyId,
    kind: "publish",
    fields: { title: language === "en" ? `Notice ${id}` : `公示 ${id}`, category: "planning", language, effectiveDate: "2026-01-01", body: "正文" },
  });
}

const refusal = async (work: () => Promise<unknown>): Promise<string> => {
  try {
    await work();
  } catch (error) {
    if (error instanceof ApiError) return `${error.status} ${error.message}`;
    throw error;
  }
  return "no refusal";
};

beforeAll(async () => {
  ({ prisma, tearDown } = await setUp());
  await addAgencies(prisma, [{ id: "hp-land", nameZh: "海平市自然资源局", nameEn: "Haiping Natural Resources Bureau" }]);
  await publish("ZH-1", "zh-CN");
  await publish("EN-1", "en");
  await publish("ZH-2", "zh-CN");
  await publish("EN-2", "en");
  await publish("EN-3", "en");
  await publish("LAND-EN", "en", "hp-land");
});
afterAll(async () => tearDown());

describe("translation links", () => {
  it("are stored when a clerk links a translation, read back from both notices, and audited", async () => {
    expect(await listTranslations(prisma, "ZH-1")).toEqual([]);
    const before = await Promise.all([readNoticeGeneration(prisma, "ZH-1"), readNoticeGeneration(prisma, "EN-1")]);
    await linkTranslation({ db: prisma, actor: clerk, origin: { ip: "192.0.2.9", userAgent: "test" } }, { translationId: "EN-1", originalId: " ZH-1 " });
    expect(await listTranslations(prisma, "ZH-1")).toEqual([{ id: "EN-1", language: "en", title: "Notice EN-1" }]);
    expect(await listTranslations(prisma, "EN-1")).toEqual([{ id: "ZH-1", language: "zh-CN", title: "公示 ZH-1" }]);
    expect(await listTranslations(prisma, "ZH-2")).toEqual([]);
    const row = await prisma.noticeTranslation.findUniqueOrThrow({ where: { translationId: "EN-1" } });
    expect([row.originalId, row.createdBy]).toEqual(["ZH-1", "clerk-1"]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "notice.translation", subject: "EN-1" } });
    expect(event).toMatchObject({ actorUserId: "clerk-1", ip: "192.0.2.9", detail: expect.objectContaining({ originalId: "ZH-1", language: "en", originalLanguage: "zh-CN" }) });
    const after = await Promise.all([readNoticeGeneration(prisma, "ZH-1"), readNoticeGeneration(prisma, "EN-1")]);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });

  it("refuses pairs that are no translation, links already made, and clerks of other agencies", async () => {
    expect(await refusal(() => linkTranslation({ db: prisma, actor: clerk }, { translationId: "ZH-2", originalId: "ZH-1" }))).toMatch(/^400 both notices are in zh-CN/);
    expect(await refusal(() => linkTranslation({ db: prisma, actor: clerk }, { translationId: "EN-2", originalId: "EN-2" }))).toMatch(/^400/);
    expect(await refusal(() => linkTranslation({ db: prisma, actor: clerk }, { translationId: "EN-2", originalId: "NOPE-1" }))).toMatch(/^404/);
    expect(await refusal(() => linkTranslation({ db: prisma, actor: clerk }, { translationId: "EN-1", originalId: "ZH-2" }))).toMatch(
      /^409 notice EN-1 is already a translation of ZH-1/,
    );
    expect(await refusal(() => linkTranslation({ db: prisma, actor: clerk }, { translationId: "EN-2", originalId: "ZH-1" }))).toMatch(
      /^409 notice ZH-1 already has a translation in en/,
    );
    expect(await refusal(() => linkTranslation({ db: prisma, actor: clerk }, { translationId: "ZH-2", originalId: "EN-1" }))).toMatch(
      /^409 notice EN-1 is itself a translation of ZH-1/,
    );
    expect(await refusal(() => linkTranslation({ db: prisma, actor: clerk }, { translationId: "ZH-1", originalId: "EN-3" }))).toMatch(
      /^409 notice ZH-1 has translations of its own/,
    );
    expect(await refusal(() => linkTranslation({ db: prisma, actor: clerk }, { translationId: "LAND-EN", originalId: "ZH-2" }))).toMatch(/^403/);
    expect(await refusal(() => linkTranslation({ db: prisma, actor: otherClerk }, { translationId: "LAND-EN", originalId: "ZH-2" }))).toMatch(/^403/);
    expect(await refusal(() => linkTranslation({ db: prisma, actor: null }, { translationId: "EN-2", originalId: "ZH-2" }))).toMatch(/^401/);
    expect(await prisma.noticeTranslation.count()).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "notice.translation" } })).toBe(1);
  });

  it("are append-only and need their audit event (database triggers)", async () => {
    await expect(prisma.noticeTranslation.deleteMany({ where: { translationId: "EN-1" } })).rejects.toThrow(/forbidden|permission denied/);
    await expect(prisma.noticeTranslation.updateMany({ where: { translationId: "EN-1" }, data: { originalId: "ZH-2" } })).rejects.toThrow(/forbidden|permission denied/);
    await expect(prisma.noticeTranslation.create({ data: { translationId: "EN-2", originalId: "ZH-2", createdBy: "clerk-1" } })).rejects.toThrow(/needs an audit event/);
    expect(await listTranslations(prisma, "ZH-1")).toEqual([{ id: "EN-1", language: "en", title: "Notice EN-1" }]);
  });
});
