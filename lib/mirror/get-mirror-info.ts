import "server-only";
/**
 * The mirror's public account of itself (GET /api/v1/mirror, the status page /[locale]/mirror
 * and the banner on every page): whose copy this is, how far it has verified the origin's log,
 * and whether it still follows it. Before the first sync there is no mirror_state row yet; the
 * answer then says so plainly (nothing verified, state behind) instead of failing.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { readMirrorStatus, type MirrorEvidence, type MirrorState } from "./mirror-status";

export interface MirrorInfo {
  /** The origin's URL (MIRROR_OF). */
  origin: string;
  /** The origin's checkpoint origin line, once the mirror verified a checkpoint. */
  logOrigin: string | null;
  /** The size of the newest checkpoint this mirror holds with everything it covers. */
  size: number;
  verifiedAt: string | null;
  state: MirrorState;
  evidence: MirrorEvidence | null;
  /** The newest checkpoint size the origin served, verified or not. */
  originSize: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  /** When the state or the verified size last changed; null before the first sync. */
  changedAt: string | null;
}

export async function getMirrorInfo(prisma: PrismaClient, originUrl: string): Promise<MirrorInfo> {
  const status = await readMirrorStatus(prisma);
  if (!status) {
    return { origin: originUrl, logOrigin: null, size: 0, verifiedAt: null, state: "behind", evidence: null, originSize: null, lastError: null, lastAttemptAt: null, changedAt: null };
  }
  return { ...status };
}
