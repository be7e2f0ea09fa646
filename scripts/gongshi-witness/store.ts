/**
 * The witness's durable state: per trusted log, the latest checkpoint it cosigned and the
 * append-only history of all of them, plus evidence files. The in-memory view changes only
 * after the disk does, so an answer never promises more than a crash would leave behind.
 * Reopening after a crash: recover.ts.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseVerifierKey, type CosignedState, type Hash, type NoteVerifier } from "@/lib/core/log";
import { appendDurably, createFileDurably, replaceFileDurably } from "./files";
import { originHex, readTrustedLogs } from "./data-dir";
import { historyLine, recover } from "./recover";

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
