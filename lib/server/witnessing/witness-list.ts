import "server-only";
/** Each witness of the policy with what the portal knows of it, for GET /api/v1/log and the admin dashboard. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { WitnessPolicy } from "@/lib/core/log";
import { readWitnessStatuses } from "./witness-status-store";
import type { WitnessInfo } from "@/lib/server/api/contract";

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
