import "server-only";
/**
 * Checkpoints as served: the log's signed note with every cosignature collected for it
 * appended after the log's signature line, in the order they were collected (append-only, so
 * the served text of a checkpoint only ever grows). Each line was verified under its witness's
 * key before it was stored (lib/witnessing/witness-checkpoint.ts).
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { quorumMet, type WitnessPolicy } from "@/lib/log";
import { latestCheckpoint, type CheckpointRow } from "@/lib/log-service/latest-checkpoint";

export async function withCosignatures(prisma: PrismaClient, cp: CheckpointRow): Promise<CheckpointRow> {
  const rows = await prisma.cosignature.findMany({ where: { checkpointSize: BigInt(cp.size) }, orderBy: { id: "asc" }, select: { signature: true } });
  return rows.length === 0 ? cp : { ...cp, note: cp.note + rows.map((r) => `${r.signature}\n`).join("") };
}

/** How far back to look for a checkpoint meeting the quorum: witnesses cosign the newest ones. */
const QUORUM_LOOKBACK = 1000;

/**
 * The newest checkpoint whose stored cosignatures, by the policy's witnesses, meet its quorum,
 * with its cosignatures; null without a policy or before any checkpoint meets it.
 */
export async function newestWitnessedCheckpoint(prisma: PrismaClient, policy: WitnessPolicy | null): Promise<CheckpointRow | null> {
  if (!policy) return null;
  if (quorumMet(policy, new Set())) {
    const head = await latestCheckpoint(prisma);
    return head && withCosignatures(prisma, head);
  }
  const names = new Map(policy.witnesses.map((w) => [w.verifier.cosignatureKey, w.name]));
  const rows = await prisma.$queryRaw<{ checkpoint_size: bigint; witnesses: string[] }[]>`
    SELECT checkpoint_size, array_agg(witness) AS witnesses FROM cosignature
    WHERE witness = ANY(${[...names.keys()]}::text[])
    GROUP BY checkpoint_size ORDER BY checkpoint_size DESC LIMIT ${QUORUM_LOOKBACK}`;
  for (const row of rows) {
    const cosigned = new Set(row.witnesses.map((key) => names.get(key)!));
    if (!quorumMet(policy, cosigned)) continue;
    const cp = await prisma.checkpoint.findUniqueOrThrow({ where: { size: row.checkpoint_size } });
    return withCosignatures(prisma, { ...cp, size: Number(cp.size) });
  }
  return null;
}
