import "server-only";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { formatHash, proveInclusion } from "@/lib/core/log";
import { badRequest } from "@/lib/server/api/errors";
import { requireCheckpoint } from "./latest-checkpoint";
import { logHashReader } from "./tile-store";
import type { InclusionProofDto } from "@/lib/server/api/contract";

/** Inclusion proof of entry `index` in the tree of `size` (default: the latest checkpoint). */
export async function getInclusionProof(prisma: PrismaClient, index: number, size?: number): Promise<InclusionProofDto> {
  const cp = await requireCheckpoint(prisma);
  const treeSize = size ?? cp.size;
  if (treeSize > cp.size) throw badRequest(`size ${treeSize} is larger than the log (${cp.size})`);
  if (index >= treeSize) throw badRequest(`index ${index} is not below size ${treeSize}`);
  const proof = await proveInclusion(index, treeSize, logHashReader(prisma, treeSize));
  return { index, size: treeSize, hashes: proof.map(formatHash) };
}
