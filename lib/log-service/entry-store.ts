import "server-only";
/** The committer's writes of entries and checkpoints, shared with the benchmark that times them one by one. */
import type { Prisma } from "@/lib/db/generated/client";
import { sha256Hash, toBase64, utf8, type Hash } from "@/lib/log";
import type { SqlRunner } from "./tile-store";

/** A new log entry and what it records: a notice version or a redaction. */
export interface NewEntry {
  index: number;
  leaf: Uint8Array;
  leafHash: Uint8Array;
  versionId: bigint | null;
  redactionId?: bigint | null;
}

/** Inserts the entries in one statement (unnest), all with the same log time. */
export async function insertEntries(sql: SqlRunner, entries: readonly NewEntry[], loggedAt: Date): Promise<void> {
  await sql.$executeRawUnsafe(
    `INSERT INTO log_entry (index, leaf, leaf_hash, notice_version_id, redaction_id, logged_at)
     SELECT i, l, h, v, r, $6 FROM unnest($1::bigint[], $2::bytea[], $3::bytea[], $4::bigint[], $5::bigint[]) AS t(i, l, h, v, r)`,
    entries.map((e) => BigInt(e.index)),
    entries.map((e) => Buffer.from(e.leaf)),
    entries.map((e) => Buffer.from(e.leafHash)),
    entries.map((e) => e.versionId),
    entries.map((e) => e.redactionId ?? null),
    loggedAt,
  );
}

/** Takes logged versions and redactions off their queues (the database refuses it for any not logged). */
export async function dequeue(sql: SqlRunner, versionIds: readonly bigint[], redactionIds: readonly bigint[] = []): Promise<void> {
  if (versionIds.length > 0) await sql.$executeRawUnsafe("DELETE FROM log_queue WHERE notice_version_id = ANY($1::bigint[])", versionIds);
  if (redactionIds.length > 0) await sql.$executeRawUnsafe("DELETE FROM redaction_queue WHERE redaction_id = ANY($1::bigint[])", redactionIds);
}

/** Adds the next chain row: its prevHash is the base64 SHA-256 of the previous row's full note. */
export async function insertCheckpoint(
  tx: Prisma.TransactionClient,
  checkpoint: { size: number; rootHash: Hash; note: string; createdAt: Date },
  previousNote: string | null,
): Promise<void> {
  await tx.checkpoint.create({
    data: {
      size: BigInt(checkpoint.size),
      rootHash: new Uint8Array(checkpoint.rootHash),
      note: checkpoint.note,
      prevHash: previousNote === null ? null : toBase64(sha256Hash(utf8(previousNote))),
      createdAt: checkpoint.createdAt,
    },
  });
}
