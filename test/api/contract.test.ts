/**
 * The API contract (lib/server/api/contract.ts) against what the services really return: each DTO,
 * made by the service on a real database, passes both its zod schema and the JSON Schema the
 * OpenAPI document publishes (generated from it, lib/server/api/openapi/schemas.ts, checked by Ajv), and
 * the same DTO with one member broken fails both. Also: each error code has one status, the
 * document lists exactly those codes, and every refusal's body is the contract's error body.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { API_SCHEMAS, ERROR_STATUS, type ErrorCode } from "@/lib/server/api/contract";
import { ApiError, ParamProblems } from "@/lib/server/api/errors";
import { errorResponse } from "@/lib/server/api/respond";
import { guardRequest, SMALL_BODY_LIMIT } from "@/lib/server/http/request-guard.mjs";
import { schemas } from "@/lib/server/api/openapi/schemas";
import { openApiDocument } from "@/lib/server/api/openapi/document";
import type { Actor } from "@/lib/server/auth/authorize";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { getLogInfo } from "@/lib/server/log-service/get-log-info";
import { getLogEntry } from "@/lib/server/log-service/get-log-entry";
import { getInclusionProof } from "@/lib/server/log-service/get-inclusion-proof";
import { getConsistencyProof } from "@/lib/server/log-service/get-consistency-proof";
import { listCheckpoints } from "@/lib/server/log-service/list-checkpoints";
import { listLogRecords } from "@/lib/server/log-service/list-log-records";
import { getNotice } from "@/lib/server/notices/get-notice";
import { listAgencies } from "@/lib/server/notices/list-agencies";
import { recordRedaction } from "@/lib/server/notices/record-redaction";
import { searchNotices } from "@/lib/server/search/search-notices";
import { parseSearchParams } from "@/lib/shared/search/search-params";
import { createApiToken } from "@/lib/server/auth/tokens/create-api-token";
import { authenticateApiToken } from "@/lib/server/auth/tokens/authenticate-api-token";
import { publishFromApi } from "@/lib/server/api/agency/publish-from-api";
import { getSubmittedDraft } from "@/lib/server/api/agency/get-submitted-draft";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { addAgencies } from "@/test/db/agencies";
import { publishSample, setUp, testLogConfig } from "../log-service/fixtures";

type Name = keyof typeof API_SCHEMAS;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ $id: "openapi", components: { schemas } });

/** Checks `value` against both forms of the named schema; they must agree. */
function check(name: Name, value: unknown): boolean {
  const byZod = API_SCHEMAS[name].safeParse(value).success;
  const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
  if (!validate) throw new Error(`no JSON Schema ${name}`);
  const byJsonSchema = validate(value) as boolean;
  expect(byJsonSchema, `${name}: the OpenAPI schema ${byJsonSchema ? "accepts" : "refuses"} what zod ${byZod ? "accepts" : "refuses"}: ${ajv.errorsText(validate.errors)}`).toBe(
    byZod,
  );
  return byZod;
}

const copy = <T>(value: T): T => structuredClone(value);

const config = testLogConfig();
const admin: Actor = { id: "admin-1", email: "admin@example.org", name: "Admin", role: "administrator", agencyIds: [] };
let ctx: Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  ctx = await setUp();
  await publishSample(ctx.prisma, "C1", { contact: "张三" });
  await publishSample(ctx.prisma, "C2");
  await commitPending(ctx.prisma, config);
  await recordRedaction(ctx.prisma, { noticeId: "C1", version: 1, withhold: ["contact", "attachments/0/name"], basis: "PIPL Art. 13" });
  await commitPending(ctx.prisma, config);
  await publishSample(ctx.prisma, "C3");
});
afterAll(() => ctx.tearDown());

describe("error codes", () => {
  it("each code has one 4xx or 5xx status, and the OpenAPI document lists exactly these codes", () => {
    const codes = Object.keys(ERROR_STATUS) as ErrorCode[];
    for (const code of codes) expect(ERROR_STATUS[code], code).toBeGreaterThanOrEqual(400);
    for (const code of codes) expect(ERROR_STATUS[code], code).toBeLessThan(600);
    // Two codes with one status would leave a client unable to tell them apart by status alone.
    expect(new Set(Object.values(ERROR_STATUS)).size).toBe(codes.length);
    const documented = (openApiDocument().components as { schemas: typeof schemas }).schemas.Error.properties.error as { properties: { code: { enum: string[] } } };
    expect(documented.properties.code.enum).toEqual(codes);
  });

  it("every code's answer has that status and a body both schemas accept; an unknown code does not pass", async () => {
    for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) {
      const answer = errorResponse(new ApiError(code, `a ${code}`));
      expect(answer.status).toBe(ERROR_STATUS[code]);
      expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
      const body = await answer.json();
      expect(body).toEqual({ error: { code, message: `a ${code}` } });
      expect(check("Error", body)).toBe(true);
    }
    const problems = await errorResponse(new ParamProblems([{ param: "page", value: "0", message: "must be between 1 and 1000" }])).json();
    expect(problems.error).toMatchObject({ code: "bad-request", message: 'page: must be between 1 and 1000 (got "0")' });
    expect(check("Error", problems)).toBe(true);
    const unexpected = errorResponse(new Error("boom"));
    expect([unexpected.status, (await unexpected.json()).error.code]).toEqual([500, "internal-error"]);
    expect(check("Error", { error: { code: "teapot", message: "no such code" } })).toBe(false);
    expect(check("Error", { error: { code: "not-found" } })).toBe(false);
  });
});

/** One raw request (fetch would normalize the malformed path) to a node:http server that only runs server.mjs's guard. */
async function guarded(path: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const server = http.createServer(async (req, res) => {
    if (!(await guardRequest(req, res, { uploadLimit: SMALL_BODY_LIMIT, hasStaffSession: async () => false }))) res.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text.startsWith("{") ? JSON.parse(text) : text }));
      });
      request.on("error", reject);
      request.end();
    });
  } finally {
    server.close();
  }
}

describe("the request guard before Next (lib/server/http/request-guard.mjs)", () => {
  it("refuses API requests with the contract's error body and its code's status", async () => {
    const malformed = await guarded("/api/v1/log/entries/%ED%A0%80", {});
    const tooLarge = await guarded("/api/v1/log/entries/0", { "content-length": String(SMALL_BODY_LIMIT + 1) });
    for (const { status, body } of [malformed, tooLarge]) {
      expect(check("Error", body)).toBe(true);
      expect(status).toBe(ERROR_STATUS[(body as { error: { code: ErrorCode } }).error.code]);
    }
    expect([malformed.status, tooLarge.status]).toEqual([400, 413]);
  });
});

describe("DTOs the services make", () => {
  it("a notice with committed, redacted and pending versions", async () => {
    const committed = await getNotice(ctx.prisma, "C1");
    expect(committed.versions[0]!.withheld.length).toBe(2);
    expect(committed.versions[0]!.log).not.toBeNull();
    expect(check("Notice", committed)).toBe(true);
    expect(check("NoticeVersion", committed.versions[0])).toBe(true);
    const pending = await getNotice(ctx.prisma, "C3");
    expect(pending.versions[0]!.status).toBe("pending");
    expect(check("Notice", pending)).toBe(true);

    const brokenKind = copy(committed);
    (brokenKind.versions[0] as { kind: string }).kind = "delete";
    expect(check("Notice", brokenKind)).toBe(false);
    const noLeafHash = copy(committed.versions[0]!) as { log: Record<string, unknown> };
    delete noLeafHash.log.leafHash;
    expect(check("NoticeVersion", noLeafHash)).toBe(false);
    const hexHash = copy(committed.versions[0]!);
    hexHash.attachments[0]!.sha256 = "not-a-hash";
    expect(check("NoticeVersion", hexHash)).toBe(false);
    const badTime = copy(committed);
    badTime.versions[0]!.createdAt = "yesterday";
    expect(check("Notice", badTime)).toBe(false);
  });

  it("a search result (hits, snippets, facets, exact matches) and the agency list", async () => {
    const result = await searchNotices(ctx.prisma, parseSearchParams(new URLSearchParams("q=C2")).params);
    expect(result.hits.length + result.exact.length).toBeGreaterThan(0);
    expect(check("SearchResult", result)).toBe(true);
    const all = await searchNotices(ctx.prisma, parseSearchParams(new URLSearchParams("")).params);
    expect(all.hits.map((h) => h.id).sort()).toEqual(["C1", "C2", "C3"]);
    for (const hit of all.hits) expect(check("SearchHit", hit)).toBe(true);
    const badStatus = copy(all);
    (badStatus.hits[0] as { status: string }).status = "withdrawn";
    expect(check("SearchResult", badStatus)).toBe(false);
    const badFacet = copy(all);
    expect(badFacet.facets.status.length).toBeGreaterThan(0);
    (badFacet.facets.status[0] as { value: string }).value = "withdrawn";
    expect(check("SearchResult", badFacet)).toBe(false);
    const matched = await searchNotices(ctx.prisma, parseSearchParams(new URLSearchParams("q=第二段")).params);
    const hit = matched.hits.find((h) => h.snippet?.highlights.length);
    expect(hit && check("SearchHit", hit)).toBe(true);
    expect(check("SearchHit", { ...hit, snippet: { ...hit!.snippet, highlights: [[0, 1, 2]] } })).toBe(false);
    const agencies = await listAgencies(ctx.prisma);
    expect(agencies.length).toBeGreaterThan(0);
    for (const agency of agencies) expect(check("AgencySummary", agency)).toBe(true);
    expect(check("AgencySummary", { ...agencies[0], notices: -1 })).toBe(false);
  });

  it("the log's head, entries, proofs, checkpoints and records", async () => {
    const info = await getLogInfo(ctx.prisma, config);
    expect(check("LogInfo", info)).toBe(true);
    expect(check("LogInfo", { ...info, rootHash: "00".repeat(32) })).toBe(false);
    expect(check("LogEntry", await getLogEntry(ctx.prisma, 0))).toBe(true);
    expect(check("InclusionProof", await getInclusionProof(ctx.prisma, 0, info.size))).toBe(true);
    const consistency = await getConsistencyProof(ctx.prisma, 1, info.size);
    expect(check("ConsistencyProof", consistency)).toBe(true);
    expect(check("ConsistencyProof", { ...consistency, hashes: [42] })).toBe(false);
    const chain = await listCheckpoints(ctx.prisma, undefined, 10);
    expect(chain.length).toBeGreaterThan(1);
    for (const checkpoint of chain) expect(check("ChainCheckpoint", checkpoint)).toBe(true);
    expect(check("ChainCheckpoint", { ...chain[0], cosignatures: undefined })).toBe(false);
    const records = await listLogRecords(ctx.prisma, 0, 256);
    expect(records.records.some((r) => r.version) && records.records.some((r) => r.redaction)).toBe(true);
    expect(check("LogRecords", records)).toBe(true);
    const badRecord = copy(records);
    badRecord.records.find((r) => r.version)!.version!.version = 0;
    expect(check("LogRecords", badRecord)).toBe(false);
  });

  it("the agency API's answers: a published notice, a draft submitted for review, and that draft's state", async () => {
    await addAgencies(ctx.prisma, [{ id: "agency-r", nameZh: "审核局", nameEn: "Reviewed Agency" }]);
    await ctx.prisma.$transaction(async (tx) => {
      await tx.agency.update({ where: { id: "agency-r" }, data: { requiresReview: true } });
      await recordAuditEvent(tx, { actorUserId: admin.id, action: "agency.update", subject: "agency-r", detail: { requiresReview: true } });
    });
    const token = async (agencyId: string) =>
      authenticateApiToken(
        ctx.prisma,
        `Bearer ${(await createApiToken({ db: ctx.prisma, actor: admin }, { agencyId, label: `contract ${agencyId}`, publishDirectly: false })).secret}`,
      );
    const fields = { title: "合同测试", category: "planning", language: "zh-CN", effectiveDate: "2026-12-01", body: "正文" };

    const published = await publishFromApi(ctx.prisma, await token("hp-planning"), { idempotencyKey: "contract-1", request: { fields, attachments: [] } });
    expect(published.status).toBe(201);
    expect(check("PublishedNotice", published.body)).toBe(true);
    expect(check("SubmittedForReview", published.body)).toBe(false);

    const reviewer = await token("agency-r");
    const submitted = await publishFromApi(ctx.prisma, reviewer, { idempotencyKey: "contract-2", request: { fields, attachments: [] } });
    expect(check("SubmittedForReview", submitted.body)).toBe(true);
    expect(check("PublishedNotice", submitted.body)).toBe(false);

    const draft = await getSubmittedDraft(ctx.prisma, reviewer, String(submitted.body.draft));
    expect(draft.state).toBe("submitted");
    expect(check("SubmittedDraft", draft)).toBe(true);
    expect(check("SubmittedDraft", { ...draft, state: "lost" })).toBe(false);
    expect(check("SubmittedDraft", { ...draft, draft: "not-a-uuid" })).toBe(false);
  });
});
