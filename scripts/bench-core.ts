/**
 * npm run bench:core — throughput of lib/core/log's verifiable core, each figure next to the
 * physical limit measured in the same run, plus the size of the browser verifier bundle.
 *
 *   npx tsx scripts/bench-core.ts           prints the report (Markdown) to stdout, progress to stderr
 *   npx tsx scripts/bench-core.ts --write   also replaces the generated block of docs/performance.md
 *   (npm run bench:core -- --write)
 *
 * The limits: `node:crypto` createHash("sha256") over 64-byte inputs for hashing, and
 * `node:crypto` verify(null, …) for Ed25519. A benchmark, never a test: the machines are
 * shared and noisy, so nothing here asserts a time, and every ratio comes from rounds that
 * alternate with rounds of its limit, so a neighbour's burst hits both sides alike.
 */
import { createHash, createPublicKey, hash as oneShotHash, randomBytes, verify as nodeVerify } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { sha256 } from "@noble/hashes/sha2.js";
import { writeDocBlock } from "./bench-doc";
import {
  appendLeafHashes,
  edgeTiles,
  fromBase64,
  generateKey,
  hashLeaf,
  memoryTileReader,
  openCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  proveInclusion,
  signCheckpoint,
  tileHashReader,
  treeHash,
  utf8,
  verifyEd25519,
  verifyInclusion,
  HASH_SIZE,
  TILE_WIDTH,
  type Hash,
  type TileData,
} from "../lib/core/log/index";
import { benchArgs } from "./bench-args";

const args = benchArgs({ flags: ["write"] });

const ROOT = new URL("../", import.meta.url);

const TREE_SIZE = 1_000_000;
const BATCH = 10_000;
const PROOFS = 1024;
const BUNDLE_TARGET_KB = 30;

// ---------------------------------------------------------------------------------------
// Timing

const WARMUP_MS = 300;
const ROUND_MS = 300;
const ROUNDS = 7;

interface Rate {
  /** Median calls per second over the rounds. */
  readonly perSec: number;
  /** (max − min) / median over the rounds: how noisy the figure was. */
  readonly spread: number;
}

interface Paired {
  readonly subject: Rate;
  readonly limit: Rate;
  /** Median over rounds of subject/limit, each ratio from two adjacent rounds. */
  readonly ratio: number;
  /** (max − min) / median of those per-round ratios. */
  readonly ratioSpread: number;
}

/** Keeps results alive so V8 cannot drop the work being timed. */
let sink = 0;

/** Calls fn(i) for i = 0, 1, … until `ms` have passed; returns calls per second. The clock
 *  is read once per batch, and batches double until one takes ≥ 1 ms, so reading it costs
 *  nothing measurable even for sub-microsecond calls. */
function runFor(fn: (i: number) => void, ms: number): number {
  let ops = 0;
  let batch = 1;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    const batchStart = now;
    for (let i = 0; i < batch; i++) fn(ops + i);
    ops += batch;
    now = performance.now();
    if (now - batchStart < 1) batch *= 2;
  }
  return ops / ((now - start) / 1000);
}

async function runForAsync(fn: (i: number) => Promise<void>, ms: number): Promise<number> {
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    await fn(ops++);
    now = performance.now();
  }
  return ops / ((now - start) / 1000);
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function summarize(rates: readonly number[]): Rate {
  const m = median(rates);
  return { perSec: m, spread: (Math.max(...rates) - Math.min(...rates)) / m };
}

/** Median of short rounds rather than one long run: the odd slow round (a neighbour's
 *  build, a GC) then costs nothing instead of skewing the whole figure. */
async function measureAsync(fn: (i: number) => Promise<void>): Promise<Rate> {
  await runForAsync(fn, WARMUP_MS);
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) rates.push(await runForAsync(fn, ROUND_MS));
  return summarize(rates);
}

/** Alternates rounds of `subject` and `limit`. On a machine whose load changes by 2× within
 *  a minute (seen here), a limit measured once at the start would make later ratios lie. */
function measurePaired(subject: (i: number) => void, limit: (i: number) => void): Paired {
  runFor(subject, WARMUP_MS);
  runFor(limit, WARMUP_MS);
  const s: number[] = [];
  const l: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    s.push(runFor(subject, ROUND_MS));
    l.push(runFor(limit, ROUND_MS));
  }
  const ratios = summarize(s.map((x, r) => x / l[r]!));
  return { subject: summarize(s), limit: summarize(l), ratio: ratios.perSec, ratioSpread: ratios.spread };
}

const started = performance.now();
function progress(message: string): void {
  const at = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`bench:core ${at} s  ${message}\n`);
}

// ---------------------------------------------------------------------------------------
// Work units. Hashing figures are converted to "64-byte SHA-256 equivalents" to set them
// beside the limit: SHA-256 pads its input (+1 byte, +8 length bytes) to 64-byte blocks, so
// a 64-byte message is 2 blocks — as is an interior node, 0x01‖left‖right = 65 bytes.

function sha256Blocks(messageBytes: number): number {
  return Math.ceil((messageBytes + 9) / 64);
}

/** How many 64-byte-input SHA-256 calls cost the compressions of one `messageBytes` hash. */
function equivalents(messageBytes: number): number {
  return sha256Blocks(messageBytes) / sha256Blocks(64);
}

// ---------------------------------------------------------------------------------------
// Measurements

const inputs64 = Array.from({ length: 1024 }, () => new Uint8Array(randomBytes(64)));
const BULK_BYTES = 16 * 1024;
const bulk = new Uint8Array(randomBytes(BULK_BYTES));

/** The limit for every hashing figure, as the issue defines it. */
function nodeSha64(i: number): void {
  sink ^= createHash("sha256")
    .update(inputs64[i & 1023]!)
    .digest()[0]!;
}

/** Context for the limit: the same SHA-256 through other doors, to show what bounds it. */
function measureShaContext() {
  return {
    noble: measurePaired((i) => {
      sink ^= sha256(inputs64[i & 1023]!)[0]!;
    }, nodeSha64),
    oneShot: measurePaired((i) => {
      sink ^= oneShotHash("sha256", inputs64[i & 1023]!, "buffer")[0]!;
    }, nodeSha64),
    bulk: measurePaired(() => {
      sink ^= createHash("sha256").update(bulk).digest()[0]!;
    }, nodeSha64),
  };
}

/** A real notice leaf (RFC 8785 JSON) from the frozen golden vectors, so the size is honest. */
function realisticLeaf(): Uint8Array {
  const golden = JSON.parse(readFileSync(new URL("test/log/testdata/leaf-golden.json", ROOT), "utf8")) as {
    vectors: { name: string; leaf: string }[];
  };
  const vector = golden.vectors.find((v) => v.name === "publish-zh") ?? golden.vectors[0]!;
  return utf8(vector.leaf);
}

function measureLeafHashing(leaf: Uint8Array) {
  return {
    leaf: measurePaired(() => {
      sink ^= hashLeaf(leaf)[0]!;
    }, nodeSha64),
    small: measurePaired((i) => {
      sink ^= hashLeaf(inputs64[i & 1023]!)[0]!;
    }, nodeSha64),
  };
}

/** Distinct leaf hashes for the tree, made natively (set-up, not timed), as views of one
 *  buffer rather than a million separately allocated Buffers for the GC to track. */
function makeLeafHashes(n: number): Hash[] {
  const all = new Uint8Array(n * HASH_SIZE);
  for (let i = 0; i < n; i++) all.set(createHash("sha256").update(Uint8Array.of(0)).update(`entry ${i}`).digest(), i * HASH_SIZE);
  return Array.from({ length: n }, (_, i) => all.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE) as Hash);
}

/** Appends one batch as the committer does: the right edge is read back from the tiles
 *  written so far, and the returned tiles replace their older, partial forms. */
function appendBatch(tiles: Map<string, TileData>, size: number, batch: readonly Hash[]): void {
  const edge = edgeTiles(size).map((t) => tiles.get(`${t.level}/${t.n}`)!.data.subarray(0, t.width * HASH_SIZE));
  for (const written of appendLeafHashes(size, edge, batch)) {
    tiles.set(`${written.tile.level}/${written.tile.n}`, written);
  }
}

/** Grows `tiles` from `from` to `to` leaves, BATCH leaf hashes at a time. */
function growTree(tiles: Map<string, TileData>, leafHashes: readonly Hash[], from: number, to: number): void {
  for (let size = from; size < to; size += BATCH) appendBatch(tiles, size, leafHashes.slice(size, Math.min(to, size + BATCH)));
}

/** Interior hashes an append computes: 255 per completed tile, at every tile level. The
 *  subtree hashes of partial tiles are left to readers, who compute them on demand. */
function nodeHashesForTree(size: number): number {
  let total = 0;
  for (let unit = TILE_WIDTH; unit <= size; unit *= TILE_WIDTH) total += Math.floor(size / unit) * (TILE_WIDTH - 1);
  return total;
}

/** One tree of TREE_SIZE leaves, timed in segments with a short round of the limit between
 *  every two: measured only before and after the build, the limit was seen to move 3×. */
const SEGMENTS = 10;

function measureTreeBuilding(leafHashes: readonly Hash[]) {
  growTree(new Map(), leafHashes, 0, 100_000); // warm-up: let V8 optimize the append path
  runFor(nodeSha64, WARMUP_MS);
  const tiles = new Map<string, TileData>();
  const limits = [runFor(nodeSha64, ROUND_MS / 2)];
  const ratios: number[] = [];
  let seconds = 0;
  for (let seg = 0; seg < SEGMENTS; seg++) {
    const from = Math.floor((leafHashes.length * seg) / SEGMENTS);
    const to = Math.floor((leafHashes.length * (seg + 1)) / SEGMENTS);
    const start = performance.now();
    growTree(tiles, leafHashes, from, to);
    const segSeconds = (performance.now() - start) / 1000;
    seconds += segSeconds;
    limits.push(runFor(nodeSha64, ROUND_MS / 2));
    // In leaves, like every Paired ratio in calls; the report converts calls to hashes.
    ratios.push((to - from) / segSeconds / ((limits[seg]! + limits[seg + 1]!) / 2));
  }
  const ratio = summarize(ratios);
  const paired: Paired = {
    subject: summarize([leafHashes.length / seconds]),
    limit: summarize(limits),
    ratio: ratio.perSec,
    ratioSpread: ratio.spread,
  };
  return { tiles, seconds, nodesPerSec: nodeHashesForTree(leafHashes.length) / seconds, paired };
}

/** Spreads indexes over the whole tree, so the proofs exercise every tile path. */
function proofIndex(i: number, size: number): number {
  return (i * 2_654_435_761) % size;
}

async function measureProofs(tiles: Map<string, TileData>, leafHashes: readonly Hash[]) {
  const size = leafHashes.length;
  const reader = tileHashReader(size, memoryTileReader(tiles.values()));
  const root = await treeHash(size, reader);

  const generate = await measureAsync(async (i) => {
    sink ^= (await proveInclusion(proofIndex(i, size), size, reader)).length;
  });

  const proofs: { index: number; proof: Hash[] }[] = [];
  for (let i = 0; i < PROOFS; i++) {
    const index = proofIndex(i, size);
    proofs.push({ index, proof: await proveInclusion(index, size, reader) });
  }
  const hashesPerProof = proofs.reduce((n, p) => n + p.proof.length, 0) / proofs.length;

  const verify = measurePaired((i) => {
    const { index, proof } = proofs[i % PROOFS]!;
    verifyInclusion(index, size, leafHashes[index]!, proof, root);
  }, nodeSha64);
  return { root, generate, verify, hashesPerProof };
}

/** Builds the tree and measures it and its proofs; returns only figures and the root, so the
 *  tree's memory is garbage before the next measurements run. */
async function measureTree() {
  const leafHashes = makeLeafHashes(TREE_SIZE);
  progress(`tree building (${TREE_SIZE} leaves, batches of ${BATCH})`);
  const { tiles, ...tree } = measureTreeBuilding(leafHashes);
  progress(`inclusion proofs (generation, then ${PROOFS} proofs verified in rotation)`);
  const { root, ...proofs } = await measureProofs(tiles, leafHashes);
  return { tree, proofs, root };
}

function measureCheckpoints(root: Hash) {
  const origin = "bench.gongshi.example/log";
  const keys = generateKey("bench.gongshi.example");
  const verifier = parseVerifierKey(keys.verifierKey);
  const signed = signCheckpoint({ origin, size: TREE_SIZE, rootHash: root, extensions: [] }, parseSignerKey(keys.signerKey));

  // The same message, signature and key for the native and pure-JS references.
  const message = utf8(signed.slice(0, signed.indexOf("\n\n") + 1));
  const sigLine = signed.trimEnd().split("\n").at(-1)!; // "— <name> base64(key ID ‖ signature)"
  const signature = fromBase64(sigLine.slice(sigLine.lastIndexOf(" ") + 1)).subarray(4);
  // <name>+<id>+base64(0x01 ‖ key); the base64 itself may contain "+".
  const publicKey = fromBase64(keys.verifierKey.split("+").slice(2).join("+")).subarray(1);
  const nodeKey = createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(publicKey).toString("base64url") },
    format: "jwk",
  });
  if (!nodeVerify(null, message, nodeKey, signature)) throw new Error("native Ed25519 rejects our checkpoint signature");

  const native = (): void => {
    sink ^= Number(nodeVerify(null, message, nodeKey, signature));
  };
  const ed25519 = measurePaired(() => {
    sink ^= Number(verifyEd25519(publicKey, message, signature));
  }, native);
  const open = measurePaired(() => {
    sink ^= openCheckpoint(signed, origin, [verifier]).checkpoint.size;
  }, native);
  return { ed25519, open, messageBytes: message.length };
}

interface BundleReport {
  readonly rawKB: number;
  readonly gzipKB: number;
  /** Minified KB per package (`@noble/curves`, …) or top folder (`lib/core/log`), largest first. */
  readonly groups: { path: string; kB: number }[];
  readonly contributors: { path: string; kB: number }[];
}

async function measureBundle(): Promise<BundleReport> {
  const result = await build({
    entryPoints: [new URL("scripts/verifier-entry.ts", ROOT).pathname],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    outfile: "verifier.js", // names the output in the metafile; nothing is written
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return {
    rawKB: code.length / 1024,
    gzipKB: gzipSync(code, { level: 9 }).length / 1024,
    groups: bySize(groupInputs(inputSizes(result.metafile))),
    contributors: bySize(inputSizes(result.metafile)).slice(0, 8),
  };
}

/** Minified KB each input file contributes to the (single) output. */
function inputSizes(metafile: Metafile): Map<string, number> {
  const inputs = Object.values(metafile.outputs)[0]!.inputs;
  return new Map(Object.entries(inputs).map(([path, { bytesInOutput }]) => [path.replace(/^.*node_modules\//, ""), bytesInOutput / 1024]));
}

/** Sums files by package ("@noble/curves") or by folder ("lib/core/log"). */
function groupInputs(sizes: Map<string, number>): Map<string, number> {
  const groups = new Map<string, number>();
  for (const [path, kB] of sizes) {
    const group = path.split("/").slice(0, 2).join("/");
    groups.set(group, (groups.get(group) ?? 0) + kB);
  }
  return groups;
}

function bySize(sizes: Map<string, number>): { path: string; kB: number }[] {
  return [...sizes]
    .map(([path, kB]) => ({ path, kB }))
    .filter((c) => c.kB > 0)
    .sort((a, b) => b.kB - a.kB);
}

// ---------------------------------------------------------------------------------------
// Report

function rate(perSec: number): string {
  if (perSec >= 1e6) return `${(perSec / 1e6).toFixed(2)} M/s`;
  if (perSec >= 1e3) return `${(perSec / 1e3).toFixed(1)} k/s`;
  return `${perSec.toFixed(0)} /s`;
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)} %`;
}

/** Half a spread, as ± around the median. */
function noise(spread: number): string {
  return `±${(spread * 50).toFixed(0)} %`;
}

type Results = {
  leafBytes: number;
  context: ReturnType<typeof measureShaContext>;
  leaf: ReturnType<typeof measureLeafHashing>;
  sig: ReturnType<typeof measureCheckpoints>;
  bundle: BundleReport;
} & Awaited<ReturnType<typeof measureTree>>;

/** A hashing row: `eq` converts one call of the subject into 64-byte SHA-256 equivalents. */
function hashRow(name: string, p: Paired, eq: number): string {
  return `| ${name} | ${rate(p.subject.perSec)} | ${rate(p.subject.perSec * eq)} | ${rate(p.limit.perSec)} | ${percent(p.ratio * eq)} | ${noise(p.ratioSpread)} |`;
}

function sigRow(name: string, p: Paired): string {
  return `| ${name} | ${rate(p.subject.perSec)} | ${rate(p.limit.perSec)} | ${percent(p.ratio)} | ${noise(p.ratioSpread)} |`;
}

function report(r: Results): string {
  const cpus = os.cpus();
  const { tree, proofs, bundle } = r;
  const leafEq = equivalents(r.leafBytes + 1); // + the 0x00 leaf prefix
  const treeEq = tree.nodesPerSec / tree.paired.subject.perSec;
  return [
    `Run of ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus[0]?.model ?? "unknown CPU"} · ${cpus.length} cores · ${os.platform()}/${os.arch()} · load average ${os.loadavg()[0]!.toFixed(1)} at the end`,
    "",
    'Limit: `node:crypto` `createHash("sha256")` over 64-byte inputs, measured in rounds alternating with each figure\'s own rounds. ' +
      `"As 64-B SHA-256" counts each call's SHA-256 blocks in 64-byte hashes (2 blocks each, as is an interior node; the ${r.leafBytes}-byte leaf is ${sha256Blocks(r.leafBytes + 1)}). ` +
      "Noise is half the spread of the per-round ratios: how far to trust the ratio.",
    "",
    "| Measurement | Rate | As 64-B SHA-256 | Limit (same run) | Ratio | Noise |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    hashRow("SHA-256, 64 B, `@noble/hashes` (what lib/core/log uses)", r.context.noble, 1),
    hashRow("SHA-256, 64 B, `node:crypto` one-shot `hash()` (context)", r.context.oneShot, 1),
    hashRow(`SHA-256, ${BULK_BYTES / 1024} KiB, \`node:crypto\` (context: bulk compression rate)`, r.context.bulk, equivalents(BULK_BYTES)),
    hashRow(`Leaf hashing, \`hashLeaf\`, ${r.leafBytes}-B notice leaf`, r.leaf.leaf, leafEq),
    hashRow("Leaf hashing, `hashLeaf`, 64-B payload", r.leaf.small, equivalents(65)),
    hashRow(
      `Tree building, \`appendLeafHashes\`, ${TREE_SIZE.toLocaleString("en")} leaf hashes in batches of ${BATCH.toLocaleString("en")} (rate in leaves; ${tree.seconds.toFixed(1)} s over ${SEGMENTS} timed segments)`,
      tree.paired,
      treeEq,
    ),
    hashRow(
      `Inclusion proof verification, \`verifyInclusion\`, ${TREE_SIZE.toLocaleString("en")}-leaf tree, ${proofs.hashesPerProof.toFixed(1)} hashes/proof`,
      proofs.verify,
      proofs.hashesPerProof,
    ),
    `| Inclusion proof generation from in-memory tiles, \`proveInclusion\` (side figure) | ${rate(proofs.generate.perSec)} | — | — | — | ${noise(proofs.generate.spread)} (rate) |`,
    "",
    `Tree building computes ${treeEq.toFixed(3)} interior hashes per leaf (255 per completed tile); leaf hashes are an input to it, measured above.`,
    "",
    `Limit: \`node:crypto\` \`verify(null, …)\` (OpenSSL) over the same ${r.sig.messageBytes}-byte checkpoint text, signature and key, in alternating rounds.`,
    "",
    "| Measurement | Rate | Limit (same run) | Ratio | Noise |",
    "| --- | ---: | ---: | ---: | ---: |",
    sigRow("Ed25519 verify, `verifyEd25519` (Go's rules on `@noble/curves` arithmetic)", r.sig.ed25519),
    sigRow("Checkpoint verification, `openCheckpoint` (note parse, key match, Ed25519, checkpoint parse)", r.sig.open),
    "",
    "Browser verifier: `scripts/verifier-entry.ts` bundled by esbuild (bundle, minify, ESM, browser, es2022), gzip level 9.",
    "",
    "| Bundle | Raw | Gzipped | Target (gzipped) | Ratio |",
    "| --- | ---: | ---: | ---: | ---: |",
    `| Verify-only code | ${bundle.rawKB.toFixed(1)} KB | ${bundle.gzipKB.toFixed(1)} KB | ${BUNDLE_TARGET_KB} KB | ${percent(bundle.gzipKB / BUNDLE_TARGET_KB)} |`,
    "",
    "By package (minified, before gzip): " + bundle.groups.map((c) => `\`${c.path}\` ${c.kB.toFixed(1)} KB`).join(", ") + ".",
    "",
    "Largest files (minified, before gzip): " + bundle.contributors.map((c) => `\`${c.path}\` ${c.kB.toFixed(1)} KB`).join(", ") + ".",
  ].join("\n");
}

async function main(): Promise<void> {
  progress("SHA-256 limit and context (node:crypto, @noble/hashes)");
  const context = measureShaContext();

  const leafBytes = realisticLeaf();
  progress(`leaf hashing (${leafBytes.length} B and 64 B)`);
  const leaf = measureLeafHashing(leafBytes);

  const { tree, proofs, root } = await measureTree();

  progress("Ed25519 checkpoint verification");
  const sig = measureCheckpoints(root);

  progress("browser verifier bundle");
  const bundle = await measureBundle();

  const section = report({ leafBytes: leafBytes.length, context, leaf, tree, proofs, root, sig, bundle });
  process.stdout.write(`${section}\n`);
  if (args.write) {
    writeDocBlock("core", section);
    progress("wrote docs/performance.md");
  }
  progress(`done (sink ${sink & 1})`);
}

await main();
