import "server-only";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { formatHash, type Hash } from "@/lib/core/log";
import type { ChainCheckpointDto, CheckpointDto } from "@/lib/server/api/contract";

/**
 * The chain, oldest first: `limit` rows with size greater than `after` (keyset paging), each
 * with the cosignatures collected for it, in the order they were collected.
 */
export async function listCheckpoints(prisma: PrismaClient, after: number | undefined, limit: number): Promise<ChainCheckpointDto[]> {
  const rows = await prisma.checkpoint.findMany({
    where: after === undefined ? {} : { size: { gt: BigInt(after) } },
    orderBy: { size: "asc" },
    take: limit,
    include: { cosignatures: { orderBy: { id: "asc" }, select: { witness: true, signature: true } } },
  });
  return rows.map((r) => ({ ...toCheckpointDto(r), cosignatures: r.cosignatures }));
}

export function toCheckpointDto(r: { size: bigint; rootHash: Uint8Array; note: string; prevHash: string | null; createdAt: Date }): CheckpointDto {
  return { size: Number(r.size), rootHash: formatHash(r.rootHash as Hash), note: r.note, prevHash: r.prevHash, createdAt: r.createdAt.toISOString() };
}
