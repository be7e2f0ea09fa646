import "server-only";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { attachmentNamePath } from "@/lib/core/log";
import { notFound } from "@/lib/server/api/errors";
import { NOTICE_ID_PATTERN } from "@/lib/core/log/notice-leaf-schema";

export async function getAttachment(prisma: PrismaClient, noticeId: string, version: number, position: number) {
  if (!NOTICE_ID_PATTERN.test(noticeId) || version > 1_000_000 || position > 99) throw notFound("no such attachment");
  const row = await prisma.attachment.findFirst({
    where: { position, noticeVersion: { noticeId, version } },
    select: { fileName: true, sha256: true, content: true, noticeVersion: { select: { redactions: { select: { withhold: true } } } } },
  });
  if (!row) throw notFound("no such attachment");
  // A withheld file name is not served, not even in Content-Disposition.
  const withheld = row.noticeVersion.redactions.some((r) => r.withhold.includes(attachmentNamePath(position)));
  return { fileName: withheld ? `attachment-${position}` : row.fileName, sha256: row.sha256, content: row.content };
}
