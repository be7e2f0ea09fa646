/**
 * The agency API in an agency that requires review: a token without the right to publish
 * directly gets a draft submitted for review (201 with its state), not a published notice; a
 * token created with that right publishes at once; a retried request finds the same draft; the
 * draft's state is readable by its own agency's tokens only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { Actor } from "@/lib/server/auth/authorize";
import { createApiToken } from "@/lib/server/auth/tokens/create-api-token";
import { authenticateApiToken, type TokenPrincipal } from "@/lib/server/auth/tokens/authenticate-api-token";
import { publishFromApi } from "@/lib/server/api/agency/publish-from-api";
import { getSubmittedDraft } from "@/lib/server/api/agency/get-submitted-draft";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { errorResponse } from "@/lib/server/api/respond";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";

let database: TestDatabase;
let prisma: PrismaClient;
let reviewed: TokenPrincipal;
let direct: TokenPrincipal;
let other: TokenPrincipal;
let plain: TokenPrincipal;
const admin: Actor = { id: "admin-1", email: "admin@example.org", name: "Admin", role: "administrator", agencyIds: [] };
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

const fields = (title: string) => ({ title, category: "planning", language: "zh-CN", effectiveDate: "2026-12-01", body: "正文" });

async function requireReview(agencyId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.agency.update({ where: { id: agencyId }, data: { requiresReview: true } });
    await recordAuditEvent(tx, { actorUserId: admin.id, action: "agency.update", subject: agencyId, detail: { requiresReview: true } });
  });
}

async function token(agencyId: string, publishDirectly = false): Promise<TokenPrincipal> {
  const created = await createApiToken({ db: prisma, actor: admin }, { agencyId, label: `system ${agencyId} ${publishDirectly}`, publishDirectly });
  return authenticateApiToken(prisma, `Bearer ${created.secret}`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [
    { id: "agency-r", nameZh: "审核局", nameEn: "Reviewed Agency" },
    { id: "agency-o", nameZh: "他局", nameEn: "Other Agency" },
  ]);
  await requireReview("agency-r");
  reviewed = await token("agency-r");
  direct = await token("agency-r", true);
  other = await token("agency-o");
  plain = await token("agency-o");
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("the agency API where review is required", () => {
  it("turns a POST into a draft submitted for review, with its files, and publishes nothing", async () => {
    const answer = await publishFromApi(prisma, reviewed, {
      idempotencyKey: "submit-1",
      request: { fields: fields("待审核的公示"), attachments: [{ fileName: "plan.pdf", content: PDF }] },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ state: "submitted", links: { api: `/api/v1/drafts/${answer.body.draft}` } });
    const draftId = answer.body.draft as string;
    expect(await prisma.notice.count({ where: { agencyId: "agency-r" } })).toBe(0);
    const draft = await prisma.noticeDraft.findUniqueOrThrow({ where: { id: draftId }, include: { attachments: true, reviews: true } });
    expect(draft).toMatchObject({ agencyId: "agency-r", kind: "publish", state: "submitted", submittedBy: reviewed.actor.id, publishedAt: null });
    expect(draft.fields).toMatchObject({ title: "待审核的公示", category: "planning" });
    expect(draft.attachments.map((a) => [a.fileName, a.size])).toEqual([["plan.pdf", PDF.length]]);
    expect(draft.reviews.map((r) => [r.action, r.actor])).toEqual([["submit", reviewed.actor.id]]);
    const events = await prisma.auditEvent.findMany({ where: { subject: draftId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["draft.create", "draft.submit"]);

    const again = await publishFromApi(prisma, reviewed, {
      idempotencyKey: "submit-1",
      request: { fields: fields("待审核的公示"), attachments: [{ fileName: "plan.pdf", content: PDF }] },
    });
    expect(again).toMatchObject({ replayed: true, body: { draft: draftId } });
    expect(await prisma.noticeDraft.count({ where: { agencyId: "agency-r" } })).toBe(1);

    expect(await getSubmittedDraft(prisma, reviewed, draftId)).toMatchObject({ draft: draftId, state: "submitted", notice: null, reviews: [{ action: "submit", comment: "" }] });
  });

  it("refuses a request that could not be published with 400, and keeps no draft", async () => {
    const before = await prisma.noticeDraft.count();
    try {
      await publishFromApi(prisma, reviewed, { idempotencyKey: "bad-1", request: { fields: { ...fields("x"), effectiveDate: "2026-02-30" }, attachments: [] } });
      expect.unreachable("a bad date must be refused");
    } catch (error) {
      const answer = errorResponse(error);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(/effectiveDate/);
    }
    expect(await prisma.noticeDraft.count()).toBe(before);
  });

  it("publishes at once with a token created with the right to publish directly", async () => {
    const answer = await publishFromApi(prisma, direct, { idempotencyKey: "direct-1", request: { fields: fields("直接发布的公示"), attachments: [] } });
    expect(answer.body).toMatchObject({ state: "published", status: "pending", version: 1 });
    expect(await prisma.notice.count({ where: { id: answer.body.id as string, agencyId: "agency-r" } })).toBe(1);
  });

  it("publishes at once in an agency that does not require review", async () => {
    const answer = await publishFromApi(prisma, plain, { idempotencyKey: "plain-1", request: { fields: fields("普通公示"), attachments: [] } });
    expect(answer.body).toMatchObject({ state: "published", version: 1 });
  });

  it("shows a draft's state to its own agency's tokens only, and 404 for anything else", async () => {
    const { body } = await publishFromApi(prisma, reviewed, { idempotencyKey: "submit-2", request: { fields: fields("第二份"), attachments: [] } });
    const draftId = body.draft as string;
    expect((await getSubmittedDraft(prisma, direct, draftId)).state).toBe("submitted");
    for (const [principal, id] of [
      [other, draftId],
      [reviewed, "not-a-draft"],
      [reviewed, "00000000-0000-4000-8000-000000000000"],
    ] as const) {
      await expect(getSubmittedDraft(prisma, principal, id)).rejects.toMatchObject({ code: "not-found" });
    }
  });
});
