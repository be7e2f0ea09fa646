/**
 * C2SP signed-note Ed25519 keys (https://c2sp.org/signed-note), in the text forms used by
 * golang.org/x/mod/sumdb/note and every C2SP log:
 *   signer key   PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 || 32-byte seed)
 *   verifier key <name>+<hex key ID>+base64(0x01 || 32-byte public key)
 * key ID = SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian.
 *
 * The key ID inside the key text is checked against the key itself, so a verifier key cannot
 * be edited to claim another name or ID without the mismatch being caught at parse time.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { FormatError, InputError } from "./errors";
import { concatBytes, fromBase64, toBase64, utf8 } from "./encoding";
import { isWellFormed } from "./commitment";
import { verifyEd25519 } from "./ed25519-verify";

export const ALG_ED25519 = 0x01;
export const SIGNER_PREFIX = "PRIVATE+KEY+";

export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  /** The verifier key text this verifier was made from. */
  readonly key: string;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(message: Uint8Array): Uint8Array;
}

/**
 * Go's unicode.IsSpace, exactly, so that a key name valid here is valid in golang.org/x/mod
 * and every tool built on it (JavaScript's \s differs: it has U+FEFF and lacks U+0085).
 * The vertical tab is written \x0b: Stryker's regex mutator turns \v into \V, an escape the u
 * flag refuses, and the file would then fail to load in every mutation run.
 */
const GO_SPACE = /[\t\n\x0b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

/** Key names: non-empty, no Unicode spaces, no '+' (the key-text separator). */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && isWellFormed(name) && !GO_SPACE.test(name) && !name.includes("+");
}

/** SHA-256(name || 0x0A || type || public key)[:4], big-endian; `type` 0x01 for note keys. */
export function keyId(name: string, publicKey: Uint8Array, type: number = ALG_ED25519): number {
  const digest = sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, type), publicKey));
  return ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
}

export function formatKeyId(id: number): string {
  return id.toString(16).padStart(8, "0");
}

export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new InputError("bad-key-name", `invalid key name: ${name}`);
  if (publicKey.length !== 32) throw new InputError("bad-key", "an Ed25519 public key is 32 bytes");
  const id = formatKeyId(keyId(name, publicKey));
  return `${name}+${id}+${toBase64(concatBytes(Uint8Array.of(ALG_ED25519), publicKey))}`;
}

/** A fresh key pair, from the platform's secure random source. */
export function generateKey(name: string): { signerKey: string; verifierKey: string } {
  const seed = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(seed);
  const id = formatKeyId(keyId(name, publicKey));
  const signerKey = `${SIGNER_PREFIX}${name}+${id}+${toBase64(concatBytes(Uint8Array.of(ALG_ED25519), seed))}`;
  return { signerKey, verifierKey: formatVerifierKey(name, publicKey) };
}

/**
 * Splits `<name>+<hex id>+<base64 type||key>` and checks every part; `type` is the key's
 * signature type byte (0x01 for Ed25519 notes, 0x04 for cosignature/v1).
 */
export function parseKeyText(text: string, what: string, types: readonly number[] = [ALG_ED25519]): { name: string; id: number; type: number; key: Uint8Array } {
  // Split at the first two '+' only: the base64 key itself may contain '+'.
  const first = text.indexOf("+");
  const second = text.indexOf("+", first + 1);
  if (first < 0 || second < 0) throw new FormatError("bad-key", `malformed ${what} key`);
  const name = text.slice(0, first);
  const idHex = text.slice(first + 1, second);
  const keyB64 = text.slice(second + 1);
  if (!isValidKeyName(name)) throw new FormatError("bad-key", `malformed ${what} key: invalid name`);
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new FormatError("bad-key", `malformed ${what} key: key ID is not 8 hex digits`);
  let raw: Uint8Array;
  try {
    raw = fromBase64(keyB64);
  } catch {
    throw new FormatError("bad-key", `malformed ${what} key: bad base64`);
  }
  if (raw.length !== 33 || !types.includes(raw[0]!)) {
    const allowed = types.map((t) => `0x${t.toString(16).padStart(2, "0")}`).join(" or ");
    throw new FormatError("bad-key", `unsupported ${what} key: only Ed25519 (type ${allowed}, 32 bytes) is supported`);
  }
  return { name, id: parseInt(idHex, 16), type: raw[0]!, key: raw.subarray(1) };
}

export function parseVerifierKey(text: string): NoteVerifier {
  const { name, id, key } = parseKeyText(text, "verifier");
  if (keyId(name, key) !== id) throw new FormatError("key-id-mismatch", "verifier key ID does not match the key");
  return {
    name,
    keyId: id,
    key: text,
    verify: (message, signature) => verifyEd25519(key, message, signature),
  };
}

export function parseSignerKey(text: string): NoteSigner & { verifierKey: string } {
  if (!text.startsWith(SIGNER_PREFIX)) throw new FormatError("bad-key", "a signer key starts with PRIVATE+KEY+");
  const { name, id, key: seed } = parseKeyText(text.slice(SIGNER_PREFIX.length), "signer");
  const publicKey = ed25519.getPublicKey(seed);
  if (keyId(name, publicKey) !== id) throw new FormatError("key-id-mismatch", "signer key ID does not match the key");
  return {
    name,
    keyId: id,
    verifierKey: formatVerifierKey(name, publicKey),
    sign: (message) => ed25519.sign(message, seed),
  };
}
