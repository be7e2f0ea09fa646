/**
 * Mutated negatives: every valid proof, changed in any one way — one byte flipped, a hash
 * added or removed, index or size off by one — must fail, and fail with a ProofError (not a
 * TypeError or a crash). Also: bad input is an InputError, not a ProofError.
 *
 * A proof replayed at another index or size is checked against the root of the tree of
 * *that* size, as a verifier holding a signed checkpoint for it would. (Against the original
 * root some replays cannot fail: the RFC 9162 loop consumes 0@3's proof exactly as 0@4's, so
 * only the signed (size, root) pair binds the two — which is why every verifier in Gongshi
 * takes size and root from one checkpoint, never from separate sources.)
 */
import { describe, expect, it } from "vitest";
import { InputError, ProofError, RootMismatchError, proveConsistency, proveInclusion, treeHash, verifyConsistency, verifyInclusion, type Hash } from "@/lib/core/log";
import { StoredHashLog, leafHashes } from "./helpers";

const SIZES = [...Array.from({ length: 20 }, (_, i) => i + 1), 31, 32, 33, 63, 64, 65, 100, 127, 128, 129];

function flipped(proof: readonly Hash[], i: number, byte: number): Hash[] {
  return proof.map((h, j) => {
    if (j !== i) return h;
    const copy = new Uint8Array(h);
    copy[byte] = copy[byte]! ^ 0x01;
    return copy as Hash;
  });
}

function mutations(proof: readonly Hash[], extra: Hash): { name: string; proof: Hash[] }[] {
  const out: { name: string; proof: Hash[] }[] = [];
  proof.forEach((_, i) => {
    for (const byte of [0, 13, 31]) out.push({ name: `flip hash ${i} byte ${byte}`, proof: flipped(proof, i, byte) });
    out.push({ name: `drop hash ${i}`, proof: proof.filter((__, j) => j !== i) });
  });
  for (let i = 0; i <= proof.length; i++) out.push({ name: `add hash at ${i}`, proof: [...proof.slice(0, i), extra, ...proof.slice(i)] });
  return out;
}

function expectProofError(fn: () => void, what: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, what).toBeInstanceOf(ProofError);
}

describe("mutated inclusion proofs", () => {
  it("fail with ProofError for every mutation, index and size off by one", async () => {
    const hashes = leafHashes(130);
    const log = new StoredHashLog();
    for (const h of hashes) await log.append(h);
    let checked = 0;
    for (const size of SIZES) {
      const root = await treeHash(size, log);
      for (let index = 0; index < size; index++) {
        const proof = await proveInclusion(index, size, log);
        const leaf = hashes[index]!;
        for (const m of mutations(proof, hashes[129]!)) {
          expectProofError(() => verifyInclusion(index, size, leaf, m.proof, root), `${index}@${size}: ${m.name}`);
          checked++;
        }
        for (const [i, n] of [
          [index + 1, size],
          [index - 1, size],
          [index, size + 1],
          [index, size - 1],
        ] as const) {
          if (i < 0 || n < 0) continue;
          const rootN = n === size ? root : await treeHash(n, log);
          expectProofError(() => verifyInclusion(i, n, leaf, proof, rootN), `${index}@${size} replayed as ${i}@${n}`);
          checked++;
        }
        expectProofError(() => verifyInclusion(index, size, hashes[129]!, proof, root), `${index}@${size} for another leaf`);
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it("reports a well-formed proof that leads elsewhere as RootMismatchError", async () => {
    const log = new StoredHashLog();
    for (const h of leafHashes(5)) await log.append(h);
    const proof = await proveInclusion(2, 5, log);
    const root = await treeHash(5, log);
    expect(() => verifyInclusion(2, 5, leafHashes(5)[2]!, flipped(proof, 0, 0), root)).toThrow(RootMismatchError);
  });

  it("treats malformed arguments as InputError", async () => {
    const h = leafHashes(1)[0]!;
    expect(() => verifyInclusion(-1, 1, h, [], h)).toThrow(InputError);
    expect(() => verifyInclusion(0.5, 1, h, [], h)).toThrow(InputError);
    expect(() => verifyInclusion(0, 1, h, [new Uint8Array(31) as Hash], h)).toThrow(InputError);
    await expect(proveInclusion(1, 1, new StoredHashLog())).rejects.toThrow(InputError);
    await expect(proveConsistency(2, 1, new StoredHashLog())).rejects.toThrow(InputError);
  });
});

describe("mutated consistency proofs", () => {
  it("fail with ProofError for every mutation and either size off by one", async () => {
    const hashes = leafHashes(130);
    const log = new StoredHashLog();
    for (const h of hashes) await log.append(h);
    const roots = new Map<number, Hash>();
    for (let n = 0; n <= 130; n++) roots.set(n, await treeHash(n, log));
    let checked = 0;
    for (const to of SIZES) {
      for (let from = 1; from < to; from++) {
        const proof = await proveConsistency(from, to, log);
        const r1 = roots.get(from)!;
        const r2 = roots.get(to)!;
        for (const m of mutations(proof, hashes[129]!)) {
          expectProofError(() => verifyConsistency(from, to, m.proof, r1, r2), `${from}->${to}: ${m.name}`);
          checked++;
        }
        for (const [a, b] of [
          [from + 1, to],
          [from - 1, to],
          [from, to + 1],
          [from, to - 1],
        ] as const) {
          if (a === 0 || a === b) continue; // trivially consistent sizes take no proof
          expectProofError(() => verifyConsistency(a, b, proof, roots.get(a)!, roots.get(b)!), `${from}->${to} replayed as ${a}->${b}`);
          checked++;
        }
        expectProofError(() => verifyConsistency(from, to, proof, r2, r2), `${from}->${to} with wrong first root`);
        expectProofError(() => verifyConsistency(from, to, proof, r1, r1), `${from}->${to} with wrong second root`);
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });

  it("rejects a non-empty proof for equal sizes and for size 0", async () => {
    const log = new StoredHashLog();
    for (const h of leafHashes(4)) await log.append(h);
    const root4 = await treeHash(4, log);
    const root0 = await treeHash(0, log);
    verifyConsistency(4, 4, [], root4, root4);
    verifyConsistency(0, 4, [], root0, root4);
    expectProofError(() => verifyConsistency(4, 4, [root4], root4, root4), "equal sizes, non-empty proof");
    expectProofError(() => verifyConsistency(0, 4, [root4], root0, root4), "size 0, non-empty proof");
    expectProofError(() => verifyConsistency(0, 4, [], root4, root4), "size 0 with a non-empty root");
    expectProofError(() => verifyConsistency(5, 4, [], root4, root4), "sizes in the wrong order");
  });
});

describe("consistency of trees of equal or empty size", () => {
  it("rejects equal sizes with different roots, also at size 0", async () => {
    const log = new StoredHashLog();
    for (const h of leafHashes(3)) await log.append(h);
    const root0 = await treeHash(0, log);
    const root3 = await treeHash(3, log);
    expectProofError(() => verifyConsistency(0, 0, [], root0, root3), "0 -> 0 with a non-empty second root");
    expectProofError(() => verifyConsistency(3, 3, [], root3, root0), "3 -> 3 with another root");
  });
});
