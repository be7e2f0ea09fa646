/** SHA-256 digests as a type: the length checks on hashes a caller passes in and hashes read from the wire. */
import { describe, expect, it } from "vitest";
import { asHash, EMPTY_ROOT, FormatError, formatHash, InputError, parseHash, sha256Hash, toBase64, toHex, utf8 } from "@/lib/core/log";
import { readJson } from "./helpers";

const v = readJson<{ roots: Record<string, string> }>("rfc6962.json");

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("asHash", () => {
  it("returns a 32-byte array unchanged", () => {
    const bytes = new Uint8Array(32).fill(9);
    expect(asHash(bytes)).toBe(bytes);
  });

  it("refuses any other length with a caller error that says the length", () => {
    for (const length of [0, 31, 33, 64]) {
      const e = caught(() => asHash(new Uint8Array(length)));
      expect(e, String(length)).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe("bad-hash");
      expect((e as InputError).message).toBe(`a hash is 32 bytes, got ${length}`);
    }
  });
});

describe("parseHash", () => {
  it("reads the base64 text of a known root and writes it back the same", () => {
    const text = "3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=";
    const hash = parseHash(text);
    expect(toHex(hash)).toBe(v.roots["7"]);
    expect(formatHash(hash)).toBe(text);
  });

  it("refuses base64 of another length as a format error that says the length", () => {
    for (const length of [0, 31, 33]) {
      const e = caught(() => parseHash(toBase64(new Uint8Array(length))));
      expect(e, String(length)).toBeInstanceOf(FormatError);
      expect((e as FormatError).code).toBe("bad-hash");
      expect((e as FormatError).message).toBe(`a hash is 32 bytes, got ${length}`);
    }
  });
});

describe("sha256Hash", () => {
  it("is plain SHA-256, without the leaf or node prefix (FIPS 180-2 vector)", () => {
    expect(toHex(sha256Hash(utf8("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(toHex(sha256Hash(new Uint8Array(0)))).toBe(toHex(EMPTY_ROOT));
  });
});
