/**
 * cosignature/v1 against real production cosignatures (../shared/vectors/cosignature.json,
 * copied into testdata): every one verifies, and any change to the body, the timestamp, the
 * key ID or the name makes it fail. Then sign → verify round trips with our own keys.
 */
import { describe, expect, it } from "vitest";
import {
  cosignatureTimestamp,
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
  type NoteSignature,
} from "@/lib/core/log";
import { readJson } from "./helpers";

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
