import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { notFound } from "@/lib/api/errors";
import { NOTICE_ID_PATTERN } from "./get-notice";

export async function getAttachment(prisma: PrismaClient, noticeId: string, version: number, position: number) {
  if (!NOTICE_ID_PATTERN.test(noticeId) || version > 1_000_000 || position > 99) throw notFound("no such attachment");
  const row = await prisma.attachment.findFirst({
    where: { position, noticeVersion: { noticeId, version } },
    select: { fileName: true, sha256: true, content: true },
  });
  if (!row) throw notFound("no such attachment");
  return row;
}
