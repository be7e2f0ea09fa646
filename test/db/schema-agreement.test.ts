/**
 * The Prisma schema and the migrated database agree: every column Prisma expects exists with
 * the matching type and nullability, no table has columns Prisma does not know, and every
 * model can be written and read back through the generated client.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { createTestDatabase, type TestDatabase } from "./harness";
import { addAgencies } from "@/test/db/agencies";

interface Column {
  model: string;
  table: string;
  field: string;
  column: string;
  type: string;
  optional: boolean;
}

const PG_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Bytes: "bytea",
  Json: "jsonb",
  DateTime: "timestamp with time zone",
  Boolean: "boolean",
};

/** A small reader of prisma/schema.prisma: models, scalar fields, @map/@@map, optionality. */
function schemaColumns(): Column[] {
  const text = readFileSync("prisma/schema.prisma", "utf8");
  const columns: Column[] = [];
  for (const [, model, body] of text.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const table = /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? model!;
    for (const line of body!.split("\n")) {
      const m = /^\s+(\w+)\s+(\w+)(\??)(\[\])?(.*)$/.exec(line);
      if (!m) continue;
      // Unsupported("tsvector") names the database type itself.
      const base = m[2] === "Unsupported" ? /^\("([^"]+)"\)/.exec(m[5]!)?.[1] : PG_TYPES[m[2]!];
      if (!base) continue;
      const column = /@map\("([^"]+)"\)/.exec(m[5]!)?.[1] ?? m[1]!;
      // Scalar lists are PostgreSQL arrays (information_schema reports them as ARRAY).
      // Unsupported("…")? carries its "?" after the parenthesis.
      const optional = m[3] === "?" || (m[2] === "Unsupported" && /^\("[^"]+"\)\?/.test(m[5]!));
      columns.push({ model: model!, table, field: m[1]!, column, type: m[4] ? "ARRAY" : base, optional });
    }
  }
  return columns;
}

let database: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

describe("Prisma schema and migrated database", () => {
  it("agree on every column, type and nullability", async () => {
    const expected = schemaColumns();
    expect(new Set(expected.map((c) => c.model)).size).toBeGreaterThanOrEqual(8);
    const { rows } = await database.client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> 'gongshi_migrations'`,
    );
    const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    for (const c of expected) {
      const col = actual.get(`${c.table}.${c.column}`);
      expect(col, `${c.model}.${c.field} → ${c.table}.${c.column} exists`).toBeDefined();
      expect(col!.data_type, `${c.table}.${c.column} type`).toBe(c.type);
      expect(col!.is_nullable === "YES", `${c.table}.${c.column} nullable`).toBe(c.optional);
    }
    const known = new Set(expected.map((c) => `${c.table}.${c.column}`));
    expect(
      [...actual.keys()].filter((k) => !known.has(k)),
      "columns the schema does not describe",
    ).toEqual([]);
  });

  it("can write and read every model through the generated client", async () => {
    const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);
    await addAgencies(prisma, [{ id: "test-agency", nameZh: "测试局", nameEn: "Test Bureau" }]);
    await prisma.notice.create({ data: { id: "T-1", agencyId: "test-agency" } });
    const version = await prisma.noticeVersion.create({
      data: { noticeId: "T-1", version: 1, kind: "publish", fields: { title: "标题" }, salts: { title: "AA==" } },
    });
    await prisma.attachment.create({
      data: { noticeVersionId: version.id, position: 0, fileName: "a.txt", nameSalt: bytes(32), mediaType: "text/plain", sha256: "a".repeat(64), size: 3, content: bytes(3) },
    });
    const loggedAt = new Date("2026-11-23T10:00:00.123Z");
    await prisma.logEntry.create({ data: { index: 0n, leaf: bytes(5), leafHash: bytes(32), noticeVersionId: version.id, loggedAt } });
    await prisma.treeTile.create({ data: { level: 0, n: 0n, width: 1, data: bytes(32) } });
    await prisma.checkpoint.create({ data: { size: 1n, rootHash: bytes(32), note: "note\n", prevHash: null } });
    await prisma.cosignature.create({ data: { checkpointSize: 1n, witness: "w.example", signature: "sig", timestamp: 1_700_000_000n } });
    await prisma.witnessStatus.create({ data: { witness: "w.example", name: "w", cosignedSize: 1n, cosignedAt: new Date() } });

    const read = await prisma.noticeVersion.findUniqueOrThrow({
      where: { id: version.id },
      include: { attachments: true, logEntry: true, notice: { include: { agency: true } } },
    });
    expect(read.fields).toEqual({ title: "标题" });
    expect(read.notice.agency.nameEn).toBe("Test Bureau");
    expect(read.attachments[0]!.content).toEqual(bytes(3));
    expect(read.logEntry!.loggedAt.toISOString()).toBe("2026-11-23T10:00:00.123Z");
    expect((await prisma.treeTile.findFirstOrThrow()).data).toEqual(bytes(32));
    expect((await prisma.checkpoint.findFirstOrThrow({ include: { cosignatures: true } })).cosignatures).toHaveLength(1);

    const expiresAt = new Date("2026-12-01T00:00:00.000Z");
    await prisma.user.create({ data: { id: "u1", name: "Clerk", email: "clerk@example.org" } });
    await prisma.account.create({ data: { id: "c1", userId: "u1", accountId: "u1", providerId: "credential", password: "hash" } });
    await prisma.verification.create({ data: { id: "v1", identifier: "i", value: "v", expiresAt } });
    // A role and agencies commit only with their audit event (docs/database-roles.md).
    await prisma.$transaction([
      prisma.auditEvent.create({ data: { action: "user.create", subject: "u1" } }),
      prisma.userRole.create({ data: { userId: "u1", role: "clerk" } }),
      prisma.clerkAgency.create({ data: { userId: "u1", agencyId: "test-agency" } }),
    ]);
    // After the role: a user without one (disabled) may hold no session.
    await prisma.session.create({ data: { id: "s1", userId: "u1", token: "t1", expiresAt } });
    await prisma.auditEvent.create({ data: { actorUserId: "u1", action: "sign-in", detail: { ok: true } } });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: "u1" }, include: { sessions: true, accounts: true, role: true, agencies: true } });
    expect([user.sessions.length, user.accounts.length, user.role?.role, user.agencies[0]?.agencyId]).toEqual([1, 1, "clerk", "test-agency"]);
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { action: "sign-in" } })).detail).toEqual({ ok: true });
  });
});
