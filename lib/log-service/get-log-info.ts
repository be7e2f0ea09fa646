import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { formatHash, type Hash } from "@/lib/log";
import type { LogConfig } from "@/lib/env";
import { requireCheckpoint } from "./latest-checkpoint";

export interface LogInfo {
  origin: string;
  verifierKey: string;
  size: number;
  rootHash: string;
  checkpoint: string;
}

export async function getLogInfo(prisma: PrismaClient, config: Pick<LogConfig, "origin" | "verifierKey">): Promise<LogInfo> {
  const cp = await requireCheckpoint(prisma);
  return {
    origin: config.origin,
    verifierKey: config.verifierKey,
    size: cp.size,
    rootHash: formatHash(cp.rootHash as Hash),
    checkpoint: cp.note,
  };
}
