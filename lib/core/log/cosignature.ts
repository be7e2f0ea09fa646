/**
 * C2SP cosignatures (https://c2sp.org/tlog-cosignature), the Ed25519 "cosignature/v1" type:
 * a witness's note signature on a checkpoint, saying "as of <time>, this is the largest tree
 * of this log I have seen, and it is consistent with every one I saw before".
 *
 *   key ID    = SHA-256(name || 0x0A || 0x04 || 32-byte public key)[:4]
 *   signature = u64 big-endian timestamp || Ed25519 over
 *               "cosignature/v1\ntime <timestamp>\n" || the whole checkpoint text
 *
 * Witness keys are published either as 0x04 vkeys or, as the public witness network does, as
 * ordinary 0x01 note vkeys of the same Ed25519 key; the spec keys a cosigner by (name, public
 * key, cosignature version), so a 0x01 vkey is taken for its name and key and the key ID is
 * recomputed with 0x04. The type byte in the key ID is what keeps a witness's cosignature
 * from ever being read as a log signature on the same text, and the reverse.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { FormatError, InputError } from "./errors";
import { concatBytes, fromBase64, toBase64, utf8 } from "./encoding";
import { ALG_ED25519, formatKeyId, isValidKeyName, keyId, parseKeyText, SIGNER_PREFIX, type NoteVerifier } from "./note-keys";
import { verifyEd25519 } from "./ed25519-verify";
import type { NoteSignature } from "./note";

export const ALG_COSIGNATURE_V1 = 0x04;

const HEADER = "cosignature/v1\n";
const SIG_PREFIX = "\u2014 ";
/** The largest timestamp this code reads exactly (JavaScript numbers); the spec allows up to 2^63-1. */
const MAX_TIMESTAMP = Number.MAX_SAFE_INTEGER;

/** A witness key. Usable wherever a NoteVerifier is: `verify` takes the checkpoint text and timestamp‖signature. */
export interface CosignatureVerifier extends NoteVerifier {
  readonly publicKey: Uint8Array;
  /** The same key as a 0x04 vkey, whatever form it was given in. */
  readonly cosignatureKey: string;
}

export interface CosignatureSigner {
  readonly name: string;
  readonly keyId: number;
  /** The witness's 0x04 vkey. */
  readonly verifierKey: string;
  /** The signature line "— <name> base64(key ID || timestamp || signature)\n" for this checkpoint text. */
  cosign(checkpointText: string, timestamp: number): string;
}

export function cosignatureKeyId(name: string, publicKey: Uint8Array): number {
  return keyId(name, publicKey, ALG_COSIGNATURE_V1);
}

export function formatCosignatureVerifierKey(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new InputError("bad-key-name", `invalid key name: ${name}`);
  if (publicKey.length !== 32) throw new InputError("bad-key", "an Ed25519 public key is 32 bytes");
  const id = formatKeyId(cosignatureKeyId(name, publicKey));
  return `${name}+${id}+${toBase64(concatBytes(Uint8Array.of(ALG_COSIGNATURE_V1), publicKey))}`;
}

/** The exact bytes a cosignature/v1 signs. Requires a non-negative safe integer timestamp. */
export function cosignedMessage(checkpointText: string | Uint8Array, timestamp: number): Uint8Array {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new InputError("bad-timestamp", "timestamp must be a non-negative integer");
  const body = typeof checkpointText === "string" ? utf8(checkpointText) : checkpointText;
  return concatBytes(utf8(`${HEADER}time ${timestamp}\n`), body);
}

/**
 * A witness verifier key: a 0x04 vkey, or a 0x01 note vkey of the same Ed25519 key (its key ID
 * is checked as a note key's, then recomputed for cosignatures).
 */
export function parseCosignatureVerifierKey(text: string): CosignatureVerifier {
  const { name, id, type, key } = parseKeyText(text, "witness", [ALG_COSIGNATURE_V1, ALG_ED25519]);
  if (keyId(name, key, type) !== id) throw new FormatError("key-id-mismatch", "witness key ID does not match the key");
  const publicKey = key.slice();
  return {
    name,
    keyId: cosignatureKeyId(name, publicKey),
    key: text,
    publicKey,
    cosignatureKey: formatCosignatureVerifierKey(name, publicKey),
    verify: (checkpointText, signature) => {
      if (signature.length !== 8 + 64) return false;
      const timestamp = readTimestamp(signature);
      if (timestamp === null) return false;
      return verifyEd25519(publicKey, cosignedMessage(checkpointText, timestamp), signature.subarray(8));
    },
  };
}

/** A witness signer key: `PRIVATE+KEY+<name>+<hex key ID>+base64(0x04 || 32-byte seed)`. */
export function parseCosignatureSignerKey(text: string): CosignatureSigner {
  if (!text.startsWith(SIGNER_PREFIX)) throw new FormatError("bad-key", "a signer key starts with PRIVATE+KEY+");
  const { name, id, key: seed } = parseKeyText(text.slice(SIGNER_PREFIX.length), "witness signer", [ALG_COSIGNATURE_V1]);
  const publicKey = ed25519.getPublicKey(seed);
  if (cosignatureKeyId(name, publicKey) !== id) throw new FormatError("key-id-mismatch", "witness signer key ID does not match the key");
  const seedCopy = seed.slice();
  return {
    name,
    keyId: id,
    verifierKey: formatCosignatureVerifierKey(name, publicKey),
    cosign: (checkpointText, timestamp) => {
      const stamp = new Uint8Array(8);
      new DataView(stamp.buffer).setBigUint64(0, BigInt(timestamp));
      const signature = ed25519.sign(cosignedMessage(checkpointText, timestamp), seedCopy);
      const idBytes = new Uint8Array(4);
      new DataView(idBytes.buffer).setUint32(0, id);
      return `${SIG_PREFIX}${name} ${toBase64(concatBytes(idBytes, stamp, signature))}\n`;
    },
  };
}

/** A fresh witness key pair from the platform's secure random source. */
export function generateCosignatureKey(name: string): { signerKey: string; verifierKey: string } {
  const seed = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(seed);
  const verifierKey = formatCosignatureVerifierKey(name, publicKey);
  const id = formatKeyId(cosignatureKeyId(name, publicKey));
  return { signerKey: `${SIGNER_PREFIX}${name}+${id}+${toBase64(concatBytes(Uint8Array.of(ALG_COSIGNATURE_V1), seed))}`, verifierKey };
}

/** The timestamp of a cosignature line's base64 part (key ID || timestamp || signature); null if it has none. */
export function cosignatureTimestamp(signatureBase64: string): number | null {
  let raw: Uint8Array;
  try {
    raw = fromBase64(signatureBase64);
  } catch {
    return null;
  }
  return raw.length === 4 + 8 + 64 ? readTimestamp(raw.subarray(4)) : null;
}

function readTimestamp(stampedSignature: Uint8Array): number | null {
  const value = new DataView(stampedSignature.buffer, stampedSignature.byteOffset, 8).getBigUint64(0);
  return value > BigInt(MAX_TIMESTAMP) ? null : Number(value);
}

export interface CheckedCosignature {
  /** The policy's or caller's verifier that this signature verified under. */
  readonly verifier: CosignatureVerifier;
  readonly timestamp: number;
  /** The signature line, without its newline, exactly as it stands in the note. */
  readonly line: string;
}

/**
 * Checks the signatures of a checkpoint note that claim to be by the given witnesses. Lines
 * by other keys are not looked at (unknown signers are how notes grow). A line naming a known
 * witness that fails to verify is returned as invalid: a forged or altered cosignature, which
 * a caller must treat as evidence, not as a missing one.
 */
export function verifyCosignatures(
  checkpointText: string,
  signatures: readonly NoteSignature[],
  verifiers: readonly CosignatureVerifier[],
): { valid: CheckedCosignature[]; invalid: NoteSignature[] } {
  const message = utf8(checkpointText);
  const valid: CheckedCosignature[] = [];
  const invalid: NoteSignature[] = [];
  const counted = new Set<CosignatureVerifier>();
  for (const sig of signatures) {
    const verifier = verifiers.find((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (verifier === undefined) continue;
    let raw: Uint8Array;
    try {
      raw = fromBase64(sig.base64);
    } catch {
      invalid.push(sig);
      continue;
    }
    const timestamp = raw.length === 4 + 8 + 64 ? readTimestamp(raw.subarray(4)) : null;
    if (timestamp === null || !verifier.verify(message, raw.subarray(4))) {
      invalid.push(sig);
      continue;
    }
    if (counted.has(verifier)) continue; // one witness counts once, however many lines it has
    counted.add(verifier);
    valid.push({ verifier, timestamp, line: `${SIG_PREFIX}${sig.name} ${sig.base64}` });
  }
  return { valid, invalid };
}
