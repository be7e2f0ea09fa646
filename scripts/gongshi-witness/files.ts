/**
 * Durable file writes. A witness promise ("I never cosign two roots for one size") holds only
 * if what it recorded survives a crash or power cut, so every write that a later answer
 * depends on is flushed to disk, and replaced files go through temp file → fsync → rename →
 * fsync of the directory (the rename itself is only durable once the directory is).
 */
import { open, rename, unlink } from "node:fs/promises";
import path from "node:path";

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces `file` with `content` atomically: after a crash it holds the old or the new text, never a mix. */
export async function replaceFileDurably(file: string, content: string, mode = 0o644): Promise<void> {
  const temp = `${file}.tmp-${process.pid}`;
  const handle = await open(temp, "w", mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  await rename(temp, file);
  await syncDirectory(path.dirname(file));
}

/** Appends `content` and flushes it before returning. */
export async function appendDurably(file: string, content: string): Promise<void> {
  const handle = await open(file, "a", 0o644);
  try {
    await handle.appendFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `file` with `content` unless it exists; returns false if it did. */
export async function createFileDurably(file: string, content: string, mode = 0o644): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, "wx", mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDirectory(path.dirname(file));
  return true;
}
