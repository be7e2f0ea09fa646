import "server-only";
/**
 * Which checkpoint a proof bundle proves against. With witnesses, "verified" means included in
 * a checkpoint that meets the policy's quorum, so a bundle uses the newest such checkpoint
 * when it covers the version; otherwise (no policy, no quorum yet, or a version newer than the
 * last witnessed checkpoint) the newest checkpoint, with whatever cosignatures it has. Both are
 * read once per answer, so every bundle in one answer uses one of the same two tree heads.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { WitnessPolicy } from "@/lib/core/log";
import type { CheckpointRow } from "@/lib/server/log-service/latest-checkpoint";
import { newestWitnessedCheckpoint, requireCosignedCheckpoint } from "@/lib/server/witnessing/cosigned-checkpoint";

export interface BundleCheckpoints {
  head: CheckpointRow;
  witnessed: CheckpointRow | null;
  /**
   * The checkpoint for the entry at `index`. A consistency proof `from` a size beyond the
   * witnessed checkpoint can only go forward to the head, so such a request gets the head.
   */
  pick(index: number, from?: number): CheckpointRow;
}

export async function readBundleCheckpoints(prisma: PrismaClient, policy: WitnessPolicy | null): Promise<BundleCheckpoints> {
  const head = await requireCosignedCheckpoint(prisma);
  const newest = await newestWitnessedCheckpoint(prisma, policy, head);
  // Never newer than the head; equal to it, the head already serves.
  const witnessed = newest && newest.size < head.size ? newest : null;
  return {
    head,
    witnessed,
    pick: (index, from) => (witnessed && index < witnessed.size && (from === undefined || from <= witnessed.size) ? witnessed : head),
  };
}
