/**
 * Ed25519 verification with Go's crypto/ed25519 rules (lib/core/log/ed25519-verify.ts), on the
 * edge cases where Ed25519 implementations disagree, as C2SP CCTV's ed25519 vectors sort them:
 * Go accepts a signature exactly when it has no small-order residue and its R is canonically
 * encoded. Each case is built here with noble's group arithmetic, and next to ours is what noble's
 * own strict verify says, to show the case is one where the two really differ.
 */
import { describe, expect, it } from "vitest";
import { ed25519, ED25519_TORSION_SUBGROUP } from "@noble/curves/ed25519.js";
import { sha512 } from "@noble/hashes/sha2.js";
import { bytesToNumberLE, numberToBytesLE } from "@noble/curves/utils.js";
import { concatBytes, fromBase64, fromHex, parseSignerKey, utf8, verifyEd25519 } from "@/lib/core/log";
import { readJson } from "./helpers";

const v = readJson<{ goNote: { signerKey: string; verifierKey: string } }>("signed-note.json");
const GO_PUBLIC_KEY = fromBase64(v.goNote.verifierKey.split("+")[2]!).subarray(1);
const SEED = fromBase64(v.goNote.signerKey.split("+").slice(4).join("+")).subarray(1);

const { Point } = ed25519;
const L = Point.Fn.ORDER;
const message = utf8("hello\n");
const identity = fromHex(ED25519_TORSION_SUBGROUP[0]!);
// The identity point written with y = p + 1: a non-canonical encoding Go's decoder accepts.
const nonCanonicalIdentity = Uint8Array.of(0xee, ...new Uint8Array(30).fill(0xff), 0x7f);
// A point of order 8.
const TORSION = Point.fromHex(ED25519_TORSION_SUBGROUP[1]!);

const le32 = (n: bigint) => numberToBytesLE(n, 32);

function challenge(r: Uint8Array, publicKey: Uint8Array): bigint {
  return bytesToNumberLE(sha512(concatBytes(r, publicKey, message))) % L;
}

const strictNoble = (publicKey: Uint8Array, signature: Uint8Array) => ed25519.verify(signature, message, publicKey, { zip215: false });

describe("Ed25519 verification, Go's rules", () => {
  const { scalar: a, pointBytes: A } = ed25519.utils.getExtendedPublicKey(SEED);

  /** A signature made by hand with nonce r, its R point moved by `shift`. */
  function sign(r: bigint, shift = Point.ZERO): Uint8Array {
    const R = Point.BASE.multiply(r).add(shift).toBytes();
    return concatBytes(R, le32((r + challenge(R, A) * a) % L));
  }

  it("accepts an ordinary signature, made by hand or by the signer, under the Go vector's key", () => {
    expect([...A]).toEqual([...GO_PUBLIC_KEY]);
    expect(verifyEd25519(A, message, sign(123456789n))).toBe(true);
    expect(verifyEd25519(GO_PUBLIC_KEY, message, parseSignerKey(v.goNote.signerKey).sign(message))).toBe(true);
    expect(verifyEd25519(A, utf8("hello!\n"), sign(123456789n))).toBe(false);
  });

  it("refuses a signature whose R carries a small-order residue (noble's cofactored check accepts it)", () => {
    const signature = sign(987654321n, TORSION);
    expect(strictNoble(A, signature)).toBe(true);
    expect(verifyEd25519(A, message, signature)).toBe(false);
  });

  it("refuses S + L in place of S, which verifies the same equation", () => {
    const signature = sign(42n);
    const s = bytesToNumberLE(signature.subarray(32));
    const malleated = concatBytes(signature.subarray(0, 32), le32(s + L));
    expect(verifyEd25519(A, message, malleated)).toBe(false);
    expect(verifyEd25519(A, message, concatBytes(signature.subarray(0, 32), le32(L - 1n)))).toBe(false);
    expect(verifyEd25519(A, message, concatBytes(signature.subarray(0, 32), le32(L)))).toBe(false);
  });

  it("accepts a small-order public key and a non-canonical encoding of it, as Go does (noble's strict verify refuses both)", () => {
    // With A the identity, [k]A vanishes: R = [S]B signs every message. Such a key is never
    // anyone's real key, but Go verifies with it, and so must a verifier that counts as Go counts.
    const S = 5n;
    const signature = concatBytes(Point.BASE.multiply(S).toBytes(), le32(S));
    for (const key of [identity, nonCanonicalIdentity]) {
      expect(strictNoble(key, signature)).toBe(false);
      expect(verifyEd25519(key, message, signature)).toBe(true);
    }
  });

  it("refuses a signature whose R is not canonically encoded (ZIP-215 accepts it)", () => {
    const signature = concatBytes(nonCanonicalIdentity, new Uint8Array(32));
    expect(ed25519.verify(signature, message, identity, { zip215: true })).toBe(true);
    expect(verifyEd25519(identity, message, signature)).toBe(false);
    expect(verifyEd25519(identity, message, concatBytes(identity, new Uint8Array(32)))).toBe(true);
  });

  it("refuses a key that is no curve point, and answers false, not an exception, for the wrong lengths", () => {
    const signature = parseSignerKey(v.goNote.signerKey).sign(message);
    const notAPoint = fromHex("02" + "00".repeat(31));
    expect(() => Point.fromBytes(notAPoint, true)).toThrow();
    expect(verifyEd25519(notAPoint, message, signature)).toBe(false);
    expect(verifyEd25519(GO_PUBLIC_KEY, message, signature.subarray(0, 63))).toBe(false);
    expect(verifyEd25519(GO_PUBLIC_KEY, message, Uint8Array.of(...signature, 0))).toBe(false);
    expect(verifyEd25519(GO_PUBLIC_KEY.subarray(1), message, signature)).toBe(false);
  });
});
