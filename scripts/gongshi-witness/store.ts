/**
 * The witness's durable state: per trusted log, the latest checkpoint it cosigned and the
 * append-only history of all of them, plus evidence files. The in-memory view changes only
 * after the disk does, so an answer never promises more than a crash would leave behind.
 *
 * Reopening after a crash at any point: a temp file left by an interrupted replace is
 * removed (the rename never happened, so the old checkpoint stands); a history line torn by
 * the crash is cut off, and the latest checkpoint is appended to the history if the crash
 * came before its line was. A
 * checkpoint file that does not parse stops the witness instead: starting from nothing would
 * let it cosign a fork of what it already vouched for.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { formatHash, parseCheckpoint, parseVerifierKey, type CosignedState, type Hash, type NoteVerifier } from "@/lib/log";
import { appendDurably, createFileDurably, replaceFileDurably } from "./files";
import { DataDirError, originHex, readTrustedLogs } from "./data-dir";

export interface LatestCheckpoint extends CosignedState {
  /** The cosigned note: checkpoint text, the log's signatures, the witness's cosignature. */
  readonly note: string;
}

interface LogEntry {
  readonly origin: string;
  readonly verifiers: readonly NoteVerifier[];
  readonly dir: string;
  latest: LatestCheckpoint | null;
}

export class WitnessStore {
  private readonly byOrigin = new Map<string, LogEntry>();
  private readonly byHex = new Map<string, LogEntry>();

  private constructor(readonly dir: string) {}

  static open(dir: string): WitnessStore {
    const store = new WitnessStore(dir);
    for (const log of readTrustedLogs(dir)) {
      const hex = originHex(log.origin);
      const logDir = path.join(dir, "logs", hex);
      mkdirSync(logDir, { recursive: true });
      const entry: LogEntry = { origin: log.origin, verifiers: log.keys.map(parseVerifierKey), dir: logDir, latest: null };
      entry.latest = recover(logDir, log.origin);
      store.byOrigin.set(log.origin, entry);
      store.byHex.set(hex, entry);
    }
    mkdirSync(path.join(dir, "evidence"), { recursive: true });
    return store;
  }

  get logCount(): number {
    return this.byOrigin.size;
  }

  keysFor(origin: string): readonly NoteVerifier[] | undefined {
    return this.byOrigin.get(origin)?.verifiers;
  }

  latest(origin: string): LatestCheckpoint | null {
    return this.byOrigin.get(origin)?.latest ?? null;
  }

  /** For GET /<hex>/checkpoint: undefined for an unknown log, null before the first cosignature. */
  latestByHex(hex: string): LatestCheckpoint | null | undefined {
    const entry = this.byHex.get(hex);
    return entry === undefined ? undefined : entry.latest;
  }

  /**
   * Records a newly cosigned checkpoint: the latest state first (atomically replaced), then
   * its line in the history. A crash between the two is repaired on reopening, so the history
   * is exactly the sequence of states that ever reached the disk.
   */
  async record(origin: string, size: number, rootHash: Hash, note: string): Promise<void> {
    const entry = this.byOrigin.get(origin);
    if (entry === undefined) throw new Error(`not a trusted log: ${origin}`);
    await replaceFileDurably(path.join(entry.dir, "checkpoint"), note);
    entry.latest = { size, rootHash, note };
    await appendDurably(path.join(entry.dir, "history"), historyLine(entry.latest));
  }

  /**
   * Keeps a request as evidence, once per signed checkpoint and kind: the checkpoint is
   * signed by the log, the proof lines are not, so keying on the request body would let
   * anyone fill the disk by varying them. Returns the file name, or null if already kept.
   */
  async keepEvidence(kind: string, origin: string, signedCheckpoint: string, content: string): Promise<string | null> {
    const name = `${kind}-${originHex(origin).slice(0, 16)}-${originHex(signedCheckpoint).slice(0, 32)}.txt`;
    const created = await createFileDurably(path.join(this.dir, "evidence", name), content);
    return created ? name : null;
  }
}

function historyLine(latest: LatestCheckpoint): string {
  return JSON.stringify({ time: new Date().toISOString(), size: latest.size, root: formatHash(latest.rootHash), note: latest.note }) + "\n";
}

function recover(logDir: string, origin: string): LatestCheckpoint | null {
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
