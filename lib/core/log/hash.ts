/**
 * RFC 6962 §2.1 / RFC 9162 §2.1.1 Merkle tree hashing with SHA-256.
 *
 * The 0x00 / 0x01 prefixes separate leaves from interior nodes, so that no leaf can be
 * presented as an interior node (the second-preimage attack on plain Merkle trees).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { FormatError, InputError } from "./errors";
import { fromBase64, toBase64 } from "./encoding";

export const HASH_SIZE = 32;

/** A SHA-256 digest: a Uint8Array that is always exactly HASH_SIZE bytes long. */
export type Hash = Uint8Array & { readonly __hash: unique symbol };

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** Checks the length once, so every function taking a Hash can rely on it. */
export function asHash(bytes: Uint8Array): Hash {
  if (bytes.length !== HASH_SIZE) {
    throw new InputError("bad-hash", `a hash is ${HASH_SIZE} bytes, got ${bytes.length}`);
  }
  return bytes as Hash;
}

export function sha256Hash(data: Uint8Array): Hash {
  return sha256(data) as Hash;
}

/** MTH({d}) = SHA-256(0x00 || d) */
export function hashLeaf(data: Uint8Array): Hash {
  return sha256.create().update(LEAF_PREFIX).update(data).digest() as Hash;
}

/** MTH(D[n]) for an interior node = SHA-256(0x01 || left || right) */
export function hashChildren(left: Hash, right: Hash): Hash {
  return sha256.create().update(NODE_PREFIX).update(left).update(right).digest() as Hash;
}

/** MTH({}) = SHA-256(""), the root of the empty tree. */
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0)) as Hash;

/** The one text format for hashes on the wire: standard base64 with padding. */
export function formatHash(hash: Hash): string {
  return toBase64(hash);
}

export function parseHash(text: string): Hash {
  const bytes = fromBase64(text);
  if (bytes.length !== HASH_SIZE) {
    throw new FormatError("bad-hash", `a hash is ${HASH_SIZE} bytes, got ${bytes.length}`);
  }
  return bytes as Hash;
}
