/**
 * Notices for the mirror fault pair's origins (e2e/support/mirror-pair.ts), written with the
 * project's own services: recordNoticeVersion stores a version as publishing does, commitPending
 * logs it as the committer does. Run under the server's conditions with the origin's
 * DATABASE_URL, LOG_SIGNER_KEY and LOG_ORIGIN; prints one JSON line.
 *
 *   mirror-seed.ts notices <count> <label>        publishes <count> notices, logs them
 *   mirror-seed.ts attachment <label> <file name>  publishes one notice with a PDF attachment, logs it
 *
 * Safe while that origin's server runs: commitPending takes the committer's lock.
 */
import { writeAgencies } from "@/lib/server/agencies/write-agencies";
import { createPrisma } from "@/lib/server/db/client";
import { logConfig } from "@/lib/server/env";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { newNoticeId } from "@/lib/server/publishing/new-notice-id";
import { DEMO_AGENCIES } from "@/lib/server/seed/demo-agencies";

const AGENCY = "hp-planning";
/** A real (tiny) PDF: the attachment content check wants its header. */
const PDF = new TextEncoder().encode("%PDF-1.4\n% mirror e2e attachment\n%%EOF\n");

const [command, ...args] = process.argv.slice(2);
const prisma = createPrisma(process.env.DATABASE_URL ?? "");

function fields(label: string, n: number): Record<string, string> {
  return {
    title: `镜像测试 ${label} ${n}`,
    number: `海规资〔2026〕M${n}号`,
    category: "规划公示",
    language: "zh-CN",
    effectiveDate: "2026-03-01",
    body: `${label}：镜像端到端测试专用的公示正文，第 ${n} 份。`,
  };
}

async function publish(label: string, n: number, attachment?: string): Promise<string> {
  const noticeId = newNoticeId(AGENCY);
  const attachments = attachment ? [{ fileName: attachment, mediaType: "application/pdf", content: PDF }] : [];
  await recordNoticeVersion(prisma, { noticeId, agencyId: AGENCY, kind: "publish", fields: fields(label, n), attachments });
  return noticeId;
}

/** Logs every pending version; returns the log's size. */
async function commitAll(): Promise<number> {
  for (;;) {
    const result = await commitPending(prisma, logConfig());
    if (result.committed === 0) return result.size;
  }
}

try {
  await writeAgencies(prisma, DEMO_AGENCIES, { source: "e2e seed", overwrite: true });
  if (command === "notices") {
    const [count, label] = args as [string, string];
    const noticeIds: string[] = [];
    for (let n = 1; n <= Number(count); n++) noticeIds.push(await publish(label, n));
    console.log(JSON.stringify({ noticeIds, size: await commitAll() }));
  } else if (command === "attachment") {
    const [label, fileName] = args as [string, string];
    const noticeId = await publish(label, 1, fileName);
    console.log(JSON.stringify({ noticeId, fileName, size: await commitAll() }));
  } else {
    throw new Error(`unknown command ${command}`);
  }
} finally {
  await prisma.$disconnect();
}
