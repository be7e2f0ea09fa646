import "server-only";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { CheckpointDto } from "@/lib/server/api/contract";
import { toCheckpointDto } from "./list-checkpoints";

/**
 * The chain, newest first: `limit` checkpoints with size below `before` (all when undefined).
 * Keyset paging on size, so a page link stays correct while the log grows.
 */
export async function listCheckpointsBefore(prisma: PrismaClient, before: number | undefined, limit: number): Promise<CheckpointDto[]> {
  const rows = await prisma.checkpoint.findMany({
    where: before === undefined ? {} : { size: { lt: BigInt(before) } },
    orderBy: { size: "desc" },
    take: limit,
  });
  return rows.map(toCheckpointDto);
}
