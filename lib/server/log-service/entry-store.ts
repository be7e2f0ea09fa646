import "server-only";
/** The committer's writes of entries and checkpoints, shared with the benchmark that times them one by one. */
import { sha256Hash, toBase64, utf8, type Hash } from "@/lib/core/log";
import type { SqlRunner } from "./tile-store";

/** A new log entry and what it records: a notice version or a redaction. */
export interface NewEntry {
  index: number;
  leaf: Uint8Array;
  leafHash: Uint8Array;
  versionId: bigint | null;
  redactionId?: bigint | null;
}

/**
 * Inserts the entries in one statement, all with the same log time. The leaves and their
 * hashes travel as two bytea parameters, each all of them end to end, cut apart by offset in
 * the database: a bytea parameter is sent as binary, where a `bytea[]` goes as hex text that
 * both sides must encode and parse (half the insert's time for 10,000 leaves). `table` is for
 * the benchmark's baseline, which runs this statement on a scratch copy of log_entry.
 */
export async function insertEntries(sql: SqlRunner, entries: readonly NewEntry[], loggedAt: Date, table = "log_entry"): Promise<void> {
  if (entries.length === 0) return;
  const starts: number[] = [];
  let at = 1;
  for (const e of entries) {
    starts.push(at);
    at += e.leaf.length;
  }
  await sql.$executeRawUnsafe(
    `INSERT INTO ${table} (index, leaf, leaf_hash, notice_version_id, redaction_id, logged_at)
     SELECT i, substring($2::bytea FROM s FOR l), substring($3::bytea FROM (o * 32 - 31)::int FOR 32), v, r, $8::timestamptz
     FROM unnest($1::bigint[], $4::int[], $5::int[], $6::bigint[], $7::bigint[]) WITH ORDINALITY AS t(i, s, l, v, r, o)`,
    entries.map((e) => BigInt(e.index)),
    concat(entries.map((e) => e.leaf)),
    concat(entries.map((e) => e.leafHash)),
    starts,
    entries.map((e) => e.leaf.length),
    entries.map((e) => e.versionId),
    entries.map((e) => e.redactionId ?? null),
    loggedAt.toISOString(),
  );
}

function concat(parts: readonly Uint8Array[]): Buffer {
  return Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength))));
}

/** Takes logged versions and redactions off their queues (the database refuses it for any not logged). */
export async function dequeue(sql: SqlRunner, versionIds: readonly bigint[], redactionIds: readonly bigint[] = []): Promise<void> {
  if (versionIds.length > 0) await sql.$executeRawUnsafe("DELETE FROM log_queue WHERE notice_version_id = ANY($1::bigint[])", versionIds);
  if (redactionIds.length > 0) await sql.$executeRawUnsafe("DELETE FROM redaction_queue WHERE redaction_id = ANY($1::bigint[])", redactionIds);
}

/** Adds the next chain row: its prevHash is the base64 SHA-256 of the previous row's full note. */
export async function insertCheckpoint(sql: SqlRunner, checkpoint: { size: number; rootHash: Hash; note: string; createdAt: Date }, previousNote: string | null): Promise<void> {
  await sql.$executeRawUnsafe(
    "INSERT INTO checkpoint (size, root_hash, note, prev_hash, created_at) VALUES ($1::bigint, $2::bytea, $3, $4, $5::timestamptz)",
    BigInt(checkpoint.size),
    Buffer.from(checkpoint.rootHash),
    checkpoint.note,
    previousNote === null ? null : toBase64(sha256Hash(utf8(previousNote))),
    checkpoint.createdAt.toISOString(),
  );
}
