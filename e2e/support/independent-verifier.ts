/**
 * A second, independent RFC 6962 / C2SP verifier, used to check the running portal from the
 * outside. It shares no code with lib/log: SHA-256 and Ed25519 come from node:crypto, and the
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
  const sigLines = note.slice(split + 2).split("\n").filter(Boolean);
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
