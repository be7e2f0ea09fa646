/**
 * The agency API's publish on a real database: a retried request (same Idempotency-Key, same
 * request) gets the first answer and publishes once, even when five copies race; the same key
 * for a different request is a 409; a token publishes only for its agency; a token revoked
 * before the publishing transaction publishes nothing; the audit trail names the token by its
 * label, prefix and agency.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { Actor } from "@/lib/server/auth/authorize";
import { createApiToken } from "@/lib/server/auth/tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/auth/tokens/revoke-api-token";
import { authenticateApiToken, type TokenPrincipal } from "@/lib/server/auth/tokens/authenticate-api-token";
import { publishFromApi } from "@/lib/server/api/agency/publish-from-api";
import { listAuditEvents } from "@/lib/server/admin/list-audit-events";
import { parseIdempotencyKey } from "@/lib/server/api/agency/idempotency";
import { parsePublishRequest, type ApiPublishRequest } from "@/lib/server/api/agency/publish-request";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";

let database: TestDatabase;
let prisma: PrismaClient;
let principal: TokenPrincipal;
const admin: Actor = { id: "admin-1", email: "admin@example.org", name: "Admin", role: "administrator", agencyIds: [] };

const request = (title: string, extra: Partial<ApiPublishRequest> = {}): ApiPublishRequest => ({
  fields: { title, category: "规划", language: "zh-CN", effectiveDate: "2026-11-24", body: "正文" },
  attachments: [{ fileName: "a.txt", content: new TextEncoder().encode("hello"), declaredType: "text/plain" }],
  ...extra,
});

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [
    { id: "agency-a", nameZh: "甲局", nameEn: "Agency A" },
    { id: "agency-b", nameZh: "乙局", nameEn: "Agency B" },
  ]);
  const token = await createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: "A system" });
  principal = await authenticateApiToken(prisma, `Bearer ${token.secret}`);
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

const notices = () => prisma.notice.count({ where: { agencyId: "agency-a" } });

describe("publishing through the agency API", () => {
  it("publishes version 1, pending, audited as the token, and answers 201 with links", async () => {
    const answer = await publishFromApi(prisma, principal, { idempotencyKey: "first", request: request("第一") }, { ip: "192.0.2.1", userAgent: "erp" });
    expect(answer).toMatchObject({ status: 201, replayed: false, body: { version: 1, status: "pending" } });
    const id = answer.body.id as string;
    expect(answer.body.links).toEqual({ notice: `/n/${id}`, api: `/api/v1/notices/${id}`, bundle: `/api/v1/notices/${id}/versions/1/bundle` });
    const version = await prisma.noticeVersion.findFirstOrThrow({ where: { noticeId: id }, include: { attachments: true } });
    expect([version.version, version.attachments[0]?.fileName]).toEqual([1, "a.txt"]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "notice.publish", subject: id } });
    expect(event).toMatchObject({ actorUserId: principal.actor.id, ip: "192.0.2.1" });
  });

  it("shows the publishing token in the audit trail by label, prefix and agency, not as an unknown user", async () => {
    const answer = await publishFromApi(prisma, principal, { idempotencyKey: "audited", request: request("审计") });
    const token = await prisma.apiToken.findUniqueOrThrow({ where: { id: principal.tokenId } });
    const auditor: Actor = { id: "auditor-1", email: "auditor@example.org", name: "Auditor", role: "auditor", agencyIds: [] };
    const page = await listAuditEvents(prisma, auditor, { action: "notice.publish", subject: answer.body.id as string });
    expect(page.events.map((e) => e.actor)).toEqual([
      { kind: "token", id: principal.actor.id, label: "A system", prefix: token.prefix, agency: { id: "agency-a", nameZh: "甲局", nameEn: "Agency A" } },
    ]);
    // The administrator who created the token is still an ordinary (here unknown) user.
    const created = await listAuditEvents(prisma, auditor, { action: "token.create" });
    expect(created.events.map((e) => e.actor)).toEqual([{ kind: "user", id: "admin-1", email: null, name: null }]);
  });

  it("a retry with the same key and request returns the same answer and publishes nothing more", async () => {
    const before = await notices();
    const first = await publishFromApi(prisma, principal, { idempotencyKey: "retry-me", request: request("重试") });
    // Same meaning, members in another order: still the same request.
    const { attachments, fields } = request("重试");
    const reordered = { attachments, fields: Object.fromEntries(Object.entries(fields as object).reverse()) };
    const second = await publishFromApi(prisma, principal, { idempotencyKey: "retry-me", request: reordered });
    expect(second).toEqual({ ...first, replayed: true });
    expect(await notices()).toBe(before + 1);
  });

  it("the same key for a different request is a conflict, and publishes nothing", async () => {
    await publishFromApi(prisma, principal, { idempotencyKey: "reused", request: request("原文") });
    const before = await notices();
    await expect(publishFromApi(prisma, principal, { idempotencyKey: "reused", request: request("别的") })).rejects.toMatchObject({ code: "conflict" });
    const otherFile = request("原文", { attachments: [{ fileName: "a.txt", content: new TextEncoder().encode("HELLO") }] });
    await expect(publishFromApi(prisma, principal, { idempotencyKey: "reused", request: otherFile })).rejects.toMatchObject({ code: "conflict" });
    expect(await notices()).toBe(before);
  });

  it("five concurrent copies of one request publish once and all get the same id", async () => {
    const before = await notices();
    const answers = await Promise.all(Array.from({ length: 5 }, () => publishFromApi(prisma, principal, { idempotencyKey: "race", request: request("并发") })));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(await notices()).toBe(before + 1);
    expect(await prisma.auditEvent.count({ where: { action: "notice.publish", subject: answers[0]!.body.id as string } })).toBe(1);
  });

  it("a failed request stores nothing, so the key can be used again once the request is fixed", async () => {
    const bad = request("", {});
    await expect(publishFromApi(prisma, principal, { idempotencyKey: "fix-me", request: bad })).rejects.toMatchObject({
      code: "bad-request",
      message: expect.stringContaining("title"),
    });
    const fixed = await publishFromApi(prisma, principal, { idempotencyKey: "fix-me", request: request("修正后") });
    expect(fixed.status).toBe(201);
  });

  it("refuses another agency (403), unknown fields and content that does not match the file name (400)", async () => {
    const before = await prisma.notice.count();
    await expect(publishFromApi(prisma, principal, { idempotencyKey: "b", request: request("乙", { agencyId: "agency-b" }) })).rejects.toMatchObject({ code: "forbidden" });
    const unknown = request("未知", { fields: { ...(request("x").fields as object), title: "未知", color: "red" } });
    await expect(publishFromApi(prisma, principal, { idempotencyKey: "u", request: unknown })).rejects.toMatchObject({
      code: "bad-request",
      message: expect.stringContaining("color"),
    });
    const fakePdf = request("假", { attachments: [{ fileName: "report.pdf", content: new TextEncoder().encode("<html>not a pdf</html>") }] });
    await expect(publishFromApi(prisma, principal, { idempotencyKey: "p", request: fakePdf })).rejects.toMatchObject({ code: "bad-request" });
    expect(await prisma.notice.count()).toBe(before);
  });

  it("a token revoked after authentication publishes nothing (re-checked inside the transaction)", async () => {
    const token = await createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: "short-lived" });
    const authenticated = await authenticateApiToken(prisma, `Bearer ${token.secret}`);
    await revokeApiToken({ db: prisma, actor: admin }, token.id);
    const before = await notices();
    await expect(publishFromApi(prisma, authenticated, { idempotencyKey: "late", request: request("迟到") })).rejects.toMatchObject({ code: "unauthorized" });
    expect(await notices()).toBe(before);
  });

  it("deeply nested JSON in the fields is a 400 naming the depth, not a stack overflow (500)", async () => {
    // As the route reads it: the body parsed first, then published.
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const body = new TextEncoder().encode(`{"fields":{"title":"深","category":"规划","language":"zh-CN","effectiveDate":"2026-11-24","body":"正文","x":${deep}}}`);
    const before = await notices();
    const publish = async () => publishFromApi(prisma, principal, { idempotencyKey: "deep", request: await parsePublishRequest("application/json", body, 1024) });
    await expect(publish()).rejects.toMatchObject({ code: "bad-request", message: expect.stringContaining("levels deep") });
    // Just within the depth allowed, the fields are still checked by the publishing service.
    const shallow = new TextEncoder().encode(`{"fields":{"title":"浅","x":[[[[[[1]]]]]]}}`);
    await expect(parsePublishRequest("application/json", shallow, 1024)).resolves.toMatchObject({ fields: { title: "浅" } });
    expect(await notices()).toBe(before);
  });

  it("a text-direction override in a logged field is a 400 naming the field, publishing nothing", async () => {
    const before = await notices();
    for (const [field, value] of [
      ["title", "Notice\u202E"],
      ["body", "text \u2066isolated\u2069"],
      ["category", "\u200F规划"],
    ] as const) {
      const bidi = request("x", { fields: { ...(request("x").fields as object), [field]: value } });
      await expect(publishFromApi(prisma, principal, { idempotencyKey: `bidi-${field}`, request: bidi })).rejects.toMatchObject({
        code: "bad-request",
        message: expect.stringContaining(`${field}: contains invisible text-direction controls`),
      });
    }
    expect(await notices()).toBe(before);
  });

  it("Idempotency-Key must be 1 to 200 printable characters", () => {
    expect(parseIdempotencyKey("8e0c3b0a-1f7e-4a51-9d0b-6f6c2f3b9f00")).toBe("8e0c3b0a-1f7e-4a51-9d0b-6f6c2f3b9f00");
    for (const bad of [null, "", "x".repeat(201), "tab\there", "中文"]) expect(() => parseIdempotencyKey(bad)).toThrow(/Idempotency-Key/);
  });
});
