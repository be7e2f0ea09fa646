/**
 * Agency API tokens on a real database: only the hash is stored (the secret appears in no
 * table), only administrators create and revoke, a revocation works at once and for good,
 * use is recorded (throttled), and the database itself refuses to rewrite or delete a token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { Actor } from "@/lib/server/auth/authorize";
import { createApiToken } from "@/lib/server/auth/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/auth/tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/server/auth/tokens/revoke-api-token";
import { authenticateApiToken } from "@/lib/server/auth/tokens/authenticate-api-token";
import { bearerToken, hashTokenSecret } from "@/lib/server/auth/tokens/token-secret";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";

let database: TestDatabase;
let prisma: PrismaClient;
const admin: Actor = { id: "admin-1", email: "admin@example.org", name: "Admin", role: "administrator", agencyIds: [] };
const clerk: Actor = { id: "clerk-1", email: "clerk@example.org", name: "Clerk", role: "clerk", agencyIds: ["agency-a"] };

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  await addAgencies(prisma, [
    { id: "agency-a", nameZh: "甲局", nameEn: "Agency A" },
    { id: "agency-b", nameZh: "乙局", nameEn: "Agency B" },
  ]);
  await prisma.user.create({ data: { id: "admin-1", name: "Admin", email: "admin@example.org" } });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

const bearer = (secret: string) => `Bearer ${secret}`;

/** Every row of every table in the database, as text: where a leaked secret would show. */
async function everyRow(): Promise<string> {
  const { rows: tables } = await database.client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["api_token", "audit_event", "idempotency_key"]));
  const parts = await Promise.all(
    tables.map(async ({ table_name }) => (await database.client.query(`SELECT to_jsonb(t)::text AS row FROM "${table_name}" t`)).rows.map((r) => r.row as string).join("\n")),
  );
  return parts.join("\n");
}

describe("agency API tokens", () => {
  it("stores only the SHA-256 of the secret: the secret is in no row of any table", async () => {
    const token = await createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: "  ERP system " });
    expect(token.secret).toMatch(/^gst_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ agencyId: "agency-a", label: "ERP system", prefix: token.secret.slice(0, 12) });
    const dump = await everyRow();
    expect(dump).toContain(hashTokenSecret(token.secret));
    expect(dump).not.toContain(token.secret);
    expect(dump).not.toContain(token.secret.slice(12));
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "token.create" } });
    expect(event).toMatchObject({ actorUserId: "admin-1", subject: token.id, detail: { agencyId: "agency-a", label: "ERP system", prefix: token.prefix, publishDirectly: false } });
  });

  it("gives the right to publish directly only when asked, records it in the audit event and lists it", async () => {
    const direct = await createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: "ERP direct", publishDirectly: true });
    expect(direct.publishDirectly).toBe(true);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "token.create", subject: direct.id } });
    expect(event.detail).toMatchObject({ publishDirectly: true });
    const listed = (await listApiTokens(prisma, admin)).flatMap((a) => a.tokens).find((t) => t.id === direct.id)!;
    expect(listed.publishDirectly).toBe(true);
    await expect(createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: "x", publishDirectly: "yes" })).rejects.toMatchObject({ code: "bad-request" });
  });

  it("only administrators create, list and revoke tokens", async () => {
    await expect(createApiToken({ db: prisma, actor: clerk }, { agencyId: "agency-a", label: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createApiToken({ db: prisma, actor: null }, { agencyId: "agency-a", label: "x" })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(listApiTokens(prisma, clerk)).rejects.toMatchObject({ code: "forbidden" });
    const token = await createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: "to revoke" });
    await expect(revokeApiToken({ db: prisma, actor: clerk }, token.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createApiToken({ db: prisma, actor: admin }, { agencyId: "no-such", label: "x" })).rejects.toMatchObject({ code: "bad-request" });
    await expect(createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: " " })).rejects.toMatchObject({ code: "bad-request" });
    await expect(createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: "x", extra: 1 })).rejects.toMatchObject({ code: "bad-request" });
  });

  it("authenticates as a clerk of exactly the token's agency and records the last use, at most once a minute", async () => {
    const token = await createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-b", label: "B system" });
    const principal = await authenticateApiToken(prisma, bearer(token.secret));
    expect(principal.actor).toEqual({
      id: `token:${token.id}`,
      email: "",
      name: "API token B system",
      role: "clerk",
      agencyIds: ["agency-b"],
      via: "token",
      publishDirectly: false,
    });
    const firstUse = (await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(firstUse).not.toBeNull();
    await authenticateApiToken(prisma, bearer(token.secret));
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(firstUse);
    await database.client.query(`UPDATE api_token SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [token.id]);
    await authenticateApiToken(prisma, bearer(token.secret));
    const later = (await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt!;
    expect(Date.now() - later.getTime()).toBeLessThan(60_000);
  });

  it("refuses missing, malformed and unknown tokens with 401", async () => {
    for (const header of [null, "", "Basic abc", "Bearer", "Bearer gst_short", `Bearer gst_${"A".repeat(43)}`]) {
      await expect(authenticateApiToken(prisma, header)).rejects.toMatchObject({ code: "unauthorized" });
    }
    expect(bearerToken(`bearer   gst_${"A".repeat(43)}`)).toBe(`gst_${"A".repeat(43)}`);
  });

  it("a revoked token stops working at once, is listed as revoked, and cannot be revoked twice", async () => {
    const token = await createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: "soon revoked" });
    await authenticateApiToken(prisma, bearer(token.secret));
    await revokeApiToken({ db: prisma, actor: admin, origin: { ip: "192.0.2.4", userAgent: "vitest" } }, token.id);
    await expect(authenticateApiToken(prisma, bearer(token.secret))).rejects.toMatchObject({ code: "unauthorized" });
    await expect(revokeApiToken({ db: prisma, actor: admin }, token.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(revokeApiToken({ db: prisma, actor: admin }, "tok_nosuchtokennosuchtoken")).rejects.toMatchObject({ code: "not-found" });
    const listed = (await listApiTokens(prisma, admin)).find((a) => a.agency.id === "agency-a")!.tokens.find((t) => t.id === token.id)!;
    expect(listed).toMatchObject({ label: "soon revoked", createdBy: { id: "admin-1", name: "Admin" }, revokedBy: { id: "admin-1", name: "Admin" } });
    expect(listed.revokedAt).not.toBeNull();
    expect(listed.lastUsedAt).not.toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "token.revoke", subject: token.id } });
    expect(event).toMatchObject({ actorUserId: "admin-1", ip: "192.0.2.4", detail: { agencyId: "agency-a", prefix: token.prefix } });
  });

  it("the database refuses to un-revoke, re-point, rehash, empower or delete a token", async () => {
    const token = await createApiToken({ db: prisma, actor: admin }, { agencyId: "agency-a", label: "guarded" });
    const forbidden = /forbidden|may change|stays revoked/;
    await expect(database.client.query(`UPDATE api_token SET token_hash = $2 WHERE id = $1`, [token.id, "0".repeat(64)])).rejects.toThrow(forbidden);
    await expect(database.client.query(`UPDATE api_token SET agency_id = 'agency-b' WHERE id = $1`, [token.id])).rejects.toThrow(forbidden);
    await expect(database.client.query(`UPDATE api_token SET publish_directly = true WHERE id = $1`, [token.id])).rejects.toThrow(forbidden);
    await expect(database.client.query(`DELETE FROM api_token WHERE id = $1`, [token.id])).rejects.toThrow(forbidden);
    await expect(database.client.query(`TRUNCATE api_token CASCADE`)).rejects.toThrow(forbidden);
    await revokeApiToken({ db: prisma, actor: admin }, token.id);
    await expect(database.client.query(`UPDATE api_token SET revoked_at = NULL, revoked_by = NULL WHERE id = $1`, [token.id])).rejects.toThrow(forbidden);
    await expect(database.client.query(`UPDATE api_token SET revoked_at = now() WHERE id = $1`, [token.id])).rejects.toThrow(forbidden);
    // Recording use is still allowed (the guard forbids only what would rewrite history).
    await database.client.query(`UPDATE api_token SET last_used_at = now() WHERE id = $1`, [token.id]);
  });
});
