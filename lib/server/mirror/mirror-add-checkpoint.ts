import "server-only";
/**
 * The mirror's answer to a C2SP tlog-witness add-checkpoint request: its cosignature on that
 * checkpoint once it holds it and everything the checkpoint covers, verified. An origin whose
 * witness policy lists the mirror (`witness <name> <mirror's vkey> <mirror URL>`) collects it
 * as it collects a witness's, so a policy can require "stored by at least one mirror".
 *
 * A mirror judges consistency from what it copied itself, not from the proof in the request, and
 * signs any checkpoint it holds (its statement is "stored", not "newest seen"): the old size and
 * proof are read for their form only (docs/decisions.md). A checkpoint it does not hold yet
 * starts a sync and is answered when that sync ends (within the client's time-out) or with 503
 * and Retry-After; a different root at a size it holds is a 409, as a witness answers a fork.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { bytesEqual, formatTlogSize, MAX_ADD_CHECKPOINT_BYTES, openAddCheckpoint, TLOG_SIZE_CONTENT_TYPE } from "@/lib/core/log";
import { latestCheckpoint } from "@/lib/server/log-service/latest-checkpoint";
import type { MirrorConfig } from "./mirror-config";
import { cosignAsMirror } from "./store-cosignatures";
import { syncOnce } from "./sync-once";

export interface AddCheckpointAnswer {
  status: number;
  body: string;
  contentType: string;
  retryAfter?: number;
}

/** How long a request waits for the sync it started (witness clients time out after 10 s or more). */
export const SYNC_WAIT_MS = 8_000;

const text = (status: number, body: string): AddCheckpointAnswer => ({ status, body: `${body}\n`, contentType: "text/plain; charset=utf-8" });

export async function answerAddCheckpoint(prisma: PrismaClient, config: MirrorConfig, body: string, waitMs = SYNC_WAIT_MS): Promise<AddCheckpointAnswer> {
  const cosigner = config.cosigner;
  if (!cosigner) return text(404, "this mirror does not cosign (no MIRROR_SIGNER_KEY)");
  if (Buffer.byteLength(body) > MAX_ADD_CHECKPOINT_BYTES) return text(413, `request body over ${MAX_ADD_CHECKPOINT_BYTES} bytes`);
  const state = await prisma.mirrorState.findUnique({ where: { id: 1 }, select: { logOrigin: true, state: true } });
  const expectedOrigin = state?.logOrigin ?? config.verifier.name;
  const opened = openAddCheckpoint(body, (origin) => (origin === expectedOrigin ? [config.verifier] : undefined));
  if (opened.status !== "signed") return text(opened.status, opened.reason);
  const { size, rootHash } = opened.signed.checkpoint;

  let held = await prisma.checkpoint.findUnique({ where: { size: BigInt(size) }, select: { note: true, rootHash: true } });
  if (!held && state?.state !== "refused") {
    await Promise.race([syncOnce(prisma, config).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, waitMs))]);
    held = await prisma.checkpoint.findUnique({ where: { size: BigInt(size) }, select: { note: true, rootHash: true } });
  }
  if (!held) {
    const head = await latestCheckpoint(prisma);
    if (head && head.size > size) return { status: 409, body: formatTlogSize(head.size), contentType: TLOG_SIZE_CONTENT_TYPE };
    const why = state?.state === "refused" ? "this mirror has refused the origin (see GET /api/v1/mirror)" : `this mirror does not hold checkpoint ${size} yet`;
    return { ...text(503, why), retryAfter: 5 };
  }
  if (!bytesEqual(held.rootHash, rootHash)) return { status: 409, body: formatTlogSize(size), contentType: TLOG_SIZE_CONTENT_TYPE };

  const mine = () =>
    prisma.cosignature.findUnique({ where: { checkpointSize_witness: { checkpointSize: BigInt(size), witness: cosigner.verifierKey } }, select: { signature: true } });
  let line = await mine();
  if (!line) {
    // Held from before the mirror had a key: it signs now what it verified then.
    const noteText = held.note.slice(0, held.note.indexOf("\n\n") + 1);
    await cosignAsMirror(prisma, size, noteText, cosigner, new Date());
    line = await mine();
  }
  return { status: 200, body: `${line!.signature}\n`, contentType: "text/plain; charset=utf-8" };
}
