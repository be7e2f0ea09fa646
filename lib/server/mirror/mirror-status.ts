import "server-only";
/**
 * What a mirror tells the public about itself (GET /api/v1/mirror, the status page, the banner
 * on every page): whose copy it is, how far it has verified, and whether it still follows.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { MirrorEvidence, MirrorInfo, MirrorState } from "@/lib/server/api/contract";

/** The mirror's status as stored: from the first sync on, it has a time it last changed. */
export type MirrorStatus = MirrorInfo & { changedAt: string };

/** The mirror's status; null when this server has not started mirroring (or is no mirror). */
export async function readMirrorStatus(prisma: PrismaClient): Promise<MirrorStatus | null> {
  const row = await prisma.mirrorState.findUnique({ where: { id: 1 } });
  if (!row) return null;
  return {
    origin: row.originUrl,
    logOrigin: row.logOrigin,
    size: Number(row.size),
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    state: row.state as MirrorState,
    evidence: (row.evidence as MirrorEvidence | null) ?? null,
    originSize: row.originSize === null ? null : Number(row.originSize),
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    changedAt: row.changedAt.toISOString(),
  };
}
