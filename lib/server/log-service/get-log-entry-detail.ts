import "server-only";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { decodeLeaf, formatHash, fromUtf8, type Hash, type LeafRecord } from "@/lib/core/log";
import { notFound } from "@/lib/server/api/errors";
import { latestCheckpoint } from "./latest-checkpoint";

export interface LogEntryDetail {
  index: number;
  leafHash: string;
  /** The decoded leaf; for a redact entry it is all there is (no notice version row). */
  record: LeafRecord;
  /** The leaf bytes as text: canonical JSON, one line. */
  leafText: string;
  /** The size of the latest checkpoint, the tree the inclusion proof link is against. */
  treeSize: number;
  /** The leaf's agency, for its name; null if this portal does not know it. */
  agency: { id: string; nameZh: string; nameEn: string } | null;
}

/** Entry `index` for the log explorer; "not found" unless a signed checkpoint covers it. */
export async function getLogEntryDetail(prisma: PrismaClient, index: number): Promise<LogEntryDetail> {
  const cp = await latestCheckpoint(prisma);
  // Entries past the last checkpoint are not public yet: nothing signed vouches for them.
  if (!cp || index >= cp.size) throw notFound(`the log has ${cp?.size ?? 0} entries; there is no entry ${index}`);
  const row = await prisma.logEntry.findUniqueOrThrow({ where: { index: BigInt(index) } });
  const record = decodeLeaf(row.leaf);
  const agency = await prisma.agency.findUnique({ where: { id: record.agency }, select: { id: true, nameZh: true, nameEn: true } });
  return {
    index,
    leafHash: formatHash(row.leafHash as Hash),
    record,
    leafText: fromUtf8(row.leaf),
    treeSize: cp.size,
    agency,
  };
}
