/**
 * A database filled only through the services, as a running portal fills it: an administrator
 * (npm run admin:create), an agency and a clerk they add, notices published, amended and
 * redacted, an API token, all committed to the log in several checkpoints. Its audit is clean;
 * each test then tampers with it as the superuser would.
 */
import { createAgency } from "@/lib/server/admin/create-agency";
import { createApiToken } from "@/lib/server/auth/tokens/create-api-token";
import { loadActor, type Actor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { amendNotice } from "@/lib/server/publishing/amend-notice";
import { publishNotice } from "@/lib/server/publishing/publish-notice";
import { redactNoticeVersion } from "@/lib/server/publishing/redact-notice-version";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { testLogConfig } from "../log-service/fixtures";

export const AGENCY = "hp-planning";
const PASSWORD = "correct horse battery";

export interface AuditedDatabase {
  database: TestDatabase;
  prisma: PrismaClient;
  config: ReturnType<typeof testLogConfig>;
  admin: Actor;
  clerk: Actor;
  /** Notice ids in publication order. */
  notices: string[];
  tokenId: string;
  tearDown(): Promise<void>;
}

function fields(n: number) {
  return { title: `关于第${n}号事项的公示`, number: `海规〔2026〕${n}号`, category: "城乡规划", language: "zh-CN", effectiveDate: "2026-12-01", body: `第${n}号事项的正文。` };
}

/** Log entries: 4 notices | amendment + notice | redaction + notice | 3 notices (the tail a rollback removes). */
export async function auditedDatabase(): Promise<AuditedDatabase> {
  const config = testLogConfig();
  const database = await createTestDatabase();
  const prisma = createPrisma(database.url);
  const { id: adminId } = await createUser(prisma, { email: "admin@example.org", name: "Admin", password: PASSWORD, role: "administrator" });
  const admin = (await loadActor(prisma, adminId))!;
  await createAgency({ db: prisma, actor: admin }, { id: AGENCY, nameZh: "海平市规划局", nameEn: "Haiping Planning Bureau", descriptionZh: "", descriptionEn: "" });
  const { id: clerkId } = await createUser(prisma, { email: "clerk@example.org", name: "Clerk", password: PASSWORD, role: "clerk", agencyIds: [AGENCY] }, admin.id);
  const clerk = (await loadActor(prisma, clerkId))!;
  const notices: string[] = [];
  const publish = async (n: number) => notices.push((await publishNotice({ db: prisma, actor: clerk }, { agencyId: AGENCY, fields: fields(n) })).noticeId);
  for (let n = 1; n <= 4; n++) await publish(n);
  await commitPending(prisma, config);
  await amendNotice(
    { db: prisma, actor: clerk },
    { noticeId: notices[0]!, kind: "amend", baseVersion: 1, reason: "测试原因。", fields: { ...fields(1), body: "修改后的正文。" }, attachments: "keep" },
  );
  await publish(5);
  await commitPending(prisma, config);
  await redactNoticeVersion({ db: prisma, actor: admin }, { noticeId: notices[1]!, version: 1, withhold: ["body"], basis: "《个人信息保护法》第十三条" });
  await publish(6);
  await commitPending(prisma, config);
  for (let n = 7; n <= 9; n++) await publish(n);
  await commitPending(prisma, config);
  const { id: tokenId } = await createApiToken({ db: prisma, actor: admin }, { agencyId: AGENCY, label: "OA system" });
  return {
    database,
    prisma,
    config,
    admin,
    clerk,
    notices,
    tokenId,
    async tearDown() {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

/** As the superuser, with triggers (append-only rules, foreign keys) off — what an attacker with database access could do. */
export async function tamper(db: AuditedDatabase, sql: string, params: unknown[] = []): Promise<void> {
  await db.database.client.query("BEGIN");
  try {
    await db.database.client.query("SET LOCAL session_replication_role = replica");
    await db.database.client.query(sql, params);
    await db.database.client.query("COMMIT");
  } catch (error) {
    await db.database.client.query("ROLLBACK");
    throw error;
  }
}
