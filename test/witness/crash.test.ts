/**
 * The witness SIGKILLed at random moments, at least 20 times, while several clients submit
 * concurrently: growing checkpoints of one honest log and of a forked history signed by the
 * same key. Restarted on the same data directory each time. Afterwards its promises must
 * hold: never two roots for one size, successes form one strictly increasing chain, every
 * cosignature verifies, and the reopened state serves the largest checkpoint it cosigned.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  formatAddCheckpointRequest,
  generateKey,
  hashLeaf,
  openCheckpoint,
  parseCheckpoint,
  parseCosignatureVerifierKey,
  parseSignatureLines,
  parseSignerKey,
  parseTlogSize,
  parseVerifierKey,
  proveConsistency,
  sha256Hash,
  signCheckpoint,
  toHex,
  treeHash,
  utf8,
  verifyCosignatures,
} from "@/lib/core/log";
import { TileLog } from "../log/helpers";
import { get, post, setUpWitness, startWitness, stopWitness, type RunningWitness } from "./harness";

const ORIGIN = "crash.test/log";
const SIZE = 300;
const FORK_AT = 12; // the forked history shares the first 12 entries
const KILLS = 22;
const CLIENTS = 5;

interface History {
  readonly log: TileLog;
  readonly notes: string[]; // signed checkpoint at each size
}
interface Success {
  readonly old: number;
  readonly size: number;
  readonly note: string;
  readonly cosignature: string;
}

let dir: string;
let vkey: string;
const logKey = generateKey(ORIGIN);
const signer = parseSignerKey(logKey.signerKey);

async function buildHistory(leaf: (i: number) => string): Promise<History> {
  const log = new TileLog();
  log.append(Array.from({ length: SIZE }, (_, i) => hashLeaf(utf8(leaf(i)))));
  const notes: string[] = [];
  for (let size = 0; size <= SIZE; size++) {
    notes.push(signCheckpoint({ origin: ORIGIN, size, rootHash: await treeHash(size, log.reader(size)), extensions: [] }, signer));
  }
  return { log, notes };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "gongshi-witness-crash-"));
  vkey = setUpWitness(dir, "witness.test/crash", [{ origin: ORIGIN, key: logKey.verifierKey }]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("gongshi-witness killed under load", () => {
  it(`keeps its promises across ${KILLS} SIGKILLs`, async () => {
    const honest = await buildHistory((i) => `entry ${i}`);
    const forked = await buildHistory((i) => (i < FORK_AT ? `entry ${i}` : `forked entry ${i}`));
    const successes: Success[] = [];
    const counts = new Map<number, number>();
    let current: RunningWitness = await startWitness(dir);
    let done = false;

    async function client(seed: number): Promise<void> {
      let known = 0;
      let turn = seed;
      while (!done) {
        turn++;
        const tree = turn % 3 === 0 ? forked : honest;
        const size = Math.min(SIZE, known + 1 + Math.floor(Math.random() * 6));
        const proof = known === 0 ? [] : await proveConsistency(known, size, tree.log.reader(size));
        const note = tree.notes[size]!;
        let reply;
        try {
          reply = await post(current.url, formatAddCheckpointRequest({ oldSize: known, proof, signedCheckpoint: note }));
        } catch {
          await new Promise((r) => setTimeout(r, 20)); // killed; the restart gives a new URL
          continue;
        }
        counts.set(reply.status, (counts.get(reply.status) ?? 0) + 1);
        if (reply.status === 200) successes.push({ old: known, size, note, cosignature: reply.body });
        else if (reply.status === 409) known = parseTlogSize(reply.body);
        else if (reply.status !== 422) throw new Error(`unexpected ${reply.status}: ${reply.body}`);
        if (reply.status === 200) known = size;
        if (known >= SIZE) known = 0; // will get 409 with the real size
      }
    }

    const clients = Array.from({ length: CLIENTS }, (_, i) => client(i));
    for (let kill = 0; kill < KILLS; kill++) {
      // A random moment, but after at least one cosignature from this run of the process, so
      // that a slow, loaded machine still sees the witness work between kills.
      const before = successes.length;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 300));
      for (let waited = 0; successes.length === before && waited < 5000; waited += 10) await new Promise((r) => setTimeout(r, 10));
      current.child.kill("SIGKILL");
      await current.exited;
      current = await startWitness(dir); // must reopen whatever the kill left behind
    }
    await new Promise((r) => setTimeout(r, 200));
    done = true;
    await Promise.all(clients);
    expect(successes.length).toBeGreaterThanOrEqual(KILLS);
    // The run exercised the refusals too: stale old sizes and the forked history.
    expect(counts.get(409) ?? 0).toBeGreaterThan(0);
    expect(counts.get(422) ?? 0).toBeGreaterThan(0);

    const witnessKey = parseCosignatureVerifierKey(vkey);
    const textOf = (note: string) => note.slice(0, note.lastIndexOf("\n\n") + 1);
    // Every cosignature verifies, on exactly the checkpoint submitted.
    for (const s of successes) {
      expect(verifyCosignatures(textOf(s.note), parseSignatureLines(s.cosignature), [witnessKey]).valid).toHaveLength(1);
    }
    // Never two roots for one size.
    const rootAt = new Map<number, string>();
    for (const s of successes) {
      const root = toHex(parseCheckpoint(textOf(s.note)).rootHash);
      expect(rootAt.get(s.size) ?? root, `size ${s.size}`).toBe(root);
      rootAt.set(s.size, root);
    }
    // Transitions form one strictly increasing chain: never two successes from one old size.
    const moves = successes.filter((s) => s.old < s.size).sort((a, b) => a.old - b.old);
    for (let i = 1; i < moves.length; i++) {
      expect(moves[i]!.old, `two successes from old size ${moves[i]!.old}`).toBeGreaterThanOrEqual(moves[i - 1]!.size);
    }

    // Reopened cleanly: the checkpoint it serves is the largest it cosigned, with both signatures.
    current.child.kill("SIGKILL");
    await current.exited;
    current = await startWitness(dir);
    const served = await get(current.url, `/${toHex(sha256Hash(utf8(ORIGIN)))}/checkpoint`);
    await stopWitness(current);
    expect(served.status).toBe(200);
    const largest = Math.max(...successes.map((s) => s.size));
    const { checkpoint } = openCheckpoint(served.body, ORIGIN, [parseVerifierKey(logKey.verifierKey)]);
    openCheckpoint(served.body, ORIGIN, [witnessKey]);
    expect(checkpoint.size).toBeGreaterThanOrEqual(largest);
    if (rootAt.has(checkpoint.size)) expect(toHex(checkpoint.rootHash)).toBe(rootAt.get(checkpoint.size));
    // An answer lost to a kill may leave a larger checkpoint recorded but never sent; never a smaller one.
    const history = readFileSync(path.join(dir, "logs", toHex(sha256Hash(utf8(ORIGIN))), "history"), "utf8")
      .trimEnd()
      .split("\n");
    const sizes = history.map((line) => (JSON.parse(line) as { size: number }).size);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeGreaterThan(sizes[i - 1]!);
    expect(sizes.at(-1)).toBe(checkpoint.size);
    for (const s of moves) expect(sizes).toContain(s.size);
  }, 150_000);
});
