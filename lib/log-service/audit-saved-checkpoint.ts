import "server-only";
/**
 * `log:audit --checkpoint FILE`: the newest checkpoint a previous audit saw, kept outside the
 * database, so that whoever can rewrite the database cannot also rewrite what the auditor
 * remembers. The log now must contain the tree that checkpoint signed (same size and root, or
 * larger and consistent with it). After a clean audit the newest checkpoint replaces the file,
 * atomically (a temporary file renamed over it), so a crash never leaves half a checkpoint.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import { openCheckpoint, type NoteVerifier } from "@/lib/log";
import type { Discrepancy } from "./audit-log";
import type { RebuiltTree } from "./audit-tree";

/** Checks the saved checkpoint, if there is one; a missing file is a first run, not a finding. */
export async function checkSavedCheckpoint(file: string, origin: string, verifier: NoteVerifier, tree: RebuiltTree): Promise<Discrepancy[]> {
  const where = `checkpoint file ${file}`;
  let note: string;
  try {
    note = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    return [{ where, message: `cannot be read: ${(e as Error).message}` }];
  }
  let checkpoint;
  try {
    checkpoint = openCheckpoint(note, origin, [verifier]).checkpoint;
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
