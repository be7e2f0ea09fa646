import "server-only";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { formatHash, type Hash, type WitnessPolicy } from "@/lib/core/log";
import type { LogConfig } from "@/lib/server/env";
import { newestWitnessedCheckpoint, requireCosignedCheckpoint } from "@/lib/server/witnessing/cosigned-checkpoint";
import { listWitnesses } from "@/lib/server/witnessing/witness-list";
import type { LogInfo } from "@/lib/server/api/contract";

export async function getLogInfo(prisma: PrismaClient, config: Pick<LogConfig, "origin" | "verifierKey">, policy: WitnessPolicy | null = null): Promise<LogInfo> {
  const cp = await requireCosignedCheckpoint(prisma);
  const [witnesses, witnessed] = await Promise.all([listWitnesses(prisma, policy), newestWitnessedCheckpoint(prisma, policy, cp)]);
  return {
    origin: config.origin,
    verifierKey: config.verifierKey,
    size: cp.size,
    rootHash: formatHash(cp.rootHash as Hash),
    checkpoint: cp.note,
    witnesses,
    witnessed: witnessed && { size: witnessed.size, checkpoint: witnessed.note },
  };
}
