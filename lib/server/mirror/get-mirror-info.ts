import "server-only";
/**
 * The mirror's public account of itself (GET /api/v1/mirror, the status page /[locale]/mirror
 * and the banner on every page): whose copy this is, how far it has verified the origin's log,
 * and whether it still follows it. Before the first sync there is no mirror_state row yet; the
 * answer then says so plainly (nothing verified, state behind) instead of failing.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { MirrorInfo } from "@/lib/server/api/contract";
import { readMirrorStatus } from "./mirror-status";

export async function getMirrorInfo(prisma: PrismaClient, originUrl: string): Promise<MirrorInfo> {
  const status = await readMirrorStatus(prisma);
  if (!status) {
    return {
      origin: originUrl,
      logOrigin: null,
      size: 0,
      verifiedAt: null,
      state: "behind",
      evidence: null,
      originSize: null,
      lastError: null,
      lastAttemptAt: null,
      changedAt: null,
    };
  }
  return status;
}
