import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { formatHash, type Hash } from "@/lib/log";

export interface CheckpointDto {
  size: number;
  rootHash: string;
  note: string;
  prevHash: string | null;
  createdAt: string;
}

/** The chain, oldest first: `limit` rows with size greater than `after` (keyset paging). */
export async function listCheckpoints(prisma: PrismaClient, after: number | undefined, limit: number): Promise<CheckpointDto[]> {
  const rows = await prisma.checkpoint.findMany({
    where: after === undefined ? {} : { size: { gt: BigInt(after) } },
    orderBy: { size: "asc" },
    take: limit,
  });
  return rows.map(toCheckpointDto);
}

export function toCheckpointDto(r: { size: bigint; rootHash: Uint8Array; note: string; prevHash: string | null; createdAt: Date }): CheckpointDto {
  return { size: Number(r.size), rootHash: formatHash(r.rootHash as Hash), note: r.note, prevHash: r.prevHash, createdAt: r.createdAt.toISOString() };
}
