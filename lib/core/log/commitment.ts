/**
 * Salted field commitments: commit(salt, value) = SHA-256(salt || UTF-8(value)).
 *
 * The log holds only commitments, never content. A fresh 32-byte random salt per field per
 * version makes the commitment hiding: without the salt nobody can confirm a guess of a
 * low-entropy value (a name, an ID number) against the public log. That is what lets a field
 * be withheld later — value and salt are no longer served — while every proof still verifies.
 * The salt has a fixed length, so salt || value splits one way only.
 */
import { randomBytes } from "@noble/hashes/utils.js";
import { InputError } from "./errors";
import { concatBytes, utf8 } from "./encoding";
import { sha256Hash, type Hash } from "./hash";

export const SALT_SIZE = 32;

/** A fresh random salt from the platform CSPRNG (crypto.getRandomValues). */
export function newSalt(): Uint8Array {
  return randomBytes(SALT_SIZE);
}

/**
 * SHA-256(salt || UTF-8(value)). Requires a SALT_SIZE-byte salt and a well-formed string:
 * a lone surrogate would be encoded as U+FFFD, so two different values would share one
 * commitment. The value is hashed exactly as given (no Unicode normalization).
 */
export function commitValue(salt: Uint8Array, value: string): Hash {
  if (!(salt instanceof Uint8Array) || salt.length !== SALT_SIZE) {
    throw new InputError("bad-salt", `a salt is ${SALT_SIZE} bytes`);
  }
  if (typeof value !== "string") throw new InputError("bad-value", "a committed value must be a string");
  if (!isWellFormed(value)) {
    throw new InputError("bad-value", "a committed value must not contain lone surrogates");
  }
  return sha256Hash(concatBytes(salt, utf8(value)));
}

/** No lone surrogates (what String.prototype.isWellFormed checks; older browsers lack that method). */
export function isWellFormed(s: string): boolean {
  return !/\p{Cs}/u.test(s);
}
