import "server-only";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { formatHash, proveConsistency } from "@/lib/core/log";
import { badRequest } from "@/lib/server/api/errors";
import { requireCheckpoint } from "./latest-checkpoint";
import { logHashReader } from "./tile-store";
import type { ConsistencyProofDto } from "@/lib/server/api/contract";

export async function getConsistencyProof(prisma: PrismaClient, from: number, to: number): Promise<ConsistencyProofDto> {
  const cp = await requireCheckpoint(prisma);
  if (to > cp.size) throw badRequest(`to ${to} is larger than the log (${cp.size})`);
  if (from > to) throw badRequest(`from ${from} is greater than to ${to}`);
  const proof = await proveConsistency(from, to, logHashReader(prisma, to));
  return { from, to, hashes: proof.map(formatHash) };
}
