import "server-only";
/** The writes of the mirror's one bookkeeping row (mirror_state). */
import type { Prisma, PrismaClient } from "@/lib/server/db/generated/client";
import type { MirrorEvidence, MirrorState } from "@/lib/server/api/contract";

type Db = PrismaClient | Prisma.TransactionClient;

export interface StoredMirrorState {
  state: MirrorState;
  logOrigin: string | null;
  evidence: MirrorEvidence | null;
}

/** The row, created on the first sync; a changed MIRROR_OF (the origin moved) is recorded, not refused. */
export async function ensureMirrorState(prisma: Db, originUrl: string, now: Date): Promise<StoredMirrorState> {
  const row = await prisma.mirrorState.upsert({
    where: { id: 1 },
    create: { id: 1, originUrl, lastAttemptAt: now },
    update: { originUrl, lastAttemptAt: now },
  });
  return { state: row.state as MirrorState, logOrigin: row.logOrigin, evidence: row.evidence as MirrorEvidence | null };
}

export async function recordLogOrigin(prisma: Db, logOrigin: string): Promise<void> {
  await prisma.mirrorState.update({ where: { id: 1 }, data: { logOrigin } });
}

/** After each checkpoint copied (inside its transaction): the verified size grows with it. */
export async function recordVerifiedSize(tx: Db, size: number, now: Date): Promise<void> {
  await tx.mirrorState.update({ where: { id: 1 }, data: { size: BigInt(size), changedAt: now } });
}

export async function recordFollowing(prisma: Db, size: number, originSize: number, now: Date): Promise<void> {
  const before = await prisma.mirrorState.findUniqueOrThrow({ where: { id: 1 }, select: { state: true } });
  await prisma.mirrorState.update({
    where: { id: 1 },
    data: { state: "following", size: BigInt(size), originSize: BigInt(originSize), verifiedAt: now, lastError: null, ...(before.state !== "following" ? { changedAt: now } : {}) },
  });
}

export async function recordBehind(prisma: Db, message: string, originSize: number | null, now: Date): Promise<void> {
  const before = await prisma.mirrorState.findUniqueOrThrow({ where: { id: 1 }, select: { state: true } });
  if (before.state === "refused") return;
  await prisma.mirrorState.update({
    where: { id: 1 },
    data: { state: "behind", lastError: message, ...(originSize !== null ? { originSize: BigInt(originSize) } : {}), ...(before.state !== "behind" ? { changedAt: now } : {}) },
  });
}

/** Permanent until the operator acts (docs/mirrors.md): the evidence stays as it was first found. */
export async function recordRefused(prisma: Db, evidence: MirrorEvidence, now: Date): Promise<void> {
  await prisma.mirrorState.update({
    where: { id: 1 },
    data: { state: "refused", evidence: evidence as unknown as Prisma.InputJsonValue, lastError: evidence.message, changedAt: now },
  });
}
