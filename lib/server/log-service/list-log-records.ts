import "server-only";
/**
 * Log entries in bulk with everything needed to check them and serve them again: the exact leaf
 * bytes and, for a notice version, its field values, salts, attachment metadata and the
 * redactions that withhold some of them (their values and salts are left out, as on every public
 * page). What a mirror copies (lib/server/mirror), one request per 256 entries rather than one per notice.
 * Only entries a published checkpoint covers are listed, so every record can be checked against
 * a signed tree.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { attachmentNamePath, toBase64 } from "@/lib/core/log";
import { latestCheckpoint } from "./latest-checkpoint";
import type { LogRecordDto, LogRecordsDto } from "@/lib/server/api/contract";

export const MAX_RECORDS = 256;

export async function listLogRecords(prisma: PrismaClient, start: number, count: number): Promise<LogRecordsDto> {
  const size = (await latestCheckpoint(prisma))?.size ?? 0;
  const end = Math.min(start + count, size);
  if (start >= end) return { size, records: [] };
  const entries = await prisma.logEntry.findMany({
    where: { index: { gte: BigInt(start), lt: BigInt(end) } },
    orderBy: { index: "asc" },
    select: {
      index: true,
      leaf: true,
      redaction: { select: { createdAt: true } },
      noticeVersion: {
        select: {
          noticeId: true,
          version: true,
          createdAt: true,
          fields: true,
          salts: true,
          attachments: { orderBy: { position: "asc" }, omit: { content: true, noticeVersionId: true } },
          redactions: { orderBy: { id: "asc" }, select: { withhold: true, basis: true, createdAt: true, logEntry: { select: { index: true } } } },
        },
      },
    },
  });
  return { size, records: entries.map((e) => toRecord(e, size)) };
}

type Entry = Awaited<ReturnType<PrismaClient["logEntry"]["findMany"]>>[number] & {
  redaction: { createdAt: Date } | null;
  noticeVersion: {
    noticeId: string;
    version: number;
    createdAt: Date;
    fields: unknown;
    salts: unknown;
    attachments: { position: number; fileName: string; nameSalt: Uint8Array; mediaType: string; sha256: string; size: number }[];
    redactions: { withhold: string[]; basis: string; createdAt: Date; logEntry: { index: bigint } | null }[];
  } | null;
};

function toRecord(e: Pick<Entry, "index" | "leaf" | "redaction" | "noticeVersion">, size: number): LogRecordDto {
  const record: LogRecordDto = { index: Number(e.index), leaf: toBase64(e.leaf) };
  if (e.redaction) record.redaction = { at: e.redaction.createdAt.toISOString() };
  const v = e.noticeVersion;
  if (!v) return record;
  // Withheld at once, logged or not, exactly as the notice's own page withholds it.
  const hidden = new Set(v.redactions.flatMap((r) => r.withhold));
  const shown = (values: unknown) => Object.fromEntries(Object.entries(values as Record<string, string>).filter(([name]) => !hidden.has(name)));
  record.version = {
    notice: v.noticeId,
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    fields: shown(v.fields),
    salts: shown(v.salts),
    attachments: v.attachments.map((a) => {
      const withheld = hidden.has(attachmentNamePath(a.position));
      return {
        position: a.position,
        fileName: withheld ? "" : a.fileName,
        nameSalt: withheld ? "" : toBase64(a.nameSalt),
        mediaType: a.mediaType,
        sha256: a.sha256,
        size: a.size,
        url: `/api/v1/notices/${v.noticeId}/versions/${v.version}/attachments/${a.position}`,
      };
    }),
    redactions: v.redactions.map((r) => ({
      withhold: r.withhold,
      basis: r.basis,
      at: r.createdAt.toISOString(),
      logIndex: r.logEntry && Number(r.logEntry.index) < size ? Number(r.logEntry.index) : null,
    })),
  };
  return record;
}
