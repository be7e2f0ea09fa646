/**
 * The byte encodings every wire format rests on: base64 (RFC 4648 §4, canonical only), lowercase hex,
 * strict UTF-8, and the byte helpers used to compare hashes and build signed messages.
 */
import { describe, expect, it } from "vitest";
import { bytesEqual, concatBytes, fromBase64, fromHex, fromUtf8, toBase64, toHex, utf8 } from "@/lib/core/log";
import { formatErrorOf } from "./helpers";

/** RFC 4648 §10 test vectors. */
const RFC4648: [string, string][] = [
  ["", ""],
  ["f", "Zg=="],
  ["fo", "Zm8="],
  ["foo", "Zm9v"],
  ["foob", "Zm9vYg=="],
  ["fooba", "Zm9vYmE="],
  ["foobar", "Zm9vYmFy"],
];

describe("base64", () => {
  it("encodes and decodes the RFC 4648 test vectors", () => {
    for (const [plain, encoded] of RFC4648) {
      expect(toBase64(utf8(plain)), plain).toBe(encoded);
      expect(Array.from(fromBase64(encoded)), encoded).toEqual(Array.from(utf8(plain)));
    }
  });

  it("round-trips every byte value, at every length modulo 3", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
    for (const length of [254, 255, 256]) {
      const bytes = all.subarray(0, length);
      const text = toBase64(bytes);
      expect(text.length).toBe(Math.ceil(length / 3) * 4);
      expect(Array.from(fromBase64(text))).toEqual(Array.from(bytes));
    }
    // The whole alphabet, in order: 0x00 0x10 0x83 ... encodes to "ABCD...+/".
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    expect(toBase64(fromBase64(alphabet))).toBe(alphabet);
    expect(toHex(fromBase64("+/+/"))).toBe("fbffbf");
  });

  it("refuses a length that is not a multiple of 4", () => {
    for (const text of ["Z", "Zg", "Zg=", "Zm9vY"]) {
      const e = formatErrorOf(() => fromBase64(text));
      expect(e.code).toBe("bad-base64");
      expect(e.message).toBe("base64 length is not a multiple of 4");
    }
  });

  it("refuses characters outside the standard alphabet, including URL-safe and non-ASCII ones", () => {
    for (const text of ["Zm9-", "Zm9_", "Zm9 ", "Zm\n9", "Zm9\u0080", "Zm9\u00ff", "Zm9\u4e2d", "Zm9v\u0000AAA"]) {
      const e = formatErrorOf(() => fromBase64(text));
      expect(e.code, JSON.stringify(text)).toBe("bad-base64");
      expect(e.message).toBe("invalid base64 character");
    }
  });

  it("accepts padding only at the end of the last group", () => {
    for (const text of ["Zg==Zg==", "Zm8=Zm8=", "Z===", "====", "=Zm9", "Zm=9"]) {
      expect(formatErrorOf(() => fromBase64(text)).message, text).toBe("invalid base64 character");
    }
  });

  it("refuses non-zero bits under the padding, so each byte string has one text", () => {
    // "Zg==" and "Zh==" would otherwise both decode to "f"; "Zm8=" and "Zm9=" both to "fo".
    for (const text of ["Zh==", "Zm9=", "Zm9vZh==", "Zm9vZm9="]) {
      const e = formatErrorOf(() => fromBase64(text));
      expect(e.code, text).toBe("bad-base64");
      expect(e.message).toBe("base64 has non-zero padding bits");
    }
    // Only the padding bits are checked: every bit that carries data may be set.
    expect(toHex(fromBase64("/w=="))).toBe("ff");
    expect(toHex(fromBase64("//8="))).toBe("ffff");
  });
});

describe("hex", () => {
  it("writes two lowercase digits per byte", () => {
    expect(toHex(Uint8Array.of(0x00, 0x0a, 0xab, 0xff))).toBe("000aabff");
    expect(toHex(new Uint8Array(0))).toBe("");
  });

  it("reads lowercase hex with an even number of digits", () => {
    expect(Array.from(fromHex("000aabff10"))).toEqual([0x00, 0x0a, 0xab, 0xff, 0x10]);
    expect(fromHex("").length).toBe(0);
  });

  it("refuses odd lengths, upper case and other characters", () => {
    for (const text of ["0", "abc", "AB", "0g", "g0", "0x", " 00", "00 ", "zz"]) {
      const e = formatErrorOf(() => fromHex(text));
      expect(e.code, text).toBe("bad-hex");
      expect(e.message).toBe("expected lowercase hex with an even number of digits");
    }
  });
});

describe("UTF-8", () => {
  it("encodes and decodes text, keeping a leading byte order mark", () => {
    expect(Array.from(utf8("é中"))).toEqual([0xc3, 0xa9, 0xe4, 0xb8, 0xad]);
    expect(fromUtf8(Uint8Array.of(0xc3, 0xa9, 0xe4, 0xb8, 0xad))).toBe("é中");
    // A BOM is text like any other: dropping it would change what a signature covers.
    expect(fromUtf8(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toBe("\ufeffa");
  });

  it("refuses invalid sequences instead of replacing them", () => {
    for (const bytes of [[0xff], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x61, 0x80]]) {
      const e = formatErrorOf(() => fromUtf8(Uint8Array.from(bytes)));
      expect(e.code).toBe("bad-utf8");
      expect(e.message).toBe("text is not valid UTF-8");
    }
  });
});

describe("byte helpers", () => {
  it("concatenates parts in order", () => {
    expect(Array.from(concatBytes(Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3), Uint8Array.of(4, 5)))).toEqual([1, 2, 3, 4, 5]);
    expect(concatBytes().length).toBe(0);
  });

  it("compares bytes, and a prefix is not equal to the longer array", () => {
    expect(bytesEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(bytesEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(bytesEqual(Uint8Array.of(0, 2, 3), Uint8Array.of(1, 2, 3))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1, 0), Uint8Array.of(1))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false);
  });
});
