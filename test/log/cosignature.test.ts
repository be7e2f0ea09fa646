/**
 * cosignature/v1 against real production cosignatures (../shared/vectors/cosignature.json,
 * copied into testdata): every one verifies, and any change to the body, the timestamp, the
 * key ID or the name makes it fail. Then sign → verify round trips with our own keys.
 */
import { describe, expect, it } from "vitest";
import {
  ALG_COSIGNATURE_V1,
  FormatError,
  InputError,
  cosignatureKeyId,
  cosignedMessage,
  cosignatureTimestamp,
  formatCosignatureVerifierKey,
  utf8,
  formatKeyId,
  generateCosignatureKey,
  generateKey,
  openNote,
  parseCosignatureSignerKey,
  parseCosignatureVerifierKey,
  parseVerifierKey,
  toBase64,
  fromBase64,
  verifyCosignatures,
  type CosignatureVerifier,
  type NoteSignature,
} from "@/lib/core/log";
import { readJson, caught } from "./helpers";

interface Vectors {
  witnessKeysAsPublished: string[];
  cases: { note: string; logKey: string | null; expect: { name: string; kind: string; keyId?: string; timestamp?: number; valid: boolean | null }[] }[];
  nativeCosignatureKey: { vkey: string; expectKeyId: string };
}

const vectors = readJson<Vectors>("cosignature.json");
const witnesses = vectors.witnessKeysAsPublished.map(parseCosignatureVerifierKey);

/** The note's text and every signature line, unverified. */
function split(note: string): { text: string; signatures: NoteSignature[] } {
  const cut = note.lastIndexOf("\n\n");
  const text = note.slice(0, cut + 1);
  const signatures = note
    .slice(cut + 2, -1)
    .split("\n")
    .map((line) => {
      const [, name, base64] = /^\u2014 (\S+) (\S+)$/.exec(line)!;
      const raw = fromBase64(base64!);
      return { name: name!, keyId: new DataView(raw.buffer, raw.byteOffset, 4).getUint32(0), base64: base64! };
    });
  return { text, signatures };
}

describe("cosignature/v1 production vectors", () => {
  it("reads 0x01-published witness keys and recomputes their key IDs with 0x04", () => {
    const ids = vectors.cases.flatMap((c) => c.expect.filter((e) => e.kind === "cosignature/v1").map((e) => `${e.name}+${e.keyId}`));
    for (const id of ids) expect(witnesses.map((w) => `${w.name}+${formatKeyId(w.keyId)}`)).toContain(id);
    // The published (0x01) key ID differs from the cosignature key ID.
    expect(formatKeyId(witnesses[0]!.keyId)).not.toBe(vectors.witnessKeysAsPublished[0]!.split("+")[1]);
  });

  it("reads a native 0x04 witness key", () => {
    expect(formatKeyId(parseCosignatureVerifierKey(vectors.nativeCosignatureKey.vkey).keyId)).toBe(vectors.nativeCosignatureKey.expectKeyId);
  });

  for (const [n, c] of vectors.cases.entries()) {
    it(`case ${n}: every cosignature verifies, with the expected timestamps`, () => {
      const { text, signatures } = split(c.note);
      const { valid, invalid } = verifyCosignatures(text, signatures, witnesses);
      expect(invalid).toEqual([]);
      const expected = c.expect.filter((e) => e.kind === "cosignature/v1");
      expect(valid.map((v) => [v.verifier.name, v.timestamp]).sort()).toEqual(expected.map((e) => [e.name, e.timestamp]).sort());
      for (const sig of signatures.filter((s) => witnesses.some((w) => w.name === s.name))) {
        expect(cosignatureTimestamp(sig.base64)).toBe(expected.find((e) => e.name === sig.name)!.timestamp);
      }
      if (c.logKey) expect(openNote(c.note, [parseVerifierKey(c.logKey), ...witnesses]).signatures).toHaveLength(1 + expected.length);
    });

    it(`case ${n}: a changed body, timestamp, signature byte, key ID or name fails`, () => {
      const { text, signatures } = split(c.note);
      const cosigs = signatures.filter((s) => witnesses.some((w) => w.name === s.name && w.keyId === s.keyId));
      expect(cosigs.length).toBeGreaterThan(0);
      // One byte of the checkpoint body (the root's first character).
      const lines = text.split("\n");
      lines[2] = (lines[2]![0] === "A" ? "B" : "A") + lines[2]!.slice(1);
      expect(verifyCosignatures(lines.join("\n"), cosigs, witnesses).valid).toEqual([]);
      for (const sig of cosigs) {
        for (const offset of [4, 11, 12, 75]) {
          // offsets 4..11 are the timestamp, 12.. the Ed25519 signature
          const raw = fromBase64(sig.base64).slice();
          raw[offset]! ^= 1;
          const changed = { ...sig, base64: toBase64(raw) };
          const result = verifyCosignatures(text, [changed], witnesses);
          expect(result.valid).toEqual([]);
          expect(result.invalid).toEqual([changed]);
        }
        // Another key ID or another name: not this witness's line at all, so not counted.
        expect(verifyCosignatures(text, [{ ...sig, keyId: sig.keyId ^ 1 }], witnesses).valid).toEqual([]);
        expect(verifyCosignatures(text, [{ ...sig, name: sig.name + "x" }], witnesses).valid).toEqual([]);
      }
    });
  }
});

describe("cosignature/v1 signing", () => {
  const text = "example.com/log\n7\n" + toBase64(new Uint8Array(32).fill(7)) + "\n";

  it("signs lines that verify, carrying the timestamp", () => {
    const { signerKey, verifierKey } = generateCosignatureKey("witness.example/w1");
    const signer = parseCosignatureSignerKey(signerKey);
    expect(signer.verifierKey).toBe(verifierKey);
    const line = signer.cosign(text, 1_700_000_000);
    expect(line.endsWith("\n")).toBe(true);
    const { signatures } = split(text + "\n" + line);
    const result = verifyCosignatures(text, signatures, [parseCosignatureVerifierKey(verifierKey)]);
    expect(result.valid.map((v) => v.timestamp)).toEqual([1_700_000_000]);
    expect(result.valid[0]!.line + "\n").toBe(line);
  });

  it("a cosignature is not a log signature, and a log key cannot pass as its own witness", () => {
    const { signerKey, verifierKey } = generateCosignatureKey("witness.example/w1");
    const line = parseCosignatureSignerKey(signerKey).cosign(text, 1);
    // The same Ed25519 key read as a 0x01 note key has another key ID: it does not match the line.
    const asNoteKey = verifierKey.replace(/\+[0-9a-f]{8}\+/, "+00000000+");
    expect(() => parseVerifierKey(asNoteKey)).toThrow();
    expect(() => openNote(text + "\n" + line, [])).toThrow(/not signed by any known key/);
  });

  it("refuses signer keys of the wrong type or with a wrong key ID", () => {
    const { signerKey } = generateCosignatureKey("w");
    expect(() => parseCosignatureSignerKey(generateKey("w").signerKey)).toThrow(/0x04/);
    expect(() => parseCosignatureSignerKey(signerKey.replace(/\+[0-9a-f]{8}\+/, "+00000000+"))).toThrow(/key ID/);
  });
});

/** A signature line's base64 part: key ID || u64 timestamp || 64 signature bytes. */
function stamped(id: number, timestamp: bigint, signature: Uint8Array = new Uint8Array(64)): string {
  const raw = new Uint8Array(4 + 8 + signature.length);
  new DataView(raw.buffer).setUint32(0, id);
  new DataView(raw.buffer).setBigUint64(4, timestamp);
  raw.set(signature, 12);
  return toBase64(raw);
}

describe("cosignature/v1 signed message", () => {
  const text = "example.com/log\n7\n" + toBase64(new Uint8Array(32).fill(7)) + "\n";

  it("is the header, the decimal time line, then the checkpoint text", () => {
    const expected = "cosignature/v1\ntime 1729698503\n" + text;
    expect(new TextDecoder().decode(cosignedMessage(text, 1729698503))).toBe(expected);
    expect(Array.from(cosignedMessage(utf8(text), 1729698503))).toEqual(Array.from(utf8(expected)));
    expect(new TextDecoder().decode(cosignedMessage(text, 0))).toBe("cosignature/v1\ntime 0\n" + text);
  });

  it("needs a non-negative safe integer timestamp", () => {
    expect(() => cosignedMessage(text, Number.MAX_SAFE_INTEGER)).not.toThrow();
    for (const timestamp of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, NaN]) {
      const e = caught(() => cosignedMessage(text, timestamp));
      expect(e, String(timestamp)).toBeInstanceOf(InputError);
      expect(e.code).toBe("bad-timestamp");
      expect(e.message).toBe("timestamp must be a non-negative integer");
    }
  });
});

describe("cosignature/v1 keys", () => {
  it("writes a witness key as name+id+base64(0x04 || key), the form of the native vector", () => {
    const native = parseCosignatureVerifierKey(vectors.nativeCosignatureKey.vkey);
    expect(native.key).toBe(vectors.nativeCosignatureKey.vkey);
    expect(native.publicKey).toHaveLength(32);
    expect(formatCosignatureVerifierKey(native.name, native.publicKey)).toBe(vectors.nativeCosignatureKey.vkey);
    expect(native.cosignatureKey).toBe(vectors.nativeCosignatureKey.vkey);
    expect(fromBase64(native.cosignatureKey.split("+")[2]!)[0]).toBe(ALG_COSIGNATURE_V1);
  });

  it("gives a key published as 0x01 its 0x04 form, with the recomputed key ID", () => {
    const published = vectors.witnessKeysAsPublished[0]!;
    const w = parseCosignatureVerifierKey(published);
    expect(w.key).toBe(published);
    expect(w.publicKey).toEqual(fromBase64(published.split("+")[2]!).subarray(1));
    expect(w.keyId).toBe(cosignatureKeyId(w.name, w.publicKey));
    expect(w.cosignatureKey).toBe(`${w.name}+${formatKeyId(w.keyId)}+${toBase64(Uint8Array.of(4, ...w.publicKey))}`);
    const again = parseCosignatureVerifierKey(w.cosignatureKey);
    expect([again.name, again.keyId]).toEqual([w.name, w.keyId]);
  });

  it("keeps the witness public key as 32 bytes of its own, without the type byte in its buffer", () => {
    // A caller may hand publicKey.buffer to an API that reads the whole buffer.
    for (const key of [vectors.witnessKeysAsPublished[0]!, vectors.nativeCosignatureKey.vkey]) {
      const { publicKey } = parseCosignatureVerifierKey(key);
      expect([publicKey.byteOffset, publicKey.buffer.byteLength]).toEqual([0, 32]);
    }
  });

  it("refuses a witness key whose key ID is not its own, in either form", () => {
    for (const key of [vectors.witnessKeysAsPublished[0]!, vectors.nativeCosignatureKey.vkey]) {
      const id = key.split("+")[1]!;
      const e = caught(() => parseCosignatureVerifierKey(key.replace(id, id === "00000000" ? "00000001" : "00000000")));
      expect(e).toBeInstanceOf(FormatError);
      expect(e.code).toBe("key-id-mismatch");
      expect(e.message).toBe("witness key ID does not match the key");
    }
    const wrongType = vectors.nativeCosignatureKey.vkey.replace(/\+B/, "+A").replace(/\+[^+]*$/, "+" + toBase64(Uint8Array.of(2, ...new Uint8Array(32))));
    expect(caught(() => parseCosignatureVerifierKey(wrongType)).message).toBe("unsupported witness key: only Ed25519 (type 0x04 or 0x01, 32 bytes) is supported");
  });

  it("does not write a key for an invalid name or a key that is not 32 bytes", () => {
    const name = caught(() => formatCosignatureVerifierKey("a b", new Uint8Array(32)));
    expect(name).toBeInstanceOf(InputError);
    expect([name.code, name.message]).toEqual(["bad-key-name", "invalid key name: a b"]);
    const key = caught(() => formatCosignatureVerifierKey("w", new Uint8Array(31)));
    expect(key).toBeInstanceOf(InputError);
    expect([key.code, key.message]).toEqual(["bad-key", "an Ed25519 public key is 32 bytes"]);
  });

  it("generates a signer key of type 0x04 whose key ID is the cosignature key ID", () => {
    const { signerKey, verifierKey } = generateCosignatureKey("gen.example/w");
    const [, , , name, id, seed] = /^(PRIVATE)\+(KEY)\+([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(signerKey)! as unknown as string[];
    expect(name).toBe("gen.example/w");
    const verifier = parseCosignatureVerifierKey(verifierKey);
    expect(id).toBe(formatKeyId(verifier.keyId));
    expect(fromBase64(seed!)[0]).toBe(ALG_COSIGNATURE_V1);
    expect(parseCosignatureSignerKey(signerKey).keyId).toBe(verifier.keyId);
  });

  it("refuses a witness signer key without the prefix or with another key ID, saying which", () => {
    const { signerKey } = generateCosignatureKey("w");
    const prefix = caught(() => parseCosignatureSignerKey(signerKey.slice("PRIVATE+KEY+".length)));
    expect(prefix).toBeInstanceOf(FormatError);
    expect([prefix.code, prefix.message]).toEqual(["bad-key", "a signer key starts with PRIVATE+KEY+"]);
    const mismatch = caught(() => parseCosignatureSignerKey(signerKey.replace(/\+[0-9a-f]{8}\+/, "+00000000+")));
    expect(mismatch).toBeInstanceOf(FormatError);
    expect([mismatch.code, mismatch.message]).toEqual(["key-id-mismatch", "witness signer key ID does not match the key"]);
    expect(caught(() => parseCosignatureSignerKey(generateKey("w").signerKey)).message).toBe("unsupported witness signer key: only Ed25519 (type 0x04, 32 bytes) is supported");
  });
});

describe("cosignature/v1 lines", () => {
  const text = "example.com/log\n7\n" + toBase64(new Uint8Array(32).fill(7)) + "\n";
  const { signerKey, verifierKey } = generateCosignatureKey("witness.example/w1");
  const signer = parseCosignatureSignerKey(signerKey);
  const verifier = parseCosignatureVerifierKey(verifierKey);
  const other = generateCosignatureKey("witness.example/w2");
  const otherSigner = parseCosignatureSignerKey(other.signerKey);
  const otherVerifier = parseCosignatureVerifierKey(other.verifierKey);
  const sigOf = (line: string): NoteSignature => split(text + "\n" + line).signatures[0]!;

  it("are laid out as key ID, big-endian timestamp, then the Ed25519 signature of the cosigned message", () => {
    const line = signer.cosign(text, 0x0102030405);
    expect(line.startsWith("\u2014 witness.example/w1 ")).toBe(true);
    const raw = fromBase64(line.slice(line.lastIndexOf(" ") + 1, -1));
    expect(raw).toHaveLength(4 + 8 + 64);
    expect(new DataView(raw.buffer).getUint32(0)).toBe(signer.keyId);
    expect(Array.from(raw.subarray(4, 12))).toEqual([0, 0, 0, 1, 2, 3, 4, 5]);
    expect(verifier.verify(utf8("another\n" + text), raw.subarray(4))).toBe(false);
    expect(verifier.verify(utf8(text), raw.subarray(4))).toBe(true);
  });

  it("carry timestamps up to the largest safe integer, and a larger one is not read", () => {
    const line = signer.cosign(text, Number.MAX_SAFE_INTEGER);
    const sig = sigOf(line);
    expect(cosignatureTimestamp(sig.base64)).toBe(Number.MAX_SAFE_INTEGER);
    expect(verifyCosignatures(text, [sig], [verifier]).valid.map((v) => v.timestamp)).toEqual([Number.MAX_SAFE_INTEGER]);
    const tooLate = stamped(signer.keyId, BigInt(Number.MAX_SAFE_INTEGER) + 1n, fromBase64(sig.base64).subarray(12));
    expect(cosignatureTimestamp(tooLate)).toBeNull();
    expect(verifier.verify(utf8(text), fromBase64(tooLate).subarray(4))).toBe(false);
    expect(verifyCosignatures(text, [{ ...sig, base64: tooLate }], [verifier]).invalid).toHaveLength(1);
  });

  it("that are not base64 or not 4 + 8 + 64 bytes have no timestamp", () => {
    expect(cosignatureTimestamp("!!!!")).toBeNull();
    expect(cosignatureTimestamp(stamped(1, 5n))).toBe(5);
    expect(cosignatureTimestamp(stamped(1, 5n, new Uint8Array(63)))).toBeNull();
    expect(cosignatureTimestamp(stamped(1, 5n, new Uint8Array(65)))).toBeNull();
  });

  it("a witness verifier answers false, never throws, for a signature of the wrong length", () => {
    const raw = fromBase64(sigOf(signer.cosign(text, 1)).base64).subarray(4);
    expect(verifier.verify(utf8(text), raw)).toBe(true);
    for (const length of [0, 4, 8, 71, 73]) {
      const cut = new Uint8Array(length);
      cut.set(raw.subarray(0, Math.min(length, raw.length)));
      expect(verifier.verify(utf8(text), cut), String(length)).toBe(false);
    }
  });

  it("a line without a readable timestamp is invalid even for a verifier that accepts any signature", () => {
    const lenient: CosignatureVerifier = { ...verifier, verify: () => true };
    const sig = sigOf(signer.cosign(text, 1));
    const short = { ...sig, base64: stamped(signer.keyId, 1n, new Uint8Array(63)) };
    const tooLate = { ...sig, base64: stamped(signer.keyId, BigInt(Number.MAX_SAFE_INTEGER) + 1n) };
    expect(verifyCosignatures(text, [sig, short, tooLate], [lenient])).toEqual({
      valid: [{ verifier: lenient, timestamp: 1, line: `\u2014 witness.example/w1 ${sig.base64}` }],
      invalid: [short, tooLate],
    });
  });

  it("count one witness once, keep unknown keys out, and return forged or unreadable lines as invalid", () => {
    const first = sigOf(signer.cosign(text, 10));
    const second = sigOf(signer.cosign(text, 20));
    const byOther = sigOf(otherSigner.cosign(text, 30));
    const stranger = sigOf(parseCosignatureSignerKey(generateCosignatureKey("stranger").signerKey).cosign(text, 40));
    const unreadable = { ...first, base64: "!!!!" };
    const short = { ...first, base64: stamped(signer.keyId, 10n, new Uint8Array(63)) };
    const tiny = { ...first, base64: toBase64(Uint8Array.of(0, 0, 0, 1, 2)) };
    const result = verifyCosignatures(text, [stranger, first, second, unreadable, short, tiny, byOther], [verifier, otherVerifier]);
    expect(result.valid.map((v) => [v.verifier, v.timestamp])).toEqual([
      [verifier, 10],
      [otherVerifier, 30],
    ]);
    expect(result.valid[0]!.line).toBe(`\u2014 witness.example/w1 ${first.base64}`);
    expect(result.invalid).toEqual([unreadable, short, tiny]);
  });
});
