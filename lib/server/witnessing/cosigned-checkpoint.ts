import "server-only";
/**
 * Checkpoints as served: the log's signed note with every cosignature collected for it
 * appended after the log's signature line, in the order they were collected (append-only, so
 * the served text of a checkpoint only ever grows). Each line was verified under its witness's
 * key before it was stored (lib/server/witnessing/witness-checkpoint.ts). Each checkpoint is read with
 * its cosignatures in one query: /log/checkpoint and GET /api/v1/log are on every verifier's path.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { ApiError } from "@/lib/server/api/errors";
import { quorumMet, type WitnessPolicy } from "@/lib/core/log";
import type { CheckpointRow } from "@/lib/server/log-service/latest-checkpoint";

const WITH_COSIGNATURES = { cosignatures: { orderBy: { id: "asc" }, select: { signature: true } } } as const;

type StoredCheckpoint = Omit<CheckpointRow, "size"> & { size: bigint; cosignatures: { signature: string }[] };

function served({ cosignatures, ...cp }: StoredCheckpoint): CheckpointRow {
  return { ...cp, size: Number(cp.size), note: cp.note + cosignatures.map((c) => `${c.signature}\n`).join("") };
}

/** The newest checkpoint with its cosignatures, or a 503 while the log has not signed its first one yet. */
export async function requireCosignedCheckpoint(prisma: PrismaClient): Promise<CheckpointRow> {
  const row = await prisma.checkpoint.findFirst({ orderBy: { size: "desc" }, include: WITH_COSIGNATURES });
  if (!row) throw new ApiError("unavailable", "the log has not published a checkpoint yet");
  return served(row);
}

/**
 * How far back to look for a checkpoint meeting the quorum, in cosignature rows per witness:
 * witnesses cosign the newest checkpoints, so a quorum older than this is not worth finding,
 * and the scan stays bounded (newest rows first, down the (checkpoint_size, witness) index).
 */
const QUORUM_LOOKBACK = 1000;

/**
 * The newest checkpoint whose stored cosignatures, by the policy's witnesses, meet its quorum,
 * with its cosignatures; null without a policy or before any checkpoint meets it. `head` is the
 * newest checkpoint as just read (requireCosignedCheckpoint): returned as is when it is the one.
 */
export async function newestWitnessedCheckpoint(prisma: PrismaClient, policy: WitnessPolicy | null, head: CheckpointRow): Promise<CheckpointRow | null> {
  if (!policy) return null;
  if (quorumMet(policy, new Set())) return head;
  const names = new Map(policy.witnesses.map((w) => [w.verifier.cosignatureKey, w.name]));
  const rows = await prisma.$queryRaw<{ checkpoint_size: bigint; witnesses: string[] }[]>`
    SELECT checkpoint_size, array_agg(witness) AS witnesses FROM (
      SELECT checkpoint_size, witness FROM cosignature
      WHERE witness = ANY(${[...names.keys()]}::text[]) AND checkpoint_size <= ${BigInt(head.size)}
      ORDER BY checkpoint_size DESC LIMIT ${QUORUM_LOOKBACK * names.size}) recent
    GROUP BY checkpoint_size ORDER BY checkpoint_size DESC`;
  const met = rows.find((row) => quorumMet(policy, new Set(row.witnesses.map((key) => names.get(key)!))));
  if (!met) return null;
  if (Number(met.checkpoint_size) === head.size) return head;
  return served(await prisma.checkpoint.findUniqueOrThrow({ where: { size: met.checkpoint_size }, include: WITH_COSIGNATURES }));
}
