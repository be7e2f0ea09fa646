import "server-only";
/**
 * The log's newest checkpoint: one reader for the pages, the API, the witnessing and mirror
 * jobs and the committer. Raw SQL, so it also runs inside the committer's transaction, which
 * goes through pg directly (lib/server/db/pg-transaction.ts) rather than through Prisma.
 */
import { ApiError } from "@/lib/server/api/errors";
import type { SqlRunner } from "./tile-store";

export interface CheckpointRow {
  size: number;
  rootHash: Uint8Array;
  note: string;
  prevHash: string | null;
  createdAt: Date;
}

export async function latestCheckpoint(sql: SqlRunner): Promise<CheckpointRow | null> {
  const rows = await sql.$queryRawUnsafe<{ size: bigint; root_hash: Uint8Array; note: string; prev_hash: string | null; created_at: Date }[]>(
    "SELECT size, root_hash, note, prev_hash, created_at FROM checkpoint ORDER BY size DESC LIMIT 1",
  );
  const row = rows[0];
  // pg hands bytea over as a Buffer: copied into a plain Uint8Array, as Prisma's own reads return it.
  return row ? { size: Number(row.size), rootHash: new Uint8Array(row.root_hash), note: row.note, prevHash: row.prev_hash, createdAt: row.created_at } : null;
}

/** The latest checkpoint, or a 503 while the log has not signed its first one yet. */
export async function requireCheckpoint(sql: SqlRunner): Promise<CheckpointRow> {
  const cp = await latestCheckpoint(sql);
  if (!cp) throw new ApiError("unavailable", "the log has not published a checkpoint yet");
  return cp;
}
