/**
 * Tree hashes and proofs computed from stored hashes (RFC 9162 §2.1.3.1, §2.1.4.1), in the
 * manner of golang.org/x/mod/sumdb/tlog: first list every stored hash a result needs, read
 * them all in one call, then combine. One round trip to storage per proof, O(log n) hashes.
 *
 * Ranges are half-open, [lo, hi). Proof hashes are ordered as RFC 9162 specifies: the leaf's
 * (or first tree's) sibling first, the root's child last.
 */
import { EMPTY_ROOT, hashChildren, type Hash } from "./hash";
import { InputError, requireIndex } from "./errors";
import { readExactly, requireSize, storedHashIndex, type HashReader } from "./stored-hashes";

/** MTH(D[size]) — the root of the first `size` leaves. */
export async function treeHash(size: number, reader: HashReader): Promise<Hash> {
  requireSize(size);
  if (size === 0) return EMPTY_ROOT;
  const hashes = await readExactly(reader, subtreeIndexes(0, size, []));
  return subtreeHash(0, size, new Cursor(hashes));
}

/**
 * Inclusion proof of leaf `index` in the tree of `size` leaves.
 * Requires 0 <= index < size.
 */
export async function proveInclusion(index: number, size: number, reader: HashReader): Promise<Hash[]> {
  requireIndex("index", index);
  requireSize(size);
  if (index >= size) throw new InputError("index-out-of-range", `index ${index} is not below size ${size}`);
  const hashes = await readExactly(reader, leafProofIndexes(0, size, index, []));
  return leafProof(0, size, index, new Cursor(hashes));
}

/**
 * Consistency proof that the tree of `from` leaves is a prefix of the tree of `to` leaves.
 * Requires 0 <= from <= to. The proof is empty when from is 0 or from equals to.
 */
export async function proveConsistency(from: number, to: number, reader: HashReader): Promise<Hash[]> {
  requireIndex("from", from);
  requireSize(to);
  if (from > to) throw new InputError("bad-range", `from ${from} is greater than to ${to}`);
  if (from === 0 || from === to) return [];
  const hashes = await readExactly(reader, treeProofIndexes(0, to, from, []));
  return treeProof(0, to, from, new Cursor(hashes));
}

/** The largest power of two strictly smaller than n (n >= 2), and its log2. */
function splitPoint(n: number): { k: number; level: number } {
  let k = 1;
  let level = 0;
  while (k * 2 < n) {
    k *= 2;
    level++;
  }
  return { k, level };
}

/** Hands out the fetched hashes in the order their indexes were listed. */
class Cursor {
  private next = 0;
  constructor(private readonly hashes: readonly Hash[]) {}
  take(count: number): readonly Hash[] {
    const slice = this.hashes.slice(this.next, this.next + count);
    if (slice.length !== count) throw new InputError("bad-reader", "hash reader returned too few hashes");
    this.next += count;
    return slice;
  }
}

// [lo, hi) splits into complete subtrees, largest first; each is one stored hash.
function subtreeIndexes(lo: number, hi: number, need: number[]): number[] {
  while (lo < hi) {
    const { k, level } = splitPoint(hi - lo + 1);
    need.push(storedHashIndex(level, lo / k));
    lo += k;
  }
  return need;
}

function subtreeHash(lo: number, hi: number, cursor: Cursor): Hash {
  let count = 0;
  for (let x = lo; x < hi; x += splitPoint(hi - x + 1).k) count++;
  const parts = cursor.take(count);
  let h = parts[count - 1]!;
  for (let i = count - 2; i >= 0; i--) h = hashChildren(parts[i]!, h);
  return h;
}

function leafProofIndexes(lo: number, hi: number, index: number, need: number[]): number[] {
  if (lo + 1 === hi) return need;
  const { k } = splitPoint(hi - lo);
  if (index < lo + k) {
    leafProofIndexes(lo, lo + k, index, need);
    return subtreeIndexes(lo + k, hi, need);
  }
  subtreeIndexes(lo, lo + k, need);
  return leafProofIndexes(lo + k, hi, index, need);
}

function leafProof(lo: number, hi: number, index: number, cursor: Cursor): Hash[] {
  if (lo + 1 === hi) return [];
  const { k } = splitPoint(hi - lo);
  if (index < lo + k) {
    const proof = leafProof(lo, lo + k, index, cursor);
    return [...proof, subtreeHash(lo + k, hi, cursor)];
  }
  const sibling = subtreeHash(lo, lo + k, cursor);
  return [...leafProof(lo + k, hi, index, cursor), sibling];
}

function treeProofIndexes(lo: number, hi: number, from: number, need: number[]): number[] {
  if (from === hi) return lo === 0 ? need : subtreeIndexes(lo, hi, need);
  const { k } = splitPoint(hi - lo);
  if (from <= lo + k) {
    treeProofIndexes(lo, lo + k, from, need);
    return subtreeIndexes(lo + k, hi, need);
  }
  subtreeIndexes(lo, lo + k, need);
  return treeProofIndexes(lo + k, hi, from, need);
}

// RFC 9162 §2.1.4.1 SUBPROOF: the old tree's own root is left out when it is a complete
// subtree of the new tree starting at 0 (the verifier already has it).
function treeProof(lo: number, hi: number, from: number, cursor: Cursor): Hash[] {
  if (from === hi) return lo === 0 ? [] : [subtreeHash(lo, hi, cursor)];
  const { k } = splitPoint(hi - lo);
  if (from <= lo + k) {
    const proof = treeProof(lo, lo + k, from, cursor);
    return [...proof, subtreeHash(lo + k, hi, cursor)];
  }
  const left = subtreeHash(lo, lo + k, cursor);
  return [...treeProof(lo + k, hi, from, cursor), left];
}
