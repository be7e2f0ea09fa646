/**
 * The demo seed (`npm run up`, `npm run seed`) writes around the clerks' services, so it records
 * the audit events they would: a freshly seeded portal, and one seeded twice, audits clean. One
 * demo version inserted without its event is still named.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { auditDatabase } from "@/lib/server/log-service/audit-database";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { testLogConfig } from "../log-service/fixtures";

let database: TestDatabase;
let prisma: PrismaClient;
const config = testLogConfig();

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url);
  await seedDemo(prisma, config);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

describe("the demo seed", () => {
  it("leaves a database that audits clean, also when run twice", async () => {
    const first = await auditDatabase(prisma, { origin: config.origin, verifierKey: config.verifierKey });
    expect(first.discrepancies).toEqual([]);
    expect(first.size).toBeGreaterThan(80);
    await seedDemo(prisma, config);
    expect((await auditDatabase(prisma, { origin: config.origin, verifierKey: config.verifierKey })).discrepancies).toEqual([]);
  });

  it("does not hide a version written around the services", async () => {
    await database.client.query(
      `INSERT INTO notice_version (notice_id, version, kind, fields, salts)
       SELECT notice_id, max(version) + 1, 'amend', '{"title":"x"}', '{"title":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}'
       FROM notice_version WHERE notice_id = (SELECT notice_id FROM notice_version WHERE kind = 'publish' ORDER BY id LIMIT 1) GROUP BY notice_id`,
    );
    const report = await auditDatabase(prisma, { origin: config.origin, verifierKey: config.verifierKey });
    expect(report.discrepancies.map((d) => d.message)).toContainEqual(expect.stringMatching(/no notice\.amend audit event/));
  });
});
