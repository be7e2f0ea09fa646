/** C2SP signed notes and keys: outside vectors, re-signing, and inputs that must be rejected. */
import { describe, expect, it } from "vitest";
import { FormatError, ProofError, generateKey, openNote, parseSignerKey, parseVerifierKey, signNote, MAX_NOTE_BYTES } from "@/lib/core/log";
import { readJson } from "./helpers";

interface NoteVectors {
  c2spExample: { verifierKey: string; note: string };
  goNote: { signerKey: string; verifierKey: string; text: string; note: string };
}
const v = readJson<NoteVectors>("signed-note.json");

function expectError(fn: () => unknown, type: typeof FormatError | typeof ProofError, code?: string) {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(type);
  if (code) expect((caught as { code: string }).code).toBe(code);
}

describe("signed notes: outside vectors", () => {
  it("verifies the C2SP spec example", () => {
    const opened = openNote(v.c2spExample.note, [parseVerifierKey(v.c2spExample.verifierKey)]);
    expect(opened.text).toBe("This is an example message.\n");
    expect(opened.signatures.map((s) => s.name)).toEqual(["example.com/foo"]);
  });

  it("re-signs the Go x/mod note vector byte for byte", () => {
    const signer = parseSignerKey(v.goNote.signerKey);
    expect(signer.verifierKey).toBe(v.goNote.verifierKey);
    expect(signNote(v.goNote.text, [signer])).toBe(v.goNote.note);
    expect(openNote(v.goNote.note, [parseVerifierKey(v.goNote.verifierKey)]).text).toBe(v.goNote.text);
  });

  it("rejects the vector with any one character of text or signature changed", () => {
    const verifier = parseVerifierKey(v.goNote.verifierKey);
    const note = v.goNote.note;
    const sigStart = note.lastIndexOf(" ") + 1;
    for (const at of [0, 10, v.goNote.text.length - 2, sigStart + 8, sigStart + 40, note.length - 4]) {
      const c = note[at]!;
      const mutated = note.slice(0, at) + (c === "A" ? "B" : "A") + note.slice(at + 1);
      expect(() => openNote(mutated, [verifier]), `char ${at}`).toThrow(ProofError);
    }
  });
});

describe("signed notes: behaviour", () => {
  const a = generateKey("a.example/log");
  const b = generateKey("b.example/witness");
  const signerA = parseSignerKey(a.signerKey);
  const signerB = parseSignerKey(b.signerKey);
  const va = parseVerifierKey(a.verifierKey);

  it("generates keys whose ID matches the C2SP key-ID rule", () => {
    expect(a.signerKey).toMatch(/^PRIVATE\+KEY\+a\.example\/log\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/);
    expect(signerA.verifierKey).toBe(a.verifierKey);
    expect(va.keyId).toBe(signerA.keyId);
  });

  it("splits at the last blank line, so the text may contain blank lines", () => {
    const text = "para one\n\npara two\n";
    expect(openNote(signNote(text, [signerA]), [va]).text).toBe(text);
  });

  it("ignores unknown signers and keeps them as unverified", () => {
    const note = signNote("hello\n", [signerB, signerA]);
    const opened = openNote(note, [va]);
    expect(opened.signatures.map((s) => s.name)).toEqual(["a.example/log"]);
    expect(opened.unverified.map((s) => s.name)).toEqual(["b.example/witness"]);
  });

  it("rejects a note that no known key signed", () => {
    expectError(() => openNote(signNote("hello\n", [signerB]), [va]), ProofError, "no-known-signature");
  });

  it("rejects the whole note when a known key's signature fails, even if another verifies", () => {
    const good = signNote("hello\n", [signerA]);
    const forged = signNote("hellp\n", [signerB]).split("\n\n")[1]!;
    const twisted = good + forged.replace("b.example/witness", "a.example/log");
    // Same name as A but B's key ID: an unknown key, ignored (spec: name and ID must both match).
    expect(openNote(twisted, [va]).unverified).toHaveLength(1);
    const sigA = good.split("\n\n")[1]!;
    const at = sigA.lastIndexOf(" ") + 12; // inside the signature, past the 4-byte key ID
    const wrongSig = sigA.slice(0, at) + (sigA[at] === "A" ? "B" : "A") + sigA.slice(at + 1);
    // A failing signature by a known key rejects the note, whatever else it carries.
    expectError(() => openNote("hello\n\n" + wrongSig + sigA, [va]), ProofError, "bad-signature");
    expectError(() => openNote("hello\n\n" + forged + wrongSig, [va]), ProofError, "bad-signature");
  });

  it("treats a verifier with the same name but another key as unknown", () => {
    const other = generateKey("a.example/log");
    expectError(() => openNote(signNote("x\n", [signerA]), [parseVerifierKey(other.verifierKey)]), ProofError, "no-known-signature");
  });

  const good = () => signNote("hello\n", [signerA]);
  it.each([
    ["no blank line", () => "hello\n— a.example/log AAAA\n"],
    ["no signature lines", () => "hello\n\n"],
    ["no final newline", () => good().slice(0, -1)],
    ["a hyphen instead of an em dash", () => good().replace("\u2014", "-")],
    ["a signature that is not base64", () => good().replace(/ [^ ]+\n$/, " !!!!\n")],
    ["a signature of 4 bytes", () => good().replace(/ [^ ]+\n$/, " AAAAAA==\n")],
    ["a control character", () => "hel\tlo\n\n" + good().split("\n\n")[1]],
    ["a carriage return", () => good().replace("hello\n", "hello\r\n")],
    ["an empty key name", () => good().replace("a.example/log", "")],
    ["more than 100 signatures", () => "x\n\n" + good().split("\n\n")[1]!.repeat(101)],
    ["more than the size limit", () => "x".repeat(MAX_NOTE_BYTES) + "\n\n" + good().split("\n\n")[1]],
  ])("rejects a malformed note: %s", (_name, make) => {
    expectError(() => openNote(make(), [va]), FormatError);
  });

  it("rejects invalid UTF-8 bytes", () => {
    const bytes = new TextEncoder().encode(good());
    bytes[1] = 0xff;
    expectError(() => openNote(bytes, [va]), FormatError, "bad-utf8");
  });

  it.each([
    ["too few parts", "a.example+01020304"],
    ["a bad key ID", "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"],
    ["a short ID", "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"],
    ["an unknown algorithm", "PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"],
    ["a truncated key", "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10"],
    ["a name with a space", "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"],
  ])("rejects a verifier key with %s", (_name, key) => {
    expectError(() => parseVerifierKey(key), FormatError);
  });

  it("rejects a signer key whose ID does not match", () => {
    expectError(() => parseSignerKey(v.goNote.signerKey.replace("c74f20a3", "c74f20a4")), FormatError, "key-id-mismatch");
    expectError(() => parseSignerKey(v.goNote.signerKey.replace("PRIVATE+KEY+", "")), FormatError);
  });
});

describe("key names", () => {
  it("follow Go's notion of a space", async () => {
    const { isValidKeyName } = await import("@/lib/core/log");
    expect(isValidKeyName("log.example/a")).toBe(true);
    expect(isValidKeyName("a\u0085b")).toBe(false); // NEL: a space to Go
    expect(isValidKeyName("a\u3000b")).toBe(false); // ideographic space
    expect(isValidKeyName("a\ufeffb")).toBe(true); // BOM: not a space to Go
    expect(isValidKeyName("a+b")).toBe(false);
    expect(isValidKeyName("")).toBe(false);
  });
});
