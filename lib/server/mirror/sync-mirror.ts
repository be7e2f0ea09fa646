import "server-only";
/**
 * One sync of a mirror with its origin (`npm run mirror:sync`, and each round of the server's
 * loop): read the origin's newest checkpoint and check it under the pinned key; refuse a
 * rollback or a different root at a size already held; then walk the origin's checkpoint chain
 * from the newest checkpoint held, copying each checkpoint's entries in a transaction of its own
 * (lib/server/mirror/copy-checkpoint.ts), so a restart resumes at the last checkpoint copied.
 *
 * Outcome: following (a verified copy up to the origin's newest checkpoint), behind (the origin
 * could not be read: try again later), or refused (evidence stored; the mirror stops following
 * and keeps serving what it verified, docs/mirrors.md).
 */
import { bytesEqual, openCheckpoint, parseCheckpoint, parseHash, verifyConsistency, type Checkpoint, type Hash } from "@/lib/core/log";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { latestCheckpoint } from "@/lib/server/log-service/latest-checkpoint";
import { copyCheckpoint } from "./copy-checkpoint";
import type { MirrorConfig } from "./mirror-config";
import { MirrorRefusal, OriginUnavailable } from "./mirror-evidence";
import { ensureMirrorState, recordBehind, recordFollowing, recordLogOrigin, recordRefused } from "./mirror-state-store";
import type { MirrorEvidence, MirrorState } from "@/lib/server/api/contract";
import { originClient, type OriginClient } from "./origin-client";
import { refreshCosignatures } from "./refresh-cosignatures";
import { syncAgencies } from "./sync-agencies";

const CHAIN_PAGE = 1000;

export interface SyncOutcome {
  state: MirrorState;
  /** The size the mirror holds, verified, after this sync. */
  size: number;
  /** The origin's newest checkpoint size, when it could be read. */
  originSize: number | null;
  /** Entries copied by this sync. */
  copied: number;
  /** What happened, for the operator (the CLI prints it). */
  message: string;
  evidence?: MirrorEvidence;
}

export async function syncMirror(prisma: PrismaClient, config: MirrorConfig, client: OriginClient = originClient(config.originUrl)): Promise<SyncOutcome> {
  const started = new Date();
  const state = await ensureMirrorState(prisma, config.originUrl, started);
  const heldSize = async () => (await latestCheckpoint(prisma))?.size ?? 0;
  if (state.state === "refused") {
    return {
      state: "refused",
      size: await heldSize(),
      originSize: null,
      copied: 0,
      message: `refused earlier: ${state.evidence?.message ?? "see the status page"}`,
      evidence: state.evidence ?? undefined,
    };
  }
  let originSize: number | null = null;
  let copied = 0;
  try {
    const servedNote = await client.checkpoint();
    const logOrigin = state.logOrigin ?? originOf(servedNote);
    const served = openSigned(servedNote, logOrigin, config, null);
    originSize = served.size;
    if (!state.logOrigin) await recordLogOrigin(prisma, logOrigin);

    const head = await latestCheckpoint(prisma);
    const held = head ? { size: head.size, note: head.note, rootHash: parseCheckpoint(noteText(head.note)).rootHash } : null;
    if (held && served.size < held.size) {
      throw new MirrorRefusal({
        kind: "rollback",
        message: `the origin's newest checkpoint is ${served.size}, smaller than the checkpoint ${held.size} the mirror holds: the log was rolled back`,
        held,
        served: { size: served.size, note: servedNote },
      });
    }
    if (held && served.size === held.size && !bytesEqual(served.rootHash, held.rootHash)) {
      throw new MirrorRefusal({
        kind: "fork",
        message: `the origin signed a different root for size ${held.size}, which the mirror holds: a fork`,
        held,
        served: { size: served.size, note: servedNote },
      });
    }
    await syncAgencies(prisma, client);
    let at = held?.size ?? 0;
    while (at < served.size) {
      const chain = (await client.chain(at, CHAIN_PAGE)).filter((cp) => cp.size > at && cp.size <= served.size);
      if (chain.length === 0) throw new OriginUnavailable(`the origin's checkpoint chain does not reach its newest checkpoint ${served.size} from ${at}`);
      for (const cp of chain) {
        if (cp.size <= at) continue;
        const signed = openSigned(cp.note, logOrigin, config, { size: cp.size, note: cp.note });
        if (cp.size === served.size && !bytesEqual(signed.rootHash, served.rootHash)) {
          throw new MirrorRefusal({
            kind: "fork",
            message: `the origin signed two different roots for size ${cp.size}`,
            held: { size: cp.size, note: cp.note },
            served: { size: served.size, note: servedNote },
          });
        }
        const result = await copyCheckpoint(prisma, client, { from: at, checkpoint: cp, text: noteText(cp.note), rootHash: signed.rootHash }, config.cosigner);
        copied += result.copied;
        if (result.refusedCosignatures > 0) console.warn(`mirror: skipped ${result.refusedCosignatures} cosignatures of checkpoint ${cp.size} that do not verify`);
        at = cp.size;
      }
    }
    await refreshCosignatures(prisma, client);
    const size = await heldSize();
    await recordFollowing(prisma, size, served.size, new Date());
    return { state: "following", size, originSize, copied, message: `verified copy up to checkpoint ${size}${copied ? ` (${copied} entries copied)` : ""}` };
  } catch (error) {
    if (error instanceof MirrorRefusal) {
      const evidence = await completeEvidence(client, error.evidence);
      await recordRefused(prisma, evidence, new Date());
      return { state: "refused", size: await heldSize(), originSize, copied, message: `refused the origin: ${evidence.message}`, evidence };
    }
    const message = error instanceof OriginUnavailable ? error.message : `the copy failed: ${(error as Error).message}`;
    if (!(error instanceof OriginUnavailable)) console.error("mirror: unexpected error while syncing", error);
    await recordBehind(prisma, message, originSize, new Date());
    return { state: "behind", size: await heldSize(), originSize, copied, message };
  }
}

/** The checkpoint under the pinned key, or a refusal carrying the note that failed. */
function openSigned(note: string, logOrigin: string, config: MirrorConfig, chainRow: { size: number; note: string } | null): Checkpoint {
  try {
    return openCheckpoint(note, logOrigin, [config.verifier]).checkpoint;
  } catch (e) {
    const size = chainRow?.size ?? sizeOf(note);
    throw new MirrorRefusal({
      kind: "bad-signature",
      message: `the origin's checkpoint${size === null ? "" : ` ${size}`} does not verify under the pinned key ${config.logKey} for ${logOrigin}: ${(e as Error).message}`,
      served: { size: size ?? 0, note },
    });
  }
}

/**
 * When the recomputed root differs from the signed one, or the origin's chain does not link to
 * the checkpoint held, the origin's consistency proof between the checkpoint held and the one
 * served tells the cases apart: it verifies (the origin's log extends the mirror's, but what it
 * serves is not what it signed) or it does not (two signed checkpoints that cannot both be true:
 * a fork).
 */
async function completeEvidence(client: OriginClient, evidence: MirrorRefusal["evidence"]): Promise<MirrorEvidence> {
  const at = new Date().toISOString();
  if ((evidence.kind !== "bad-root" && evidence.kind !== "bad-chain") || !evidence.held || !evidence.served) return { ...evidence, at };
  const from = evidence.held.size;
  const to = evidence.served.size;
  const heldRoot = parseCheckpoint(noteText(evidence.held.note)).rootHash;
  const servedRoot = parseCheckpoint(noteText(evidence.served.note)).rootHash;
  let hashes: string[] = [];
  let verified = false;
  try {
    hashes = await client.consistency(from, to);
    verifyConsistency(
      from,
      to,
      hashes.map((h) => parseHash(h) as Hash),
      heldRoot,
      servedRoot,
    );
    verified = true;
  } catch {
    verified = false;
  }
  if (verified && evidence.kind === "bad-chain") return { ...evidence, proof: { from, to, hashes, verified }, at };
  return verified
    ? {
        ...evidence,
        kind: "bad-leaf",
        message: `${evidence.message}; its consistency proof from ${from} verifies, so the entries it serves are not the ones it signed`,
        proof: { from, to, hashes, verified },
        at,
      }
    : {
        ...evidence,
        kind: "fork",
        message: `${evidence.message}; no consistency proof from the mirror's checkpoint ${from} verifies: the origin's log is not an extension of the one the mirror holds (a fork)`,
        proof: { from, to, hashes, verified },
        at,
      };
}

/** The note's text: everything before the blank line that starts its signatures. */
function noteText(note: string): string {
  return note.slice(0, note.indexOf("\n\n") + 1);
}

function originOf(note: string): string {
  const line = note.slice(0, note.indexOf("\n"));
  if (!line) throw new OriginUnavailable("the origin's checkpoint is empty");
  return line;
}

function sizeOf(note: string): number | null {
  const n = Number(note.split("\n")[1]);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}
