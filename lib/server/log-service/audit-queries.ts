import "server-only";
/** Stored notice versions for a page of log entries, with digests of the attachment bytes as stored. */
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/server/db/generated/client";

export async function versionForEntries(prisma: Prisma.TransactionClient, ids: bigint[]) {
  const rows = await prisma.noticeVersion.findMany({
    where: { id: { in: ids } },
    include: { notice: { select: { agencyId: true } }, attachments: { orderBy: { position: "asc" } } },
  });
  return new Map(
    rows.map((v) => [
      v.id,
      {
        noticeId: v.noticeId,
        agencyId: v.notice.agencyId,
        version: v.version,
        kind: v.kind,
        fields: v.fields,
        salts: v.salts,
        commitments: v.commitments,
        attachments: v.attachments.map((a) => ({
          fileName: a.fileName,
          nameSalt: a.nameSalt,
          sha256: a.sha256,
          size: a.size,
          actualSha256: createHash("sha256").update(a.content).digest("hex"),
          actualSize: a.content.length,
        })),
      },
    ]),
  );
}

/** Stored redactions for a page of log entries, with their target's notice, agency and log index. */
export async function redactionsForEntries(prisma: Prisma.TransactionClient, ids: bigint[]) {
  const rows = await prisma.redaction.findMany({
    where: { id: { in: ids } },
    include: { noticeVersion: { select: { noticeId: true, notice: { select: { agencyId: true } }, logEntry: { select: { index: true } } } } },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      {
        noticeId: r.noticeVersion.noticeId,
        agencyId: r.noticeVersion.notice.agencyId,
        target: r.noticeVersion.logEntry ? Number(r.noticeVersion.logEntry.index) : null,
        withhold: r.withhold,
        basis: r.basis,
      },
    ]),
  );
}
