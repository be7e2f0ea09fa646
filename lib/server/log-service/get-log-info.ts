import "server-only";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { formatHash, type Hash, type WitnessPolicy } from "@/lib/core/log";
import type { LogConfig } from "@/lib/server/env";
import { newestWitnessedCheckpoint, requireCosignedCheckpoint } from "@/lib/server/witnessing/cosigned-checkpoint";
import { listWitnesses, type WitnessInfo } from "@/lib/server/witnessing/witness-list";

export interface LogInfo {
  origin: string;
  verifierKey: string;
  size: number;
  rootHash: string;
  /** The newest checkpoint, with every cosignature collected for it. */
  checkpoint: string;
  witnesses: WitnessInfo[];
  /** The newest checkpoint meeting the witness policy's quorum, with its cosignatures; null without a policy or before any does. */
  witnessed: { size: number; checkpoint: string } | null;
}

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
