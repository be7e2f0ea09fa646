import "server-only";
/** Each witness of the policy with what the portal knows of it, for GET /api/v1/log and the admin dashboard. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { WitnessPolicy } from "@/lib/core/log";
import { readWitnessStatuses } from "./witness-status-store";

export interface WitnessInfo {
  /** The policy's name for the witness. */
  name: string;
  /** Its verifier key as the policy gives it (a 0x04 cosignature vkey, or a 0x01 note vkey). */
  verifierKey: string;
  /** Its submission prefix; null when the policy gives none (listed, never contacted). */
  url: string | null;
  /** The largest checkpoint size it cosigned, and the time in that cosignature. */
  cosignedSize: number | null;
  cosignedAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** The last error is evidence of a fork or a misbehaving witness (kept until it cosigns again). */
  evidence: boolean;
}

export async function listWitnesses(prisma: PrismaClient, policy: WitnessPolicy | null): Promise<WitnessInfo[]> {
  if (!policy) return [];
  const statuses = await readWitnessStatuses(prisma);
  return policy.witnesses.map((w) => {
    const s = statuses.get(w.verifier.cosignatureKey);
    return {
      name: w.name,
      verifierKey: w.verifier.key,
      url: w.url,
      cosignedSize: s?.cosignedSize ?? null,
      cosignedAt: s?.cosignedAt?.toISOString() ?? null,
      lastError: s?.lastError ?? null,
      lastErrorAt: s?.lastErrorAt?.toISOString() ?? null,
      evidence: s?.evidence ?? false,
    };
  });
}
