/**
 * Proof verification exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency).
 *
 * A proof is bound to the index and the tree size it was made for: the loop below consumes
 * exactly as many hashes as the shape of a tree of that size requires, so a proof replayed
 * against another index or size either runs out, has hashes left over, or lands on another
 * root. Malformed arguments throw InputError; a proof that does not check out throws
 * ProofError (RootMismatchError when it is well formed but leads elsewhere).
 */
import { EMPTY_ROOT, HASH_SIZE, hashChildren, type Hash } from "./hash";
import { InputError, ProofError, RootMismatchError, requireIndex } from "./errors";
import { bytesEqual } from "./encoding";

/**
 * The root that `proof` leads to from `leafHash` at `index` in a tree of `size` leaves.
 * Requires index and size to be non-negative integers; fails with ProofError when
 * index >= size or the proof has the wrong number of hashes for that (index, size).
 */
export function rootFromInclusionProof(index: number, size: number, leafHash: Hash, proof: readonly Hash[]): Hash {
  requireIndex("index", index);
  requireIndex("size", size);
  requireHashes(leafHash, proof);
  if (index >= size) throw new ProofError("index-out-of-range", `index ${index} is not below tree size ${size}`);
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new ProofError("proof-too-long", "inclusion proof has more hashes than the tree size allows");
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      // Stryker disable next-line ConditionalExpression: for an odd fn the loop below does not run, so entering this block always changes nothing
      if (fn % 2 === 0) {
        // Stryker disable next-line ConditionalExpression: here fn === sn is even and non-zero (sn === 0 was refused above), so halving reaches an odd fn before 0
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError("proof-too-short", "inclusion proof has fewer hashes than the tree size requires");
  return r;
}

/**
 * Checks that `leafHash` is the leaf at `index` in the tree of `size` leaves whose root is `root`.
 * Throws ProofError / RootMismatchError when it is not; returns nothing when it is.
 */
export function verifyInclusion(index: number, size: number, leafHash: Hash, proof: readonly Hash[], root: Hash): void {
  requireHashes(root, []);
  const computed = rootFromInclusionProof(index, size, leafHash, proof);
  if (!bytesEqual(computed, root)) throw new RootMismatchError(root, computed);
}

/**
 * Checks that the tree of `size1` leaves with root `root1` is a prefix of the tree of
 * `size2` leaves with root `root2`. Requires non-negative integer sizes.
 */
export function verifyConsistency(size1: number, size2: number, proof: readonly Hash[], root1: Hash, root2: Hash): void {
  requireIndex("size1", size1);
  requireIndex("size2", size2);
  requireHashes(root1, [root2, ...proof]);
  if (size1 > size2) throw new ProofError("size-order", `size ${size1} is greater than size ${size2}`);
  if (size1 === size2 || size1 === 0) {
    // Nothing to prove: the trees are equal, or the first is empty (a prefix of anything).
    if (proof.length !== 0) throw new ProofError("proof-too-long", "consistency proof must be empty for these sizes");
    // Every tree of size 0 has the empty root, and a tree is consistent with itself only.
    if (size1 === 0 && !bytesEqual(root1, EMPTY_ROOT)) throw new RootMismatchError(EMPTY_ROOT, root1);
    // Stryker disable next-line ConditionalExpression: size2 === 0 forces size1 === 0, so the two checks around this one throw the same RootMismatchError(EMPTY_ROOT, root2)
    if (size2 === 0 && !bytesEqual(root2, EMPTY_ROOT)) throw new RootMismatchError(EMPTY_ROOT, root2);
    if (size1 === size2 && !bytesEqual(root1, root2)) throw new RootMismatchError(root1, root2);
    return;
  }
  // §2.1.4.2 step 1.
  if (proof.length === 0) throw new ProofError("proof-too-short", "consistency proof is empty");
  // Step 2: when size1 is a power of two the old root is itself a node of the new tree.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  // Steps 3–4.
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // Step 5.
  let fr = path[0]!;
  let sr = path[0]!;
  // Step 6.
  for (const c of path.slice(1)) {
    if (sn === 0) throw new ProofError("proof-too-long", "consistency proof has more hashes than the sizes allow");
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      // Stryker disable next-line ConditionalExpression: for an odd fn the loop below does not run, so entering this block always changes nothing
      if (fn % 2 === 0) {
        // Stryker disable next-line ConditionalExpression: here fn === sn is even and non-zero (sn === 0 was refused above), so halving reaches an odd fn before 0
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // Step 7.
  if (sn !== 0) throw new ProofError("proof-too-short", "consistency proof has fewer hashes than the sizes require");
  if (!bytesEqual(fr, root1)) throw new RootMismatchError(root1, fr);
  if (!bytesEqual(sr, root2)) throw new RootMismatchError(root2, sr);
}

function isPowerOfTwo(x: number): boolean {
  // Stryker disable next-line LogicalOperator,ConditionalExpression,EqualityOperator: for x >= 1 (size1 >= 1 here) halving, by either condition alone, reaches exactly 1 only from a power of two
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}

function requireHashes(first: Uint8Array, rest: readonly Uint8Array[]): void {
  for (const h of [first, ...rest]) {
    if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) {
      throw new InputError("bad-hash", `every hash must be ${HASH_SIZE} bytes`);
    }
  }
}
