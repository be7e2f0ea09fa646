/**
 * The agency API publishes a new notice as the translation of one of its agency's notices
 * (`translationOf`): the link and its audit event commit with the version; a link that cannot
 * be made is the service's `{error:{code,message}}` and nothing is published.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { Actor } from "@/lib/server/auth/authorize";
import { createApiToken } from "@/lib/server/auth/tokens/create-api-token";
import { authenticateApiToken, type TokenPrincipal } from "@/lib/server/auth/tokens/authenticate-api-token";
import { publishFromApi } from "@/lib/server/api/agency/publish-from-api";
import { parsePublishRequest } from "@/lib/server/api/agency/publish-request";
import { errorResponse } from "@/lib/server/api/respond";
import { listTranslations } from "@/lib/server/translations/list-translations";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";

let database: TestDatabase;
let prisma: PrismaClient;
let tokenA: TokenPrincipal;
let tokenB: TokenPrincipal;
const admin: Actor = { id: "admin-1", email: "admin@example.org", name: "Admin", role: "administrator", agencyIds: [] };

const fields = (language: "zh-CN" | "en", title: string) => ({ title, category: "planning", language, effectiveDate: "2026-11-24", body: "正文 / body" });

async function publish(principal: TokenPrincipal, key: string, request: { fields: object; translationOf?: string }): Promise<string> {
  return (await publishFromApi(prisma, principal, { idempotencyKey: key, request: { ...request, attachments: [] } })).body.id as string;
}

async function refused(principal: TokenPrincipal, key: string, request: { fields: object; translationOf?: string }): Promise<[number, { code: string; message: string }]> {
  try {
    await publish(principal, key, request);
  } catch (error) {
    const answer = errorResponse(error);
    return [answer.status, ((await answer.json()) as { error: { code: string; message: string } }).error];
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [
    { id: "agency-a", nameZh: "甲局", nameEn: "Agency A" },
    { id: "agency-b", nameZh: "乙局", nameEn: "Agency B" },
  ]);
  const a = await createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: "A system" });
  const b = await createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-b", label: "B system" });
  tokenA = await authenticateApiToken(prisma, `Bearer ${a.secret}`);
  tokenB = await authenticateApiToken(prisma, `Bearer ${b.secret}`);
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("translationOf through the agency API", () => {
  it("is read from the request body", async () => {
    const body = new TextEncoder().encode(JSON.stringify({ translationOf: "AGENCY-A-2026-ABCDEF", fields: {} }));
    expect((await parsePublishRequest("application/json", body, 4096)).translationOf).toBe("AGENCY-A-2026-ABCDEF");
  });

  it("links the new notice to the original in the publishing transaction, with its audit event", async () => {
    const original = await publish(tokenA, "zh-1", { fields: fields("zh-CN", "原文") });
    const translation = await publish(tokenA, "en-1", { fields: fields("en", "Translation"), translationOf: original });
    expect(await listTranslations(prisma, original)).toEqual([{ id: translation, language: "en", title: "Translation" }]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "notice.translation", subject: translation } });
    expect(event).toMatchObject({ actorUserId: tokenA.actor.id, detail: expect.objectContaining({ originalId: original }) });
  });

  it("refuses a link that cannot be made, and publishes nothing", async () => {
    const original = await publish(tokenA, "zh-2", { fields: fields("zh-CN", "原文二") });
    const notices = await prisma.notice.count();
    expect(await refused(tokenA, "bad-id", { fields: fields("en", "Bad id"), translationOf: "has space" })).toEqual([
      400,
      { code: "bad-request", message: "translationOf is not a notice id" },
    ]);
    expect(await refused(tokenA, "unknown", { fields: fields("en", "Unknown"), translationOf: "AGENCY-A-2026-NOSUCH" })).toEqual([
      404,
      { code: "not-found", message: "translationOf names no notice" },
    ]);
    expect((await refused(tokenB, "foreign", { fields: fields("en", "Foreign"), translationOf: original }))[0]).toBe(403);
    expect(await refused(tokenA, "same", { fields: fields("zh-CN", "同语言"), translationOf: original })).toEqual([
      400,
      { code: "bad-request", message: "both notices are in zh-CN: a translation is in another language" },
    ]);
    expect(await prisma.notice.count()).toBe(notices);
    expect(await prisma.noticeTranslation.count({ where: { originalId: original } })).toBe(0);
  });
});
