/**
 * Signed notes at their edges: repeated signatures, size and count limits exactly at the
 * boundary, key name and key ID matched together, and the checks signNote makes before it
 * signs. Each case here failed to notice a change to lib/core/log/note.ts that the broader tests
 * in note.test.ts let through (docs/mutation-testing.md).
 */
import { describe, expect, it } from "vitest";
import {
  FormatError,
  InputError,
  MAX_NOTE_BYTES,
  MAX_SIGNATURES,
  ProofError,
  concatBytes,
  fromBase64,
  generateKey,
  openNote,
  parseSignatureLine,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  toBase64,
  type NoteSigner,
} from "@/lib/core/log";

const a = generateKey("a.example/log");
const b = generateKey("b.example/witness");
const signerA = parseSignerKey(a.signerKey);
const signerB = parseSignerKey(b.signerKey);
const va = parseVerifierKey(a.verifierKey);

/** The signature lines of a note, each with its newline. */
function sigLines(note: string): string {
  return note.slice(note.lastIndexOf("\n\n") + 2);
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

function expectCode(fn: () => unknown, type: typeof FormatError | typeof ProofError | typeof InputError, code: string): void {
  const e = caught(fn);
  expect(e).toBeInstanceOf(type);
  expect((e as { code: string }).code).toBe(code);
}

describe("signed notes: a repeated signature", () => {
  it("by a known key counts once", () => {
    const note = signNote("hello\n", [signerA]);
    const opened = openNote(note + sigLines(note), [va]);
    expect(opened.signatures).toHaveLength(1);
    expect(opened.unverified).toHaveLength(0);
  });

  it("by a known key is checked only the first time, as in golang.org/x/mod/sumdb/note", () => {
    const note = signNote("hello\n", [signerA]);
    const line = sigLines(note);
    const raw = fromBase64(line.slice(line.lastIndexOf(" ") + 1, -1));
    raw[10] = raw[10]! ^ 1;
    const bad = `\u2014 a.example/log ${toBase64(raw)}\n`;
    // The bad line after the good one is skipped; before it, it rejects the note.
    expect(openNote(note + bad, [va]).signatures).toHaveLength(1);
    expectCode(() => openNote("hello\n\n" + bad + line, [va]), ProofError, "bad-signature");
  });

  it("by an unknown key is kept once among the unverified", () => {
    const note = signNote("hello\n", [signerA, signerB]);
    const lineB = sigLines(note).split("\n")[1] + "\n";
    const opened = openNote(note + lineB, [va]);
    expect(opened.unverified.map((s) => s.name)).toEqual(["b.example/witness"]);
  });
});

describe("signed notes: which signature belongs to a verifier", () => {
  it("verifies and keeps each known key's signature", () => {
    const vb = parseVerifierKey(b.verifierKey);
    const opened = openNote(signNote("hello\n", [signerA, signerB]), [vb, va]);
    expect(opened.signatures.map((s) => s.name)).toEqual(["a.example/log", "b.example/witness"]);
  });

  it("needs both the name and the key ID to match", () => {
    const line = sigLines(signNote("hello\n", [signerA]));
    // A's key ID and signature under another name: not A's signature.
    const renamed = line.replace("a.example/log", "c.example/log");
    const opened = caught(() => openNote("hello\n\n" + renamed, [va]));
    expect(opened).toBeInstanceOf(ProofError);
    expect((opened as ProofError).code).toBe("no-known-signature");
  });

  it("keeps the key ID of each signature line", () => {
    const opened = openNote(signNote("hello\n", [signerB, signerA]), [va]);
    expect(opened.signatures[0]!.keyId).toBe(va.keyId);
    expect(opened.unverified[0]!.keyId).toBe(signerB.keyId);
  });
});

describe("signed notes: limits at the boundary", () => {
  it("accepts a note of exactly the size limit and rejects one byte more", () => {
    const sigLen = new TextEncoder().encode(sigLines(signNote("x\n", [signerA]))).length;
    // "x…x\n" + "\n" + signature line (in bytes: the em dash is three): the text fills the rest.
    const text = "x".repeat(MAX_NOTE_BYTES - sigLen - 2) + "\n";
    const note = signNote(text, [signerA]);
    expect(new TextEncoder().encode(note).length).toBe(MAX_NOTE_BYTES);
    expect(openNote(note, [va]).text).toBe(text);
    const over = signNote("y" + text, [signerA]);
    expectCode(() => openNote(over, [va]), FormatError, "note-too-large");
    expectCode(() => openNote(new TextEncoder().encode(over), [va]), FormatError, "note-too-large");
  });

  it("accepts exactly the maximum number of signature lines", () => {
    const note = signNote("x\n", [signerA]);
    const many = "x\n\n" + sigLines(note).repeat(MAX_SIGNATURES);
    expect(openNote(many, [va]).signatures).toHaveLength(1);
    expectCode(() => openNote(many + sigLines(note), [va]), FormatError, "malformed-note");
  });

  it("accepts a text that is a single newline", () => {
    expect(openNote(signNote("\n", [signerA]), [va]).text).toBe("\n");
  });
});

describe("signed notes: signature lines", () => {
  const keyId = new Uint8Array(4);
  new DataView(keyId.buffer).setUint32(0, va.keyId);

  it("parses a signature of a single byte after the key ID, and then fails to verify it", () => {
    const short = `\u2014 a.example/log ${toBase64(concatBytes(keyId, new Uint8Array([7])))}\n`;
    expectCode(() => openNote("hello\n\n" + short, [va]), ProofError, "bad-signature");
  });

  it("rejects a line with a name and no signature", () => {
    expectCode(() => openNote("hello\n\n\u2014 a.example/log\n", [va]), FormatError, "malformed-note");
    expectCode(() => openNote("hello\n\n\u2014 a.example/log \n", [va]), FormatError, "malformed-note");
  });

  it("rejects a string that is not well-formed UTF-16 before encoding it", () => {
    const good = signNote("hello\n", [signerA]);
    expectCode(() => openNote(good.replace("hello", "hel\ud800lo"), [va]), FormatError, "bad-utf8");
  });
});

describe("signed notes: error messages say what is wrong", () => {
  const good = signNote("hello\n", [signerA]);
  it.each([
    ["no blank line", "hello\n" + sigLines(good), /no blank line before its signatures/],
    ["no signature lines", "hello\n\n", /no signature lines/],
    ["no final newline", good.slice(0, -1), /no signature lines/],
    ["too many signatures", "x\n\n" + sigLines(good).repeat(MAX_SIGNATURES + 1), /more than 100 signatures/],
    ["too large", "x".repeat(MAX_NOTE_BYTES) + "\n\n" + sigLines(good), /larger than 65536 bytes/],
    ["a bad signature", "hellp\n\n" + sigLines(good), /invalid signature for key a\.example\/log/],
    ["no known signature", signNote("hello\n", [signerB]), /not signed by any known key/],
  ])("%s", (_name, note, message) => {
    expect(() => openNote(note, [va])).toThrow(message);
  });

  it("a missing blank line or signature block is a malformed note", () => {
    expectCode(() => openNote("hello\n" + sigLines(good), [va]), FormatError, "malformed-note");
    expectCode(() => openNote("hello\n\n", [va]), FormatError, "malformed-note");
  });
});

describe("signing a note", () => {
  it("needs a text ending in a newline", () => {
    expectCode(() => signNote("hello", [signerA]), InputError, "bad-note");
  });

  it("refuses a text with a control character or not well-formed", () => {
    expectCode(() => signNote("hel\u0000lo\n", [signerA]), FormatError, "malformed-note");
    expectCode(() => signNote("hel\u001flo\n", [signerA]), FormatError, "malformed-note");
    expectCode(() => signNote("hel\ud800lo\n", [signerA]), FormatError, "bad-utf8");
  });

  it("refuses a signer whose name is not a valid key name", () => {
    const bad: NoteSigner = { name: "a b", keyId: signerA.keyId, sign: (m) => signerA.sign(m) };
    expectCode(() => signNote("hello\n", [bad]), InputError, "bad-key-name");
  });

  it("writes one line per signer, in order, with the key ID first", () => {
    const note = signNote("hello\n", [signerB, signerA]);
    expect(note.startsWith("hello\n\n\u2014 b.example/witness ")).toBe(true);
    const lines = sigLines(note).slice(0, -1).split("\n");
    expect(lines).toHaveLength(2);
    const raw = fromBase64(lines[1]!.slice(lines[1]!.lastIndexOf(" ") + 1));
    expect(new DataView(raw.buffer, raw.byteOffset, 4).getUint32(0)).toBe(signerA.keyId);
    expect(raw.length).toBe(4 + 64);
  });
});

describe("reading one signature line", () => {
  it("reads the name, the big-endian key ID and the base64 exactly as written", () => {
    const base64 = toBase64(Uint8Array.of(0x81, 0x02, 0x03, 0x04, 0x05));
    expect(parseSignatureLine(`\u2014 log.example/a ${base64}`)).toEqual({ name: "log.example/a", keyId: 0x81020304, base64 });
  });

  it.each([
    ["a hyphen for the em dash", "- log.example/a AAAAAQE=", "signature line does not start with an em dash and a space"],
    ["no space after the em dash", "\u2014log.example/a AAAAAQE=", "signature line does not start with an em dash and a space"],
    ["a second space", "\u2014 log.example/a AAAA AQE=", "signature is not valid base64"],
    ["no signature", "\u2014 log.example/a", "malformed signature line"],
    ["an empty signature", "\u2014 log.example/a ", "malformed signature line"],
    ["only a key ID", "\u2014 log.example/a AAAAAQ==", "malformed signature line"],
    ["a '+' in the name", "\u2014 log+example AAAAAQE=", "malformed signature line"],
    ["an empty name", "\u2014  AAAAAQE=", "malformed signature line"],
  ])("refuses %s", (_what, line, message) => {
    const e = caught(() => parseSignatureLine(line));
    expect(e).toBeInstanceOf(FormatError);
    expect((e as FormatError).code).toBe("malformed-note");
    expect((e as FormatError).message).toBe(message);
  });
});

describe("note text: what each refusal says", () => {
  it("refuses every ASCII control character but newline, and allows DEL and beyond", () => {
    for (const c of ["\u0000", "\t", "\u000b", "\r", "\u001f"]) {
      const e = caught(() => signNote(`a${c}b\n`, [signerA]));
      expect(e, JSON.stringify(c)).toBeInstanceOf(FormatError);
      expect((e as FormatError).message).toBe("note contains a control character");
    }
    for (const c of ["\u007f", " ", "\u0085"]) {
      expect(openNote(signNote(`a${c}b\n`, [signerA]), [va]).text).toBe(`a${c}b\n`);
    }
  });

  it("says why signing was refused", () => {
    expect((caught(() => signNote("hello", [signerA])) as InputError).message).toBe("note text must end with a newline");
    expect((caught(() => signNote("hel\ud800lo\n", [signerA])) as FormatError).message).toBe("note is not valid UTF-8");
    const bad: NoteSigner = { name: "a b", keyId: signerA.keyId, sign: (m) => signerA.sign(m) };
    expect((caught(() => signNote("hello\n", [bad])) as InputError).message).toBe("invalid signer name: a b");
  });

  it("signs the text with a blank line after it, and nothing else, for no signer", () => {
    expect(signNote("hello\n", [])).toBe("hello\n\n");
  });
});
