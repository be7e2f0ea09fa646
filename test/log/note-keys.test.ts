/**
 * Signed-note keys: the key ID rule, the text forms of signer and verifier keys against the
 * golang.org/x/mod vector (testdata/signed-note.json), every refusal with the message an operator
 * sees (Ed25519 itself: test/log/ed25519-verify.test.ts).
 */
import { describe, expect, it } from "vitest";
import {
  FormatError,
  InputError,
  formatKeyId,
  formatVerifierKey,
  fromBase64,
  generateKey,
  isValidKeyName,
  keyId,
  parseKeyText,
  parseSignerKey,
  parseVerifierKey,
  toBase64,
  utf8,
} from "@/lib/core/log";
import { readJson, caught } from "./helpers";

const v = readJson<{ goNote: { signerKey: string; verifierKey: string; text: string; note: string } }>("signed-note.json");
const GO_PUBLIC_KEY = fromBase64(v.goNote.verifierKey.split("+")[2]!).subarray(1);
const GO_KEY_BASE64 = v.goNote.verifierKey.split("+")[2]!;

describe("key IDs", () => {
  it("are SHA-256(name, newline, type, key) cut to 4 big-endian bytes, read unsigned", () => {
    // c74f20a3 has its top bit set: read as a signed 32-bit number it would be negative.
    expect(keyId("PeterNeumann", GO_PUBLIC_KEY)).toBe(0xc74f20a3);
    expect(formatKeyId(keyId("PeterNeumann", GO_PUBLIC_KEY))).toBe("c74f20a3");
    expect(keyId("PeterNeumann", GO_PUBLIC_KEY, 0x01)).toBe(0xc74f20a3);
    expect(keyId("PeterNeumann", GO_PUBLIC_KEY, 0x04)).not.toBe(0xc74f20a3);
  });

  it("are written as eight hex digits, with leading zeros", () => {
    expect(formatKeyId(0)).toBe("00000000");
    expect(formatKeyId(0xabc)).toBe("00000abc");
    expect(formatKeyId(0xffffffff)).toBe("ffffffff");
  });
});

describe("verifier keys", () => {
  it("are written as name+id+base64(0x01 || key), as golang.org/x/mod writes them", () => {
    expect(formatVerifierKey("PeterNeumann", GO_PUBLIC_KEY)).toBe(v.goNote.verifierKey);
  });

  it("are not written for an invalid name or a key that is not 32 bytes", () => {
    const name = caught(() => formatVerifierKey("Peter Neumann", GO_PUBLIC_KEY));
    expect(name).toBeInstanceOf(InputError);
    expect(name.code).toBe("bad-key-name");
    expect(name.message).toBe("invalid key name: Peter Neumann");
    const key = caught(() => formatVerifierKey("PeterNeumann", GO_PUBLIC_KEY.subarray(1)));
    expect(key).toBeInstanceOf(InputError);
    expect(key.code).toBe("bad-key");
    expect(key.message).toBe("an Ed25519 public key is 32 bytes");
  });

  it("parse to the name, key ID and key text, and verify the vector's signature", () => {
    const verifier = parseVerifierKey(v.goNote.verifierKey);
    expect(verifier.name).toBe("PeterNeumann");
    expect(verifier.keyId).toBe(0xc74f20a3);
    expect(verifier.key).toBe(v.goNote.verifierKey);
    const signature = fromBase64(v.goNote.note.slice(v.goNote.note.lastIndexOf(" ") + 1, -1)).subarray(4);
    expect(verifier.verify(utf8(v.goNote.text), signature)).toBe(true);
    expect(verifier.verify(utf8(v.goNote.text + "x"), signature)).toBe(false);
  });

  it.each([
    ["no separator", "PeterNeumann", "malformed verifier key"],
    ["one separator", "PeterNeumann+c74f20a3", "malformed verifier key"],
    ["an empty name", `+c74f20a3+${GO_KEY_BASE64}`, "malformed verifier key: invalid name"],
    ["upper-case key ID", `PeterNeumann+C74F20A3+${GO_KEY_BASE64}`, "malformed verifier key: key ID is not 8 hex digits"],
    ["a nine-digit key ID", `PeterNeumann+c74f20a30+${GO_KEY_BASE64}`, "malformed verifier key: key ID is not 8 hex digits"],
    ["a seven-digit key ID", `PeterNeumann+c74f20a+${GO_KEY_BASE64}`, "malformed verifier key: key ID is not 8 hex digits"],
    ["key bytes that are not base64", "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T", "malformed verifier key: bad base64"],
    ["a 33-byte key", `PeterNeumann+c74f20a3+${toBase64(Uint8Array.of(1, ...GO_PUBLIC_KEY, 0))}`, "unsupported verifier key: only Ed25519 (type 0x01, 32 bytes) is supported"],
    [
      "a 31-byte key",
      `PeterNeumann+c74f20a3+${toBase64(Uint8Array.of(1, ...GO_PUBLIC_KEY.subarray(1)))}`,
      "unsupported verifier key: only Ed25519 (type 0x01, 32 bytes) is supported",
    ],
    [
      "a cosignature (0x04) key",
      `PeterNeumann+c74f20a3+${toBase64(Uint8Array.of(4, ...GO_PUBLIC_KEY))}`,
      "unsupported verifier key: only Ed25519 (type 0x01, 32 bytes) is supported",
    ],
    ["a key ID of another key", v.goNote.verifierKey.replace("c74f20a3", "c74f20a4"), "verifier key ID does not match the key"],
  ])("are refused with %s", (_what, text, message) => {
    const e = caught(() => parseVerifierKey(text));
    expect(e).toBeInstanceOf(FormatError);
    expect(e.code).toBe(message.includes("does not match") ? "key-id-mismatch" : "bad-key");
    expect(e.message).toBe(message);
  });

  it("are split at the first two separators only, so the base64 key may contain '+'", () => {
    const key = toBase64(Uint8Array.of(4, ...new Uint8Array(32).fill(0xfb)));
    expect(key).toContain("+");
    const parsed = parseKeyText(`w+0000abcd+${key}`, "witness", [4]);
    expect(parsed).toEqual({ name: "w", id: 0xabcd, type: 4, key: new Uint8Array(32).fill(0xfb) });
    // The refusal lists every accepted type byte, as two hex digits.
    expect(caught(() => parseKeyText(`w+0000abcd+${key}`, "witness", [1, 0x10])).message).toBe("unsupported witness key: only Ed25519 (type 0x01 or 0x10, 32 bytes) is supported");
  });
});

describe("signer keys", () => {
  it("parse the Go vector to its name, key ID and verifier key, and sign it byte for byte", () => {
    const signer = parseSignerKey(v.goNote.signerKey);
    expect(signer.name).toBe("PeterNeumann");
    expect(signer.keyId).toBe(0xc74f20a3);
    expect(signer.verifierKey).toBe(v.goNote.verifierKey);
    const signature = fromBase64(v.goNote.note.slice(v.goNote.note.lastIndexOf(" ") + 1, -1)).subarray(4);
    expect(toBase64(signer.sign(utf8(v.goNote.text)))).toBe(toBase64(signature));
  });

  it("are refused without the PRIVATE+KEY+ prefix, with a bad part, or with another key's ID", () => {
    const prefix = caught(() => parseSignerKey(v.goNote.signerKey.slice("PRIVATE+KEY+".length)));
    expect(prefix).toBeInstanceOf(FormatError);
    expect(prefix.code).toBe("bad-key");
    expect(prefix.message).toBe("a signer key starts with PRIVATE+KEY+");
    const id = caught(() => parseSignerKey(v.goNote.signerKey.replace("c74f20a3", "C74F20A3")));
    expect(id.message).toBe("malformed signer key: key ID is not 8 hex digits");
    const mismatch = caught(() => parseSignerKey(v.goNote.signerKey.replace("c74f20a3", "c74f20a4")));
    expect(mismatch).toBeInstanceOf(FormatError);
    expect(mismatch.code).toBe("key-id-mismatch");
    expect(mismatch.message).toBe("signer key ID does not match the key");
  });

  it("are generated as a pair: the signer key's verifier key is the verifier key", () => {
    const { signerKey, verifierKey } = generateKey("gen.example/log");
    const signer = parseSignerKey(signerKey);
    expect(signer.verifierKey).toBe(verifierKey);
    expect(signerKey).toBe(`PRIVATE+KEY+gen.example/log+${formatKeyId(signer.keyId)}+${signerKey.split("+").slice(4).join("+")}`);
    expect(fromBase64(signerKey.split("+").slice(4).join("+"))[0]).toBe(0x01);
    const message = utf8("hello\n");
    expect(parseVerifierKey(verifierKey).verify(message, signer.sign(message))).toBe(true);
    expect(generateKey("gen.example/log").signerKey).not.toBe(signerKey);
  });
});

describe("key names", () => {
  // Go's unicode.IsSpace: the ASCII spaces, NEL, NBSP and the Unicode White_Space characters.
  const goSpaces = ["\t", "\n", "\v", "\f", "\r", " ", "\u0085", "\u00a0", "\u1680", "\u2000", "\u2005", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"];

  it("refuse every character Go counts as a space, anywhere in the name", () => {
    for (const c of goSpaces) {
      for (const name of [`a${c}b`, `${c}ab`, `ab${c}`]) expect(isValidKeyName(name), JSON.stringify(name)).toBe(false);
    }
  });

  it("allow the neighbours of those ranges and the characters Go does not count as spaces", () => {
    for (const c of ["\u1fff", "\u200b", "\u2027", "\u202a", "\u205e", "\u3001", "\u00a1", "\u0084", "\ufeff", "\u180e", "~"]) {
      expect(isValidKeyName(`a${c}b`), JSON.stringify(c)).toBe(true);
    }
  });

  it("refuse a name that is not well-formed UTF-16 or contains the key-text separator", () => {
    expect(isValidKeyName("a\ud800b")).toBe(false);
    expect(isValidKeyName("+")).toBe(false);
    expect(isValidKeyName("x")).toBe(true);
  });
});
