/**
 * Ed25519 verification with exactly the rules of Go's crypto/ed25519, which every other party
 * to a C2SP log checks signatures with: golang.org/x/mod/sumdb/note, the witnesses
 * (transparency-dev/witness, litewitness) and Tessera. RFC 8032 leaves the edge cases open, and
 * libraries differ on them; a verifier that differs from the witnesses could count a cosignature
 * they refuse, or refuse a checkpoint they accept. C2SP CCTV's ed25519 vectors pin Go's rules:
 *
 * - S must be below the group order L (no malleable S + L);
 * - the public key A may be any encoding of a curve point, small-order and non-canonical ones
 *   included (it is hashed as sent);
 * - R is not decoded: [S]B − [k]A is computed, and its canonical encoding must equal R's bytes,
 *   so a non-canonical R never verifies;
 * - no multiplication by the cofactor, so a small-order residue left in R makes it fail.
 *
 * noble's `ed25519.verify` in strict mode differs on the last two points (it checks the
 * cofactored equation, and refuses small-order and non-canonical keys), so only its group
 * arithmetic is used here.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { sha512 } from "@noble/hashes/sha2.js";
import { bytesToNumberLE } from "@noble/curves/utils.js";
import { bytesEqual, concatBytes } from "./encoding";

const { Point } = ed25519;
const L = Point.Fn.ORDER;

export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  const r = signature.subarray(0, 32);
  const s = bytesToNumberLE(signature.subarray(32));
  if (s >= L) return false;
  let a;
  try {
    // Lenient decoding (ZIP-215's): every y below 2^255 and a "negative zero" x, as Go's edwards25519 SetBytes.
    a = Point.fromBytes(publicKey, true);
  } catch {
    return false;
  }
  const k = bytesToNumberLE(sha512(concatBytes(r, publicKey, message))) % L;
  const expectedR = Point.BASE.multiplyUnsafe(s).subtract(a.multiplyUnsafe(k));
  return bytesEqual(expectedR.toBytes(), r);
}
