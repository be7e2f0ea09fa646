import "server-only";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { formatHash, toBase64, type Hash } from "@/lib/core/log";
import { notFound } from "@/lib/server/api/errors";
import { requireCheckpoint } from "./latest-checkpoint";
import type { LogEntryDto } from "@/lib/server/api/contract";

/** Entry `index`, once a checkpoint covers it (entries past the last checkpoint are not served). */
export async function getLogEntry(prisma: PrismaClient, index: number): Promise<LogEntryDto> {
  const cp = await requireCheckpoint(prisma);
  if (index >= cp.size) throw notFound(`the log has ${cp.size} entries; there is no entry ${index}`);
  const row = await prisma.logEntry.findUniqueOrThrow({ where: { index: BigInt(index) } });
  return { index, leaf: toBase64(row.leaf), leafHash: formatHash(row.leafHash as Hash) };
}
