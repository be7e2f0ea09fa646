/**
 * Reopening a log's state after a crash at any point: a temp file left by an interrupted
 * replace is removed (the rename never happened, so the old checkpoint stands); a history
 * line torn by the crash is cut off; and the latest checkpoint is appended to the history if
 * the crash came before its line was. A checkpoint file that does not parse stops the witness
 * instead: starting from nothing would let it cosign a fork of what it already vouched for.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readdirSync, readFileSync, readSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { formatHash, parseCheckpoint } from "@/lib/core/log";
import { DataDirError } from "./data-dir";
import type { LatestCheckpoint } from "./store";

export function historyLine(latest: LatestCheckpoint): string {
  return JSON.stringify({ time: new Date().toISOString(), size: latest.size, root: formatHash(latest.rootHash), note: latest.note }) + "\n";
}

export function recover(logDir: string, origin: string): LatestCheckpoint | null {
  for (const name of readdirSync(logDir)) {
    if (name.startsWith("checkpoint.tmp-")) unlinkSync(path.join(logDir, name));
  }
  const historyFile = path.join(logDir, "history");
  const last = cutToLastLine(historyFile);
  let note: string;
  try {
    note = readFileSync(path.join(logDir, "checkpoint"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let latest: LatestCheckpoint;
  try {
    const split = note.lastIndexOf("\n\n");
    const checkpoint = parseCheckpoint(note.slice(0, split + 1));
    if (split < 0 || checkpoint.origin !== origin) throw new Error("wrong origin");
    latest = { size: checkpoint.size, rootHash: checkpoint.rootHash, note };
  } catch (error) {
    throw new DataDirError(`${path.join(logDir, "checkpoint")} is damaged (${(error as Error).message}); refusing to start rather than forget what was cosigned`);
  }
  if (noteOf(last) !== note) appendSync(historyFile, historyLine(latest)); // the crash fell between the two writes
  return latest;
}

function noteOf(line: string | null): string | null {
  try {
    return line === null ? null : ((JSON.parse(line) as { note?: string }).note ?? null);
  } catch {
    return null;
  }
}

function appendSync(file: string, text: string): void {
  const fd = openSync(file, "a", 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Cuts a history file back to its last complete line (a torn line was never flushed, so
 * nothing was answered after writing it) and returns that line; null for an empty file.
 */
function cutToLastLine(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, "r+");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    // Lines are a checkpoint of at most MAX_ADD_CHECKPOINT_BYTES plus a little, so a tail
    // this long holds the last two newlines.
    const from = Math.max(0, size - (256 << 10));
    const tail = Buffer.alloc(size - from);
    readSync(fd, tail, 0, tail.length, from);
    const end = tail.lastIndexOf(0x0a) + 1; // 0 when there is no newline at all
    if (from + end !== size) {
      ftruncateSync(fd, from + end);
      fsyncSync(fd);
    }
    if (end === 0) return null;
    return tail.subarray(tail.lastIndexOf(0x0a, end - 2) + 1, end - 1).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
