import "server-only";
/**
 * Copies the entries one origin checkpoint adds, in one transaction: every record checked
 * against its leaf, every attachment against its hash, the tree extended with the leaf hashes
 * and its root recomputed, and only if that root is the one the origin signed, the checkpoint,
 * its cosignatures (and the mirror's own) and the new verified size are stored with the
 * entries. A refusal, a crash or a SIGKILL at any moment rolls all of it back: nothing half
 * copied, nothing unverified, is ever visible, and the next sync starts again from the last
 * checkpoint held. Under an advisory lock, so the server's loop and `npm run mirror:sync` can
 * run at once and never copy anything twice.
 */
import {
  appendLeafHashes,
  bytesEqual,
  edgeTiles,
  formatHash,
  memoryTileReader,
  sha256Hash,
  tileHashReader,
  toBase64,
  treeHash,
  utf8,
  type CosignatureSigner,
  type Hash,
} from "@/lib/core/log";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { dbTileReader, writeTiles } from "@/lib/server/log-service/tile-store";
import { latestCheckpoint } from "@/lib/server/log-service/latest-checkpoint";
import { insertCheckpoint } from "@/lib/server/log-service/entry-store";
import { reindexNotices } from "@/lib/server/search/index-notice";
import { checkRecord } from "./check-record";
import { MirrorRefusal, OriginUnavailable } from "./mirror-evidence";
import { recordVerifiedSize } from "./mirror-state-store";
import type { OriginClient } from "./origin-client";
import type { OriginCheckpoint } from "./origin-schemas";
import { cosignAsMirror, storeCosignatures } from "./store-cosignatures";
import { fetchAttachments, storeRecords, type FetchedBatch } from "./store-records";

/** Every mirror sync in every process takes this lock ("mirr" in ASCII). */
export const MIRROR_LOCK_KEY = 0x6d697272;
export const RECORDS_PER_REQUEST = 256;

export interface CopyStep {
  from: number;
  /** The origin's checkpoint (its chain row), its signature already verified. */
  checkpoint: OriginCheckpoint;
  /** The checkpoint's text (what cosignatures sign) and signed root. */
  text: string;
  rootHash: Hash;
}

/** The longest one checkpoint's copy may take, each of its statements included. */
const COPY_TIMEOUT_MS = 60 * 60_000;

export interface CopyResult {
  copied: number;
  refusedCosignatures: number;
  /** Another process had copied it already. */
  skipped: boolean;
}

export async function copyCheckpoint(prisma: PrismaClient, origin: OriginClient, step: CopyStep, cosigner: CosignatureSigner | null): Promise<CopyResult> {
  const to = step.checkpoint.size;
  return prisma.$transaction(
    async (tx) => {
      // As the log committer: the web server's statement time-out (lib/server/db/client.ts) is for
      // visitors' queries; waiting for another process's copy may rightly take longer. The
      // transaction's own time-out still bounds it, and a copy cut short rolls back whole.
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${COPY_TIMEOUT_MS}`);
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", MIRROR_LOCK_KEY);
      const head = await latestCheckpoint(tx);
      const held = head?.size ?? 0;
      if (held >= to) return { copied: 0, refusedCosignatures: 0, skipped: true };
      if (held !== step.from) throw new OriginUnavailable(`the mirror's head moved to ${held} while copying from ${step.from}; starting again`);
      if (head) {
        // The chain row links to the note the mirror holds, as the origin's own chain must.
        const link = toBase64(sha256Hash(utf8(head.note)));
        if (step.checkpoint.prevHash !== link) {
          throw new MirrorRefusal({
            kind: "bad-chain",
            message: `the origin's checkpoint ${to} does not follow the checkpoint ${held} the mirror holds (previous-note hash ${step.checkpoint.prevHash ?? "none"}, expected ${link})`,
            held: { size: held, note: head.note },
            served: { size: to, note: step.checkpoint.note },
          });
        }
      }
      const edge = edgeTiles(step.from);
      const edgeData = await dbTileReader(tx).readTiles(edge);
      const leafHashes: Hash[] = [];
      const touched = new Set<string>();
      // The next page (records and attachments, over HTTP) is fetched while this one is written.
      const fetchPage = async (start: number): Promise<FetchedBatch> => {
        const count = Math.min(RECORDS_PER_REQUEST, to - start);
        const page = await origin.records(start, count);
        if (page.records.length !== count) {
          throw new OriginUnavailable(`the origin served ${page.records.length} of entries ${start}–${start + count - 1} (its records end at ${page.size})`);
        }
        return fetchAttachments(
          origin,
          page.records.map((record, i) => checkRecord(record, start + i)),
        );
      };
      let next: Promise<FetchedBatch> | null = fetchPage(step.from);
      for (let start = step.from; next; start += RECORDS_PER_REQUEST) {
        const batch: FetchedBatch = await next;
        const following = start + RECORDS_PER_REQUEST;
        next = following < to ? fetchPage(following) : null;
        // A failure while writing must not leave the prefetch's own failure unhandled.
        next?.catch(() => undefined);
        for (const notice of await storeRecords(tx, batch)) touched.add(notice);
        leafHashes.push(...batch.records.map((c) => c.leafHash));
      }
      const written = appendLeafHashes(step.from, edgeData, leafHashes);
      await writeTiles(tx, written);
      const tiles = memoryTileReader([...edge.map((tile, i) => ({ tile, data: edgeData[i]! })), ...written]);
      const root = await treeHash(to, tileHashReader(to, tiles));
      if (!bytesEqual(root, step.rootHash)) {
        throw new MirrorRefusal({
          kind: "bad-root",
          message: `the entries the origin serves for ${step.from}–${to - 1} give the root ${formatHash(root)}, not the root ${formatHash(step.rootHash)} of its signed checkpoint ${to}`,
          held: head ? { size: held, note: head.note } : null,
          served: { size: to, note: step.checkpoint.note },
        });
      }
      const createdAt = new Date(step.checkpoint.createdAt);
      await insertCheckpoint(
        tx,
        { size: to, rootHash: root, note: step.checkpoint.note, createdAt: Number.isNaN(createdAt.getTime()) ? new Date() : createdAt },
        head?.note ?? null,
      );
      const refusedCosignatures = await storeCosignatures(tx, to, step.text, step.checkpoint.cosignatures);
      const now = new Date();
      if (cosigner) await cosignAsMirror(tx, to, step.text, cosigner, now);
      await reindexNotices(tx, [...touched]);
      await recordVerifiedSize(tx, to, now);
      return { copied: to - step.from, refusedCosignatures, skipped: false };
    },
    // Long: the transaction spans the origin's answers for a whole checkpoint (READ COMMITTED, as the committer).
    { timeout: COPY_TIMEOUT_MS, maxWait: 120_000, isolationLevel: "ReadCommitted" },
  );
}
