import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/api/errors";

export interface CheckpointRow {
  size: number;
  rootHash: Uint8Array;
  note: string;
  prevHash: string | null;
  createdAt: Date;
}

export async function latestCheckpoint(prisma: PrismaClient): Promise<CheckpointRow | null> {
  const row = await prisma.checkpoint.findFirst({ orderBy: { size: "desc" } });
  return row && { ...row, size: Number(row.size) };
}

/** The latest checkpoint, or a 503 while the log has not signed its first one yet. */
export async function requireCheckpoint(prisma: PrismaClient): Promise<CheckpointRow> {
  const cp = await latestCheckpoint(prisma);
  if (!cp) throw new ApiError("unavailable", "the log has not published a checkpoint yet");
  return cp;
}
