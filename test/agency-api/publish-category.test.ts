/**
 * The agency API checks a notice's category against the vocabulary (lib/shared/categories): an unknown
 * one is a 400 `{error:{code,message}}` naming the field, nothing is published; a label in either
 * language, or an older name, is logged as the entry's slug.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { Actor } from "@/lib/server/auth/authorize";
import { createApiToken } from "@/lib/server/auth/tokens/create-api-token";
import { authenticateApiToken, type TokenPrincipal } from "@/lib/server/auth/tokens/authenticate-api-token";
import { publishFromApi } from "@/lib/server/api/agency/publish-from-api";
import { errorResponse } from "@/lib/server/api/respond";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";

let database: TestDatabase;
let prisma: PrismaClient;
let principal: TokenPrincipal;
const admin: Actor = { id: "admin-1", email: "admin@example.org", name: "Admin", role: "administrator", agencyIds: [] };

const request = (category: string) => ({
  fields: { title: `类别 ${category}`, category, language: "zh-CN", effectiveDate: "2026-11-24", body: "正文" },
  attachments: [],
});

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [{ id: "agency-a", nameZh: "甲局", nameEn: "Agency A" }]);
  const token = await createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: "A system" });
  principal = await authenticateApiToken(prisma, `Bearer ${token.secret}`);
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("a notice's category through the agency API", () => {
  it("refuses a category outside the vocabulary with a 400 naming it, and publishes nothing", async () => {
    let answer: Response | null = null;
    try {
      await publishFromApi(prisma, principal, { idempotencyKey: "unknown-category", request: request("街道节庆") });
    } catch (error) {
      answer = errorResponse(error);
    }
    expect(answer?.status).toBe(400);
    const body = await answer!.json();
    expect(body).toEqual({ error: { code: "bad-request", message: expect.stringMatching(/^category: is not a category of the vocabulary/) } });
    expect(await prisma.notice.count()).toBe(0);
  });

  it("logs the slug for a label in either language or an older name", async () => {
    for (const [key, category, slug] of [
      ["zh", "环境影响评价", "eia"],
      ["en", "Government procurement", "procurement"],
      ["old", "信息公开", "information"],
      ["slug", "budget", "budget"],
    ]) {
      const answer = await publishFromApi(prisma, principal, { idempotencyKey: `category-${key}`, request: request(category!) });
      expect(answer.status).toBe(201);
      const version = await prisma.noticeVersion.findFirstOrThrow({ where: { noticeId: answer.body.id as string } });
      expect((version.fields as Record<string, string>).category, category).toBe(slug);
    }
  });
});
