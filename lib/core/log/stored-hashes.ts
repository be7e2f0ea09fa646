/**
 * Stored-hash layout of the tree (the golang.org/x/mod/sumdb/tlog scheme).
 *
 * Every complete subtree of the log has one hash that never changes once written: the leaf
 * hashes (level 0) and the hashes of subtrees of 2^level leaves. Numbering them in the order
 * an append produces them gives each a permanent "stored-hash index", so storage never
 * rewrites anything — the property an append-only log needs — and any root or proof is
 * computed from O(log n) of them.
 *
 * Index arithmetic uses plain numbers, not 32-bit bit operators, so it is exact for every
 * tree size up to MAX_TREE_SIZE.
 */
import { hashChildren, type Hash } from "./hash";
import { InputError, requireIndex } from "./errors";

/** Largest supported tree size: keeps every stored-hash index (≈ 2·size) a safe integer. */
export const MAX_TREE_SIZE = 2 ** 52;

/**
 * Storage reaches the core through this one narrow interface.
 * Contract: returns the hashes at the given stored-hash indexes, in the same order, one per
 * index; every index asked for is below storedHashCount(size) of the tree being proven, so
 * a reader for a tree of that size can always answer. A reader that cannot must throw.
 */
export interface HashReader {
  readHashes(indexes: readonly number[]): Promise<readonly Hash[]> | readonly Hash[];
}

/** Index of the hash of the n-th subtree at `level` (the subtree of leaves [n·2^level, (n+1)·2^level)). */
export function storedHashIndex(level: number, n: number): number {
  requireIndex("level", level);
  requireIndex("n", n);
  // Level L's n-th hash is written right after level L+1's (2n+1)-th hash: walk down to
  // the level-0 leaf that completes it, then count what was written before that leaf.
  let leaf = n;
  for (let l = level; l > 0; l--) leaf = 2 * leaf + 1;
  let index = 0;
  for (let x = leaf; x > 0; x = Math.floor(x / 2)) index += x;
  return index + level;
}

/** Inverse of storedHashIndex. */
export function splitStoredHashIndex(index: number): { level: number; n: number } {
  requireIndex("index", index);
  // storedHashIndex(0, n) <= 2n, so the leaf written at or just before `index` is in
  // [index/2, index/2 + log2(index)]: start low and walk forward.
  let n = Math.floor(index / 2);
  let indexN = storedHashIndex(0, n);
  // After leaf n come the hashes of the subtrees that leaf n completes.
  for (;;) {
    const x = indexN + 1 + trailingOnes(n);
    if (x > index) break;
    n++;
    indexN = x;
  }
  const level = index - indexN;
  return { level, n: Math.floor(n / 2 ** level) };
}

/** How many stored hashes a tree of `size` leaves has. */
export function storedHashCount(size: number): number {
  requireSize(size);
  if (size === 0) return 0;
  return storedHashIndex(0, size - 1) + 1 + trailingOnes(size - 1);
}

/**
 * What an append produces: the stored hashes for leaf `n` (the leaf hash, then the hash of
 * every subtree that leaf completes), at indexes storedHashCount(n) onwards.
 * Reads the O(log n) sibling hashes it needs from `reader` in one call.
 */
export async function storedHashesForLeaf(n: number, leafHash: Hash, reader: HashReader): Promise<Hash[]> {
  // requireSize(n + 1) alone would take n = -1 (a tree of size 0) and answer with the leaf hash.
  requireIndex("n", n);
  requireSize(n + 1);
  const completed = trailingOnes(n);
  const indexes: number[] = [];
  for (let i = completed - 1; i >= 0; i--) {
    indexes.push(storedHashIndex(i, Math.floor(n / 2 ** i) - 1));
  }
  const siblings = await readExactly(reader, indexes);
  const hashes: Hash[] = [leafHash];
  let h = leafHash;
  for (let i = 0; i < completed; i++) {
    h = hashChildren(siblings[completed - 1 - i]!, h);
    hashes.push(h);
  }
  return hashes;
}

/** Calls the reader and holds it to its contract. */
export async function readExactly(reader: HashReader, indexes: readonly number[]): Promise<readonly Hash[]> {
  if (indexes.length === 0) return [];
  const hashes = await reader.readHashes(indexes);
  if (hashes.length !== indexes.length) {
    throw new InputError("bad-reader", `hash reader returned ${hashes.length} hashes for ${indexes.length} indexes`);
  }
  return hashes;
}

export function requireSize(size: number): void {
  requireIndex("size", size);
  if (size > MAX_TREE_SIZE) throw new InputError("bad-size", `tree size ${size} exceeds ${MAX_TREE_SIZE}`);
}

function trailingOnes(x: number): number {
  let count = 0;
  for (; x % 2 === 1; x = Math.floor(x / 2)) count++;
  return count;
}
