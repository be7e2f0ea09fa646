/**
 * npm run bench:witness — how many add-checkpoint requests per second the real witness
 * (bin/gongshi-witness.mjs, a child process on 127.0.0.1) cosigns, each with a 20-hash
 * consistency proof in a 1,000,000-entry tree and each advancing its state, next to baselines
 * measured in the same run: node:crypto Ed25519 (one verify + one sign per op, the
 * signature work of one request) and the disk's durable-write rate (the fsyncs of one
 * request: temp file, directory, history). Then the commit → quorum delay through the
 * portal's own loops (scripts/bench-witness-quorum.ts), next to a direct round trip.
 *
 *   npm run bench:witness               prints the report (Markdown) to stdout
 *   npm run bench:witness -- --write    also replaces the bench:witness block of docs/performance.md
 *
 * Rounds of the witness alternate with rounds of the baselines, so load that comes and goes
 * hits both. A benchmark, never a test: nothing here asserts a time.
 */
import { spawnSync } from "node:child_process";
import { createHash, generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from "node:crypto";
import { closeSync, fsyncSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { Agent, request } from "node:http";
import os from "node:os";
import path from "node:path";
import {
  appendLeafHashes,
  asHash,
  formatAddCheckpointRequest,
  generateCosignatureKey,
  generateKey,
  openNote,
  parseCosignatureSignerKey,
  parseVerifierKey,
  signNote,
  memoryTileReader,
  TileTreeCache,
  parseSignerKey,
  proveConsistency,
  signCheckpoint,
  tileHashReader,
  treeHash,
  type Hash,
  type HashReader,
} from "../lib/core/log/index";
import { writeDocBlock } from "./bench-doc";
import { writeTrustedLogs } from "./gongshi-witness/data-dir";
import { median, ms, rate } from "./bench-stats";
import { measureCommitToQuorum, startWitness } from "./bench-witness-quorum";
import { benchArgs } from "./bench-args";

const args = benchArgs({ flags: ["write"] });

const TREE_SIZE = 1_000_000;
const PROOF_HASHES = 20;
const CLIENTS = 4; // the parallel row: this many clients, each on its own logs
const ROUNDS = 5;
const ROUND_REQUESTS = 40; // per client and round
const BIN = path.resolve("bin/gongshi-witness.mjs");

const started = performance.now();
const progress = (m: string) => process.stderr.write(`bench:witness ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s  ${m}\n`);

/** A 1,000,000-leaf tree of synthetic leaf hashes, as tiles in memory. */
function buildTree(): HashReader {
  const leaves = Array.from({ length: TREE_SIZE }, (_, i) => asHash(createHash("sha256").update(`leaf ${i}`).digest()));
  return tileHashReader(TREE_SIZE, memoryTileReader(appendLeafHashes(0, [], leaves)), new TileTreeCache());
}

interface Step {
  readonly oldSize: number;
  readonly size: number;
  readonly root: Hash;
  readonly proof: readonly Hash[];
}

/**
 * Sizes up to 1,000,000 where each step's consistency proof is exactly 20 hashes. Proofs that
 * long need the sizes to differ in their high bits (steps of ~100,000 entries), so one log
 * gives only a few; the bench uses many logs (origins) over the same tree, each walking this
 * chain once, so that every measured request advances a state.
 */
async function twentyHashChain(reader: HashReader): Promise<Step[]> {
  const first = 1_001;
  const steps: Step[] = [{ oldSize: 0, size: first, root: await treeHash(first, reader), proof: [] }];
  for (let size = first; ;) {
    // The nearest size found whose proof is 20 hashes (searching ever wider windows), to
    // leave room for more steps.
    let best: { next: number; proof: Hash[] } | null = null;
    for (let window = 1024; best === null && window < 2 * TREE_SIZE; window *= 2) {
      for (let k = 0; k < 100; k++) {
        const next = size + 1 + Math.floor(Math.random() * Math.min(window, TREE_SIZE - size));
        const proof = await proveConsistency(size, next, reader);
        if (proof.length === PROOF_HASHES && (best === null || next < best.next)) best = { next, proof };
      }
    }
    if (best === null) return steps;
    steps.push({ oldSize: size, size: best.next, root: await treeHash(best.next, reader), proof: best.proof });
    size = best.next;
  }
}

/** One log's requests along the chain, signed with its own key; the first (old 0) is set-up. */
function logRequests(origin: string, chain: readonly Step[]): { key: string; bodies: string[] } {
  const { signerKey, verifierKey } = generateKey(origin);
  const signer = parseSignerKey(signerKey);
  const bodies = chain.map((step) =>
    formatAddCheckpointRequest({
      oldSize: step.oldSize,
      proof: step.proof,
      signedCheckpoint: signCheckpoint({ origin, size: step.size, rootHash: step.root, extensions: [] }, signer),
    }),
  );
  return { key: verifierKey, bodies };
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/add-checkpoint`, { method: "POST", agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode!));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** The logs' measured requests, handed out log by log so each client keeps its log's order. */
class Work {
  private next = 0;
  constructor(private readonly logs: readonly string[][]) {}
  take(): string[] {
    const log = this.logs[this.next++];
    if (log === undefined) throw new Error("bench: not enough logs prepared");
    return [...log];
  }
}

/** `clients` clients each send `n` requests, each on its own logs in order; returns requests/s. */
async function witnessRound(url: string, work: Work, clients: number, n: number): Promise<number> {
  const t = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      let queue = work.take();
      for (let i = 0; i < n; i++) {
        if (queue.length === 0) queue = work.take();
        const status = await post(url, queue.shift()!);
        if (status !== 200) throw new Error(`witness answered ${status}`);
      }
    }),
  );
  return (clients * n) / ((performance.now() - t) / 1000);
}

const ed = generateKeyPairSync("ed25519");
const edMessage = Buffer.alloc(200, 7);
const edSignature = nodeSign(null, edMessage, ed.privateKey);
/** Baseline: node:crypto Ed25519, one verify + one sign per op, for `durationMs`. */
function ed25519Round(durationMs: number): number {
  const t = performance.now();
  let ops = 0;
  while (performance.now() - t < durationMs) {
    if (!nodeVerify(null, edMessage, ed.publicKey, edSignature)) throw new Error("verify failed");
    nodeSign(null, edMessage, ed.privateKey);
    ops++;
  }
  return ops / ((performance.now() - t) / 1000);
}

const nobleLog = generateKey("bench.example/noble");
const nobleText = "bench.example/noble\n1000\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
const nobleNote = signNote(nobleText, [parseSignerKey(nobleLog.signerKey)]);
const nobleVerifier = parseVerifierKey(nobleLog.verifierKey);
const nobleWitness = parseCosignatureSignerKey(generateCosignatureKey("bench.example/w").signerKey);
/** Context: the same signature work through the witness's own code (lib/core/log, @noble/curves). */
function nobleRound(durationMs: number): number {
  const t = performance.now();
  let ops = 0;
  while (performance.now() - t < durationMs) {
    openNote(nobleNote, [nobleVerifier]);
    nobleWitness.cosign(nobleText, 1_700_000_000);
    ops++;
  }
  return ops / ((performance.now() - t) / 1000);
}

/** Baseline: the witness's durable writes per request (write+fsync, rename, fsync dir, append+fsync). */
function diskRound(dir: string, durationMs: number): number {
  const t = performance.now();
  let ops = 0;
  const file = path.join(dir, "checkpoint");
  while (performance.now() - t < durationMs) {
    const fd = openSync(`${file}.tmp`, "w");
    writeSync(fd, "x".repeat(400));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(`${file}.tmp`, file);
    const d = openSync(dir, "r");
    fsyncSync(d);
    closeSync(d);
    const h = openSync(path.join(dir, "history"), "a");
    writeSync(h, "y".repeat(500) + "\n");
    fsyncSync(h);
    closeSync(h);
    ops++;
  }
  return ops / ((performance.now() - t) / 1000);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-witness-"));
  const scratch = mkdtempSync(path.join(os.tmpdir(), "bench-witness-disk-"));
  try {
    progress("building the 1,000,000-entry tree");
    const reader = buildTree();
    progress("finding a chain of 20-hash consistency proofs");
    const chain = await twentyHashChain(reader);
    const needed = 20 + ROUNDS * ROUND_REQUESTS * (1 + CLIENTS);
    // Each client drops the rest of its last log at the end of a round.
    const logCount = Math.ceil(needed / (chain.length - 1)) + (2 * ROUNDS + 1) * CLIENTS;
    progress(`${chain.length - 1} steps per log; signing checkpoints for ${logCount} logs`);
    const logs = Array.from({ length: logCount }, (_, l) => logRequests(`bench.example/log${l}`, chain));
    const init = spawnSync(process.execPath, [BIN, "init", "--data", dir, "--name", "bench.example/witness"], { encoding: "utf8" });
    if (init.status !== 0) throw new Error(init.stderr);
    // The first log through the real add-log; the other few hundred written the same way at once.
    const added = spawnSync(process.execPath, [BIN, "add-log", "--data", dir, "--origin", "bench.example/log0", "--key", logs[0]!.key], { encoding: "utf8" });
    if (added.status !== 0) throw new Error(added.stderr);
    await writeTrustedLogs(
      dir,
      logs.map((log, l) => ({ origin: `bench.example/log${l}`, keys: [log.key] })),
    );
    const witness = await startWitness(dir);
    // Set-up, not measured: each log's first checkpoint (old 0, no proof).
    for (const log of logs) if ((await post(witness.url, log.bodies[0]!)) !== 200) throw new Error("set-up request refused");
    const work = new Work(logs.map((log) => log.bodies.slice(1)));
    await witnessRound(witness.url, work, 1, 20); // warm-up
    const one: number[] = [];
    const many: number[] = [];
    const eds: number[] = [];
    const disk: number[] = [];
    const noble: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      progress(`round ${r + 1} of ${ROUNDS}`);
      one.push(await witnessRound(witness.url, work, 1, ROUND_REQUESTS));
      eds.push(ed25519Round(300));
      many.push(await witnessRound(witness.url, work, CLIENTS, ROUND_REQUESTS));
      disk.push(diskRound(scratch, 300));
      noble.push(nobleRound(300));
    }
    witness.stop();
    agent.destroy();
    const rows = [
      `| add-checkpoint, 1 client (each request: a 20-hash proof, advances its log's state) | ${rate(median(one))} | ${ms(1000 / median(one))} ms |`,
      `| add-checkpoint, ${CLIENTS} clients in parallel, each on its own logs | ${rate(median(many))} | ${ms((1000 * CLIENTS) / median(many))} ms |`,
      `| baseline: node:crypto Ed25519, 1 verify + 1 sign per op | ${rate(median(eds))} | ${ms(1000 / median(eds))} ms |`,
      `| baseline: the disk, one request's durable writes (2 fsyncs of files, 1 of the directory, 1 rename) | ${rate(median(disk))} | ${ms(1000 / median(disk))} ms |`,
      `| context: the same signature work in the witness's own code (lib/core/log on @noble/curves: open the note, cosign) | ${rate(median(noble))} | ${ms(1000 / median(noble))} ms |`,
      ...(await measureCommitToQuorum(progress)),
    ];
    const cpus = os.cpus();
    const section = [
      `Run of ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus[0]?.model ?? "unknown CPU"} · ${cpus.length} cores · ${os.platform()}/${os.arch()} · load average ${os.loadavg()[0]!.toFixed(1)} at the end`,
      "",
      `A tree of ${TREE_SIZE.toLocaleString("en-US")} synthetic leaves; ${chain.length - 1} steps (sizes ${chain.map((s) => s.size.toLocaleString("en-US")).join(" → ")}) of exactly ${PROOF_HASHES}-hash consistency proofs per log, walked by ${logCount} logs (origins) so every request advances a state. Medians of ${ROUNDS} rounds of ${ROUND_REQUESTS} requests per client, alternating with 300 ms rounds of the baselines. "Per operation" is the time per request seen by one client.`,
      "",
      "| Measurement | Rate | Per operation |",
      "| --- | ---: | ---: |",
      ...rows,
    ].join("\n");
    process.stdout.write(section + "\n");
    if (args.write) writeDocBlock("witness", section);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
