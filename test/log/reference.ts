/**
 * A naive reference straight from RFC 6962 §2.1 — recursive MTH, PATH and PROOF over the
 * whole leaf list — used only as an oracle. It shares nothing with lib/core/log but SHA-256.
 */
import { createHash } from "node:crypto";

export type Bytes = Uint8Array;

function sha256(...parts: Bytes[]): Bytes {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

function k(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) over leaf hashes. */
export function refMTH(leafHashes: Bytes[]): Bytes {
  const n = leafHashes.length;
  if (n === 0) return sha256();
  if (n === 1) return leafHashes[0]!;
  const split = k(n);
  return sha256(Uint8Array.of(1), refMTH(leafHashes.slice(0, split)), refMTH(leafHashes.slice(split)));
}

/** PATH(m, D[n]) */
export function refPath(m: number, leafHashes: Bytes[]): Bytes[] {
  const n = leafHashes.length;
  if (n <= 1) return [];
  const split = k(n);
  if (m < split) return [...refPath(m, leafHashes.slice(0, split)), refMTH(leafHashes.slice(split))];
  return [...refPath(m - split, leafHashes.slice(split)), refMTH(leafHashes.slice(0, split))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) */
export function refProof(m: number, leafHashes: Bytes[]): Bytes[] {
  return subproof(m, leafHashes, true);
}

function subproof(m: number, d: Bytes[], b: boolean): Bytes[] {
  const n = d.length;
  if (m === n) return b ? [] : [refMTH(d)];
  const split = k(n);
  if (m <= split) return [...subproof(m, d.slice(0, split), b), refMTH(d.slice(split))];
  return [...subproof(m - split, d.slice(split), false), refMTH(d.slice(0, split))];
}
