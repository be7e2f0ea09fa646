import "server-only";
/**
 * The committer: sequences pending notice versions into the log.
 *
 * One transaction, under a transaction-scoped advisory lock, does everything: build the
 * leaves, append them, store the new tiles, sign a checkpoint over the new root and chain
 * it to the previous one, and dequeue the versions. Any crash before COMMIT leaves the
 * database exactly as it was; many app instances may call this at once and only one works
 * at a time, so nothing is ever sequenced twice (log_entry.notice_version_id is also UNIQUE).
 */
import { createHash } from "node:crypto";
import {
  appendLeafHashes,
  asHash,
  buildRedactLeaf,
  bytesEqual,
  canonicalJsonBytes,
  openCheckpoint,
  parseVerifierKey,
  type Tile,
  edgeTiles,
  memoryTileReader,
  signCheckpoint,
  tileHashReader,
  treeHash,
  type Hash,
} from "@/lib/core/log";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { LogConfig } from "@/lib/server/env";
import { pgTransaction } from "@/lib/server/db/pg-transaction";
import { dbTileReader, writeTiles, type SqlRunner } from "./tile-store";
import { versionLeaf } from "./version-leaf";
import { dequeue, insertCheckpoint, insertEntries } from "./entry-store";
import { latestCheckpoint } from "./latest-checkpoint";
import { pendingRedactions, pendingVersions, previousVersionIndexes } from "./log-queries";

/** Every committer in every process takes this lock ("gongshi-log" in ASCII, folded). */
export const COMMIT_LOCK_KEY = 0x6c6f67;

/** The stored log does not match its own last checkpoint: signing anything now could fork it. */
export class LogIntegrityError extends Error {}

/** Entries per transaction: large enough to amortize the signature, small enough to keep locks short. */
export const COMMIT_BATCH_SIZE = 10_000;

/** The longest a commit round may take, each of its statements included. */
const COMMIT_TIMEOUT_MS = 120_000;

export interface CommitResult {
  committed: number;
  size: number;
}

/**
 * Told as each step of a round ends, with the step's name (the benchmark times them,
 * scripts/bench-log.ts). Whatever it throws ends the round, which then rolls back.
 */
export type PhaseHook = (step: string) => void;

export async function commitPending(prisma: PrismaClient, config: LogConfig, batchSize = COMMIT_BATCH_SIZE, onPhase?: PhaseHook): Promise<CommitResult> {
  return commitRound(prisma, config, batchSize, () => new Date(), onPhase ?? (() => {}));
}

/**
 * DEMO ONLY: one commit round as if the clock read `asOf`, so the demo seed can replay a
 * history in which each version enters the log just after the day it was published
 * (lib/server/seed/seed-demo.ts, its only caller). Nothing outside the seed may call this: the log's
 * time is the server's own clock, never a time anyone hands in. A time in the future is
 * refused (it would pin every later entry to it), and the log's time still never runs back.
 */
export async function commitPendingAsOfForDemo(prisma: PrismaClient, config: LogConfig, asOf: Date): Promise<CommitResult> {
  if (!(asOf.getTime() <= Date.now())) throw new Error(`demo replay: ${asOf.toISOString()} is not in the past`);
  return commitRound(
    prisma,
    config,
    COMMIT_BATCH_SIZE,
    () => asOf,
    () => {},
  );
}

async function commitRound(prisma: PrismaClient, config: LogConfig, batchSize: number, clock: () => Date, phase: PhaseHook): Promise<CommitResult> {
  // Through pg directly rather than a Prisma transaction: the log_entry insert is the round's
  // largest write, and Prisma's path for its bytea parameters is the slow part of it.
  // READ COMMITTED: each statement after the lock sees what the previous committer committed.
  // The web server's statement time-out (lib/server/db/client.ts) is for visitors' queries; a batch of
  // 10,000 entries, or the wait for another instance's commit, may rightly take longer, so the
  // round sets its own. A round cut short rolls back whole: the versions stay queued for the
  // next round, nothing is half-logged.
  return pgTransaction(prisma, { isolationLevel: "READ COMMITTED", timeoutMs: COMMIT_TIMEOUT_MS }, async (tx) => {
    phase("BEGIN");
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", COMMIT_LOCK_KEY);
    const last = await latestCheckpoint(tx);
    phase("lock + latest checkpoint");
    const oldSize = last?.size ?? 0;
    const pending = await pendingVersions(tx, batchSize);
    // A redaction's target is already logged (database guard), so redactions can follow the
    // versions of the same batch in any order.
    const redactions = await pendingRedactions(tx, batchSize - pending.length);
    phase("read pending versions and redactions");
    if (pending.length === 0 && redactions.length === 0) return { committed: 0, size: oldSize };
    const edge = edgeTiles(oldSize);
    const edgeData = await dbTileReader(tx).readTiles(edge);
    await checkHead(tx, config, last, oldSize, edge, edgeData);
    phase("read edge tiles + check head");

    // supersedes: the log index of the version before, committed earlier or in this batch.
    const known = await previousVersionIndexes(tx, pending);
    phase("previous-version indexes (amendments)");
    // Read after the lock: the time this round actually sequences.
    const now = clock();
    // Log time never runs backwards, even if the clock does (docs/log-format.md).
    const loggedAt = last && last.createdAt > now ? last.createdAt : now;
    const leaves: { index: number; leaf: Uint8Array; leafHash: Hash; versionId: bigint | null; redactionId: bigint | null }[] = [];
    const leafTexts: Uint8Array[] = [];
    for (const v of pending) {
      const supersedes = v.version === 1 ? null : known.get(`${v.noticeId}/${v.version - 1}`);
      // Versions are numbered in creation order and a version is created only after its
      // predecessor, so a predecessor missing from the log means it was lost: stop loudly.
      if (supersedes === undefined) throw new LogIntegrityError(`version ${v.version - 1} of notice ${v.noticeId} is not in the log`);
      leafTexts.push(versionLeaf(v, loggedAt.toISOString(), supersedes));
      known.set(`${v.noticeId}/${v.version}`, oldSize + leafTexts.length - 1);
    }
    for (const r of redactions) {
      const record = buildRedactLeaf({ agency: r.agencyId, notice: r.noticeId, loggedAt: loggedAt.toISOString(), target: r.target, withhold: r.withhold, basis: r.basis });
      leafTexts.push(canonicalJsonBytes(record));
    }
    phase("CPU: build leaves");
    for (const [i, leaf] of leafTexts.entries()) {
      const v = pending[i];
      leaves.push({ index: oldSize + i, leaf, leafHash: nativeHashLeaf(leaf), versionId: v ? v.id : null, redactionId: v ? null : redactions[i - pending.length]!.id });
    }
    phase("CPU: hash leaves");
    const newSize = oldSize + leaves.length;
    const written = appendLeafHashes(
      oldSize,
      edgeData,
      leaves.map((l) => l.leafHash),
    );
    phase("CPU: append to tiles");
    await writeTiles(tx, written);
    phase("write tiles (+ delete superseded partial tiles)");
    await insertEntries(tx, leaves, loggedAt);
    phase("INSERT log_entry");
    await dequeue(
      tx,
      pending.map((v) => v.id),
      redactions.map((r) => r.id),
    );
    phase("DELETE log_queue");

    const tiles = memoryTileReader([...edge.map((tile, i) => ({ tile, data: edgeData[i]! })), ...written]);
    const rootHash = await treeHash(newSize, tileHashReader(newSize, tiles));
    phase("CPU: root hash");
    const note = signCheckpoint({ origin: config.origin, size: newSize, rootHash, extensions: [] }, config.signer);
    phase("CPU: sign checkpoint (Ed25519)");
    await insertCheckpoint(tx, { size: newSize, rootHash, note, createdAt: loggedAt }, last?.note ?? null);
    phase("INSERT checkpoint");
    return { committed: leaves.length, size: newSize };
  });
}

/**
 * RFC 6962's leaf hash, SHA-256(0x00 || leaf), exactly as hashLeaf in lib/core/log computes it, but
 * by Node's native SHA-256: a quarter of the time for a batch of leaves. lib/core/log keeps its
 * portable hash for the browser and the verifiers; the auditor recomputes every leaf hash with it.
 */
function nativeHashLeaf(leaf: Uint8Array): Hash {
  return asHash(createHash("sha256").update(LEAF_PREFIX).update(leaf).digest());
}
const LEAF_PREFIX = Uint8Array.of(0x00);

/**
 * Before extending the log, prove that what is stored is what was last signed: the head
 * checkpoint verifies under our own key, the entries end where it says, and the stored edge
 * tiles give its root. Otherwise a replaced tile or row would be built on and signed as a fork.
 */
async function checkHead(tx: SqlRunner, config: LogConfig, last: { note: string } | null, oldSize: number, edge: readonly Tile[], edgeData: readonly Uint8Array[]): Promise<void> {
  const [{ next }] = await tx.$queryRawUnsafe<[{ next: bigint }]>("SELECT coalesce(max(index) + 1, 0) AS next FROM log_entry");
  if (Number(next) !== oldSize) throw new LogIntegrityError(`the log holds ${next} entries but its last checkpoint covers ${oldSize}`);
  if (!last) return;
  let signed;
  try {
    signed = openCheckpoint(last.note, config.origin, [parseVerifierKey(config.verifierKey)]).checkpoint;
  } catch (e) {
    throw new LogIntegrityError(`the last checkpoint does not verify under this log's key: ${(e as Error).message}`);
  }
  const tiles = memoryTileReader(edge.map((tile, i) => ({ tile, data: edgeData[i]! })));
  const root = await treeHash(oldSize, tileHashReader(oldSize, tiles));
  if (signed.size !== oldSize || !bytesEqual(root, signed.rootHash)) {
    throw new LogIntegrityError(`the stored tree does not match the last signed checkpoint (size ${oldSize})`);
  }
}
