import "server-only";
/**
 * `log:audit --checkpoint FILE`: the newest checkpoint a previous audit saw, kept outside the
 * database, so that whoever can rewrite the database cannot also rewrite what the auditor
 * remembers. The log now must contain the tree that checkpoint signed (same size and root, or
 * larger and consistent with it). After a clean audit the newest checkpoint replaces the file,
 * atomically (a temporary file renamed over it), so a crash never leaves half a checkpoint.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import { openCheckpoint, type NoteVerifier } from "@/lib/core/log";
import type { Discrepancy } from "./audit-log";
import type { RebuiltTree } from "./audit-tree";

export interface SavedCheckpoint {
  file: string;
  /** The file's text; null when it could not be read (`error` says why). */
  note: string | null;
  error?: string;
}

/** The saved checkpoint; null when there is no file yet (a first run, not a finding). */
export async function readSavedCheckpoint(file: string): Promise<SavedCheckpoint | null> {
  try {
    return { file, note: await readFile(file, "utf8") };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    return { file, note: null, error: (e as Error).message };
  }
}

export async function checkSavedCheckpoint(saved: SavedCheckpoint, origin: string, verifier: NoteVerifier, tree: RebuiltTree): Promise<Discrepancy[]> {
  const where = `checkpoint file ${saved.file}`;
  if (saved.note === null) return [{ where, message: `cannot be read: ${saved.error}` }];
  let checkpoint;
  try {
    checkpoint = openCheckpoint(saved.note, origin, [verifier]).checkpoint;
  } catch (e) {
    return [{ where, message: `is not a checkpoint signed by this log: ${(e as Error).message}` }];
  }
  const problem = await tree.inconsistency(checkpoint.size, checkpoint.rootHash);
  return problem ? [{ where, message: `the checkpoint saved by the last audit (size ${checkpoint.size}) ${problem}` }] : [];
}

export async function saveCheckpoint(file: string, note: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, note, { encoding: "utf8", mode: 0o644 });
  await rename(temporary, file);
}
