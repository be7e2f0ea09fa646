/** Shared set-up for log-service tests: a migrated throwaway database, a client, a signing key. */
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { generateKey, parseSignerKey } from "@/lib/core/log";
import type { LogConfig } from "@/lib/server/env";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { createTestDatabase, type TestDatabase } from "../db/harness";
import { addAgencies } from "@/test/db/agencies";

export const ORIGIN = "test.gongshi.example/log";

export function testLogConfig(): LogConfig & { signerKey: string } {
  const { signerKey } = generateKey(ORIGIN);
  const signer = parseSignerKey(signerKey);
  return { origin: ORIGIN, signer, verifierKey: signer.verifierKey, signerKey };
}

export async function setUp(): Promise<{ database: TestDatabase; prisma: PrismaClient; tearDown(): Promise<void> }> {
  const database = await createTestDatabase();
  const prisma = createPrisma(database.url);
  await addAgencies(prisma, [{ id: "hp-planning", nameZh: "海平市规划局", nameEn: "Haiping Planning Bureau" }]);
  return {
    database,
    prisma,
    async tearDown() {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

export async function publishSample(prisma: PrismaClient, id: string, extra: Record<string, string> = {}): Promise<void> {
  await recordNoticeVersion(prisma, {
    noticeId: id,
    agencyId: "hp-planning",
    kind: "publish",
    fields: { title: `关于${id}的公示`, body: "正文。\n\n第二段。", number: `海规〔2026〕${id}号`, category: "城乡规划", language: "zh-CN", ...extra },
    attachments: [{ fileName: "图.pdf", mediaType: "application/pdf", content: new TextEncoder().encode(`%PDF ${id}`) }],
  });
}
