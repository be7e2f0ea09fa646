/**
 * A second, independent RFC 6962 / C2SP verifier, used to check the running portal from the
 * outside. It shares no code with lib/core/log: SHA-256 and Ed25519 come from node:crypto, and the
 * note parsing and proof loops are written again from RFC 9162 §2.1.3.2 / §2.1.4.2 and the
 * C2SP signed-note and checkpoint specs.
 */
import { createHash, createPublicKey, verify } from "node:crypto";

const sha256 = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
const node = (l: Buffer, r: Buffer) => sha256(Buffer.from([1]), l, r);
export const leafHash = (leaf: Buffer) => sha256(Buffer.from([0]), leaf);
const b64 = (s: string) => Buffer.from(s, "base64");

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

/** Verifies a signed checkpoint against `name+hex+base64` and returns its body. */
export function verifyCheckpoint(note: string, verifierKey: string): Checkpoint {
  const [name, idHex, keyB64] = [verifierKey.split("+")[0]!, verifierKey.split("+")[1]!, verifierKey.split("+").slice(2).join("+")];
  const key = b64(keyB64);
  if (key[0] !== 1 || key.length !== 33) throw new Error("not an Ed25519 verifier key");
  const spki = Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), key.subarray(1)]);
  const publicKey = createPublicKey({ key: spki, format: "der", type: "spki" });
  const split = note.lastIndexOf("\n\n");
  const text = note.slice(0, split + 1);
  const sigLines = note
    .slice(split + 2)
    .split("\n")
    .filter(Boolean);
  const mine = sigLines
    .map((line) => /^— (\S+) (\S+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === name)
    .map((m) => b64(m[2]!))
    .filter((sig) => sig.subarray(0, 4).toString("hex") === idHex);
  if (mine.length === 0) throw new Error("checkpoint carries no signature by the log key");
  for (const sig of mine) {
    if (!verify(null, Buffer.from(text, "utf8"), publicKey, sig.subarray(4))) throw new Error("checkpoint signature does not verify");
  }
  const [origin, size, root, ...rest] = text.slice(0, -1).split("\n");
  if (rest.length > 0 || !/^(0|[1-9]\d*)$/.test(size ?? "")) throw new Error("malformed checkpoint body");
  return { origin: origin!, size: Number(size), root: b64(root!) };
}

export function verifyInclusion(index: number, size: number, leaf: Buffer, proof: Buffer[], root: Buffer): void {
  if (index >= size) throw new Error("index beyond size");
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) throw new Error("proof too long");
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      r = node(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  if (sn !== 0 || !r.equals(root)) throw new Error("inclusion proof does not verify");
}

export function verifyConsistency(size1: number, size2: number, proof: Buffer[], root1: Buffer, root2: Buffer): void {
  if (size1 === size2) {
    if (proof.length !== 0 || !root1.equals(root2)) throw new Error("equal sizes need equal roots and no proof");
    return;
  }
  if (size1 === 0 || size1 > size2 || proof.length === 0) throw new Error("bad consistency proof request");
  const path = (size1 & (size1 - 1)) === 0 ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) throw new Error("proof too long");
    if (fn % 2 === 1 || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else {
      sr = node(sr, c);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  if (sn !== 0 || !fr.equals(root1) || !sr.equals(root2)) throw new Error("consistency proof does not verify");
}

export const hashes = (list: string[]) => list.map(b64);
export const noteHash = (note: string) => sha256(Buffer.from(note, "utf8")).toString("base64");

/** RFC 6962 §2.1 MTH over leaf hashes, computed from scratch: the largest power of two below n splits. */
export function merkleRoot(leafHashes: readonly Buffer[]): Buffer {
  if (leafHashes.length === 0) return sha256();
  if (leafHashes.length === 1) return leafHashes[0]!;
  let k = 1;
  while (k * 2 < leafHashes.length) k *= 2;
  return node(merkleRoot(leafHashes.slice(0, k)), merkleRoot(leafHashes.slice(k)));
}

/** C2SP tlog-tiles path of tile `n` (3-digit groups, x-prefixed but the last), partial when width < 256. */
function tileName(n: number, width: number): string {
  const groups: string[] = [];
  do {
    groups.unshift(String(n % 1000).padStart(3, "0"));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join("/") + (width < 256 ? `.p/${width}` : "");
}

/**
 * A tiled log served as static files (C2SP tlog-tiles) checked from the outside: the checkpoint
 * against the log's key; every entry bundle read and split; the root of their leaf hashes
 * against the checkpoint; and every hash tile of every level against the hashes the leaves make.
 * Returns the checkpoint and the leaves.
 */
export async function verifyTiledLog(base: string, verifierKey: string): Promise<{ checkpoint: Checkpoint; leaves: Buffer[] }> {
  const get = async (path: string) => {
    const response = await fetch(new URL(path, base));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  };
  const checkpoint = verifyCheckpoint((await get("checkpoint")).toString("utf8"), verifierKey);
  const leaves: Buffer[] = [];
  for (let n = 0; n * 256 < checkpoint.size; n++) {
    const width = Math.min(256, checkpoint.size - n * 256);
    const bundle = await get(`tile/entries/${tileName(n, width)}`);
    let offset = 0;
    for (let i = 0; i < width; i++) {
      const length = bundle.readUInt16BE(offset);
      leaves.push(bundle.subarray(offset + 2, offset + 2 + length));
      offset += 2 + length;
    }
    if (offset !== bundle.length) throw new Error(`entry bundle ${n}: ${bundle.length - offset} bytes after its ${width} entries`);
  }
  let level: Buffer[] = leaves.map((leaf) => leafHash(leaf));
  if (!merkleRoot(level).equals(checkpoint.root)) throw new Error("the entries' Merkle root is not the checkpoint's");
  // Level L holds the hashes of Merkle level 8·L: each the root of 256 hashes of the level below.
  for (let tileLevel = 0; level.length > 0; tileLevel++) {
    for (let n = 0; n * 256 < level.length; n++) {
      const expected = Buffer.concat(level.slice(n * 256, n * 256 + 256));
      const tile = await get(`tile/${tileLevel}/${tileName(n, Math.min(256, level.length - n * 256))}`);
      if (!tile.equals(expected)) throw new Error(`tile ${tileLevel}/${tileName(n, Math.min(256, level.length - n * 256))} does not hold the hashes its entries make`);
    }
    const next: Buffer[] = [];
    for (let n = 0; (n + 1) * 256 <= level.length; n++) next.push(merkleRoot(level.slice(n * 256, n * 256 + 256)));
    level = next;
  }
  return { checkpoint, leaves };
}
