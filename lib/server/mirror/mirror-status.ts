import "server-only";
/**
 * What a mirror tells the public about itself (GET /api/v1/mirror, the status page, the banner
 * on every page): whose copy it is, how far it has verified, and whether it still follows.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";

export type MirrorState = "following" | "behind" | "refused";

/** Why a mirror refused its origin: both checkpoints, the failing proof, notice, field or file. */
export interface MirrorEvidence {
  /** fork | rollback | bad-signature | bad-chain | bad-leaf | bad-content | bad-attachment (a relayed cosignature that does not verify is skipped, never a refusal: lib/server/mirror/store-cosignatures.ts) */
  kind: string;
  /** One sentence naming what failed, in English (the operator's and the API's language). */
  message: string;
  at: string;
  /** The newest checkpoint the mirror held and verified (the signed note). */
  held?: { size: number; note: string } | null;
  /** The checkpoint the origin served that the mirror refused. */
  served?: { size: number; note: string } | null;
  /** The origin's consistency proof between the two, when it gave one, and whether it verified. */
  proof?: { from: number; to: number; hashes: string[]; verified: boolean } | null;
  /** The entry, notice version, field or file whose bytes did not match. */
  entry?: { index: number; notice?: string; version?: number; field?: string; file?: string; expected?: string; got?: string } | null;
}

export interface MirrorStatus {
  /** The origin's URL. */
  origin: string;
  /** The checkpoint origin line it follows, once known. */
  logOrigin: string | null;
  /** The newest checkpoint size the mirror holds with everything it covers. */
  size: number;
  /** When it last verified that it holds the origin's newest checkpoint. */
  verifiedAt: string | null;
  state: MirrorState;
  evidence: MirrorEvidence | null;
  originSize: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  changedAt: string;
}

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
