import { describe, it, expect } from "vitest";
import canonicalize from "canonicalize";
import { canonicalJson, canonicalJsonBytes, type JsonValue } from "../../lib/core/log/jcs";
import { InputError } from "../../lib/core/log/errors";
import { toHex } from "../../lib/core/log/encoding";

/** mulberry32: a fixed-seed generator, so a failure names a reproducible case. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters chosen to hit every branch of RFC 8785 string escaping and key ordering:
// short escapes, other C0 controls, DEL and C1 (not escaped), U+2028, BMP above the
// surrogates (sorts after them in UTF-16 order), CJK, and astral emoji (surrogate pairs).
const ALPHABET = [
  "a",
  "A",
  "z",
  "0",
  "-",
  "_",
  " ",
  "/",
  '"',
  "\\",
  "\b",
  "\f",
  "\n",
  "\r",
  "\t",
  "\u0000",
  "\u0001",
  "\u001f",
  "\u007f",
  "\u0080",
  "\u009f",
  "é",
  "ö",
  "€",
  "\u2028",
  "\u2029",
  "\ufb33",
  "\uffff",
  "\ufeff",
  "公",
  "示",
  "〔",
  "“",
  "😀",
  "🚧",
  "𠀀",
];

function randomString(rand: () => number, maxLength: number): string {
  let s = "";
  const length = Math.floor(rand() * (maxLength + 1));
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
  return s;
}

const INTEGERS = [0, -0, 1, -1, 9, 10, 255, 1e15, 2 ** 52, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];

function randomValue(rand: () => number, depth: number): JsonValue {
  const pick = Math.floor(rand() * (depth > 0 ? 7 : 5));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return rand() < 0.5 ? INTEGERS[Math.floor(rand() * INTEGERS.length)]! : Math.floor((rand() - 0.5) * 2 ** 40);
    case 3:
    case 4:
      return randomString(rand, 12);
    case 5:
      return Array.from({ length: Math.floor(rand() * 5) }, () => randomValue(rand, depth - 1));
    default: {
      const obj: Record<string, JsonValue> = {};
      const members = Math.floor(rand() * 6);
      for (let i = 0; i < members; i++) obj[randomString(rand, 3)] = randomValue(rand, depth - 1);
      return obj;
    }
  }
}

describe("canonicalJson matches the canonicalize package (RFC 8785 reference)", () => {
  it("on 3000 generated values with controls, CJK, emoji and tricky keys", () => {
    const rand = prng(20260214);
    for (let i = 0; i < 3000; i++) {
      const value = randomValue(rand, 4);
      const expected = canonicalize(value);
      expect(canonicalJson(value), `case ${i}`).toBe(expected);
      expect(toHex(canonicalJsonBytes(value)), `case ${i}`).toBe(toHex(new TextEncoder().encode(expected)));
    }
  });

  it("on every single character of the alphabet as key and as value", () => {
    for (const ch of ALPHABET) {
      const value = { [ch]: ch, [ch + ch]: [ch] };
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }
  });

  it("round-trips through JSON.parse", () => {
    const rand = prng(7);
    for (let i = 0; i < 500; i++) {
      const value = randomValue(rand, 4);
      expect(JSON.parse(canonicalJson(value)), `case ${i}`).toEqual(JSON.parse(canonicalize(value)!));
    }
  });
});

describe("RFC 8785 examples", () => {
  it("§3.2.3 sorts member names by UTF-16 code units", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it("§3.2.2 literals and nested structures", () => {
    expect(canonicalJson([56, { d: true, "10": null, "1": [] }])).toBe('[56,{"1":[],"10":null,"d":true}]');
  });

  it("§3.2.2.2 string escaping", () => {
    const value = { string: "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"/" };
    expect(canonicalJson(value)).toBe('{"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it("orders an astral character before U+FFFF (code units, not code points)", () => {
    expect(canonicalJson({ "\uffff": 1, "😀": 2, a: 3, A: 4, é: 5, "\u0080": 6 })).toBe('{"A":4,"a":3,"\u0080":6,"é":5,"😀":2,"\uffff":1}');
  });

  it("Appendix B integers, and -0 as 0", () => {
    expect(canonicalJson([0, -0, 1, -1, 9007199254740991, -9007199254740991, 1e15])).toBe("[0,0,1,-1,9007199254740991,-9007199254740991,1000000000000000]");
  });

  it("writes U+007F, U+2028 and non-ASCII as themselves, in UTF-8", () => {
    expect(toHex(canonicalJsonBytes("\u007f\u2028公😀"))).toBe("227fe280a8e585acf09f988022");
  });
});

describe("canonicalJson rejects what it cannot encode exactly", () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const cases: [string, unknown, string][] = [
    ["a fraction", 1.5, "jcs-bad-number"],
    ["NaN", NaN, "jcs-bad-number"],
    ["Infinity", Infinity, "jcs-bad-number"],
    ["-Infinity", -Infinity, "jcs-bad-number"],
    ["2^53", 2 ** 53, "jcs-bad-number"],
    ["-(2^53)", -(2 ** 53), "jcs-bad-number"],
    ["1e21", 1e21, "jcs-bad-number"],
    ["a lone high surrogate", "a\ud800", "jcs-lone-surrogate"],
    ["a lone low surrogate", "\udc00b", "jcs-lone-surrogate"],
    ["reversed surrogates", "\ude00\ud83d", "jcs-lone-surrogate"],
    ["two low surrogates", "\udc00\udc00", "jcs-lone-surrogate"],
    ["a high surrogate at the end", "😀\ud83d", "jcs-lone-surrogate"],
    ["a lone surrogate in a key", { "\ud800": 1 }, "jcs-lone-surrogate"],
    ["undefined", undefined, "jcs-unsupported-type"],
    ["an undefined member", { a: undefined }, "jcs-undefined"],
    ["a bigint", 1n, "jcs-unsupported-type"],
    ["a function", () => 1, "jcs-unsupported-type"],
    ["a symbol", Symbol("s"), "jcs-unsupported-type"],
    ["a Date", new Date(0), "jcs-unsupported-type"],
    ["a Map", new Map(), "jcs-unsupported-type"],
    ["a Uint8Array", new Uint8Array(1), "jcs-unsupported-type"],
    ["a sparse array", [1, , 3], "jcs-sparse-array"],
    ["a cycle", cyclic, "jcs-cycle"],
    ["a nested fraction", { a: [{ b: 0.1 }] }, "jcs-bad-number"],
  ];
  for (const [name, value, code] of cases) {
    it(`rejects ${name}`, () => {
      expect(() => canonicalJson(value)).toThrow(InputError);
      expect(() => canonicalJson(value)).toThrow(expect.objectContaining({ code }));
    });
  }

  it("accepts a shared (non-cyclic) subvalue and null-prototype objects", () => {
    const shared = { x: 1 };
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: 1 });
    expect(canonicalJson([shared, shared, bare])).toBe('[{"x":1},{"x":1},{"a":1,"b":2}]');
  });
});

describe("canonicalJson at the edges of its escaping and surrogate checks", () => {
  it("writes the space and every character from U+0020 on as itself, even next to one that is escaped", () => {
    expect(canonicalJson("\n \u007f")).toBe('"\\n \u007f"');
    expect(canonicalJson("\u001f!")).toBe('"\\u001f!"');
    expect(canonicalJson("\u000b\u000e\u0000")).toBe('"\\u000b\\u000e\\u0000"');
    expect(canonicalJson('\b\t\n\f\r"\\')).toBe('"\\b\\t\\n\\f\\r\\"\\\\"');
  });

  it("keeps every valid surrogate pair, down to the edges of both ranges, and refuses a lone surrogate at either edge", () => {
    for (const pair of ["\ud800\udc00", "\ud800\udfff", "\udbff\udc00", "\udbff\udfff"]) {
      expect(canonicalJson("\n" + pair)).toBe('"\\n' + pair + '"');
      expect(canonicalJson(pair)).toBe('"' + pair + '"');
    }
    expect(canonicalJson("\n\ud7ff\ue000")).toBe('"\\n\ud7ff\ue000"');
    for (const lone of ["\ud800", "\udbff", "\udc00", "\udfff", "\ud800\ue000", "\ud800\ud800", "\udc00\udc00"].flatMap((s) => [s, "\n" + s])) {
      let error: unknown;
      try {
        canonicalJson(lone);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(lone)).toMatchObject({ code: "jcs-lone-surrogate", message: "strings must be well-formed UTF-16 (no lone surrogates)" });
    }
  });

  it("names what it cannot encode", () => {
    const message = (value: unknown) => {
      try {
        canonicalJson(value);
      } catch (e) {
        return (e as InputError).message;
      }
      return null;
    };
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(message(1.5)).toBe("only safe integers are allowed, got 1.5");
    expect(message(undefined)).toBe("JCS cannot encode a value of type undefined");
    expect(message(cyclic)).toBe("JCS cannot encode a cyclic value");
    expect(message([1, , 2])).toBe("arrays must not have holes");
    expect(message(new Date(0))).toBe("only plain objects and arrays can be encoded");
    expect(message({ z: 1, a: undefined })).toBe('member "a" is undefined; omit it or use null');
  });

  it("encodes true, false, nested empty containers and a value reached twice", () => {
    const shared = [true];
    expect(canonicalJson({ b: [shared, shared], a: false, c: {}, d: [] })).toBe('{"a":false,"b":[[true],[true]],"c":{},"d":[]}');
    expect(canonicalJson([{ a: shared }, shared])).toBe('[{"a":[true]},[true]]');
  });
});

describe("compareCodeUnits", () => {
  it("orders by UTF-16 code units and calls equal strings equal", async () => {
    const { compareCodeUnits } = await import("../../lib/core/log/jcs");
    expect([compareCodeUnits("a", "a"), compareCodeUnits("B", "a"), compareCodeUnits("a", "B"), compareCodeUnits("\uffff", "😀")]).toEqual([0, -1, 1, 1]);
  });
});
