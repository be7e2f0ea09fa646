/**
 * Strict reading of untrusted bundle JSON (lib/core/verify/bundle-schema.ts): every refusal names
 * the member and carries the code "bad-bundle" (the CLI prints both), each limit holds at its
 * exact bound, and nothing outside the format gets through.
 */
import { describe, expect, it } from "vitest";
import { FormatError, MAX_NOTE_BYTES } from "@/lib/core/log";
import { MAX_BUNDLE_BYTES, parseBundle, verifyBundle } from "@/lib/core/verify";
import { array, integer, object, parseJson, string, stringMap } from "@/lib/core/verify/bundle-schema";
import { clone, sampleLog } from "./fixtures";

/** The FormatError `run` throws, for checking its code and exact message. */
function refusal(run: () => unknown): FormatError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error("expected a refusal");
}

describe("object", () => {
  it("refuses null, arrays and scalars as an object, with the code bad-bundle and the path", () => {
    for (const value of [null, [], ["a"], "x", 1, true, undefined]) {
      const e = refusal(() => object(value, "bundle.log", []));
      expect(e.code).toBe("bad-bundle");
      expect(e.message).toBe("bundle.log: must be an object");
    }
  });

  it("takes the required members and any optional one, and names an unknown or missing member", () => {
    expect(object({ a: 1, b: 2 }, "p", ["a"], ["b"])).toEqual({ a: 1, b: 2 });
    expect(object({ a: 1 }, "p", ["a"], ["b"])).toEqual({ a: 1 });
    expect(refusal(() => object({ a: 1, c: 3 }, "p", ["a"], ["b"])).message).toBe('p: unknown member "c"');
    expect(refusal(() => object({ b: 2 }, "p", ["a"], ["b"])).message).toBe('p: missing member "a"');
    // An optional member is not required, and a required one is not merely allowed.
    expect(refusal(() => object({ b: 2 }, "p", [], ["a"])).message).toBe('p: unknown member "b"');
  });

  it("quotes at most 40 characters of an unknown member's name", () => {
    const name = "n".repeat(40) + "TAIL".repeat(100);
    expect(refusal(() => object({ [name]: 1 }, "p", [])).message).toBe(`p: unknown member "${"n".repeat(40)}"`);
  });
});

describe("string, integer and array", () => {
  it("holds a string's length limit at its exact bound", () => {
    expect(string("x".repeat(16), "bundle.kind", 16)).toBe("x".repeat(16));
    expect(refusal(() => string("x".repeat(17), "bundle.kind", 16)).message).toBe("bundle.kind: longer than 16 characters");
    expect(refusal(() => string(16, "bundle.kind", 16)).message).toBe("bundle.kind: must be a string");
    expect(refusal(() => string(null, "bundle.kind", 16)).message).toBe("bundle.kind: must be a string");
  });

  it("takes a safe integer at the minimum and refuses one below it, a fraction, an unsafe integer or a numeric string", () => {
    expect(integer(1, "v", 1)).toBe(1);
    expect(integer(0, "i")).toBe(0);
    expect(integer(Number.MAX_SAFE_INTEGER, "i")).toBe(Number.MAX_SAFE_INTEGER);
    expect(refusal(() => integer(0, "v", 1)).message).toBe("v: must be an integer ≥ 1");
    for (const bad of [-1, 0.5, 2 ** 53, Number.NaN, Infinity, "3", null]) expect(refusal(() => integer(bad, "i")).message).toBe("i: must be an integer ≥ 0");
  });

  it("holds an array's item limit at its exact bound and names each item by its position", () => {
    expect(array([1, 2], "a", 2, (v) => v)).toEqual([1, 2]);
    expect(refusal(() => array([1, 2, 3], "a", 2, (v) => v)).message).toBe("a: more than 2 items");
    expect(refusal(() => array({ length: 1 }, "a", 2, (v) => v)).message).toBe("a: must be an array");
    expect(refusal(() => array([0, "x"], "a", 2, (v, p) => integer(v, p))).message).toBe("a[1]: must be an integer ≥ 0");
  });
});

describe("stringMap", () => {
  it("holds the member limit at its exact bound and names a member that is not a string", () => {
    expect(stringMap({ a: "1", b: "2" }, "f", 2, 10)).toEqual({ a: "1", b: "2" });
    expect(refusal(() => stringMap({ a: "1", b: "2", c: "3" }, "f", 2, 10)).message).toBe("f: more than 2 members");
    expect(refusal(() => stringMap({ a: 1 }, "f", 2, 10)).message).toBe("f.a: must be a string");
    expect(refusal(() => stringMap({ a: "12345678901" }, "f", 2, 10)).message).toBe("f.a: longer than 10 characters");
    expect(refusal(() => stringMap({ ["m".repeat(50)]: 1 }, "f", 2, 10)).message).toBe(`f.${"m".repeat(40)}: must be a string`);
    for (const value of [null, ["a"], "a"]) expect(refusal(() => stringMap(value, "f", 2, 10)).message).toBe("f: must be an object");
  });

  it("keeps a member named __proto__ as a plain own member, editable like any other", () => {
    const map = stringMap(JSON.parse('{"__proto__":"x","title":"t"}'), "f", 2, 10);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(Object.keys(map)).toEqual(["__proto__", "title"]);
    expect(JSON.stringify(map)).toBe('{"__proto__":"x","title":"t"}');
    // Callers edit parsed maps (a tampered copy in the tests, a fixed-up field in tools).
    map.title = "u";
    delete (map as Record<string, string>)["__proto__"];
    expect(JSON.stringify(map)).toBe('{"title":"u"}');
  });
});

describe("parseJson", () => {
  it("takes text of exactly the limit and refuses one unit more before parsing, as bundle-too-large", () => {
    expect(parseJson(`"${"x".repeat(8)}"`, 10)).toBe("xxxxxxxx");
    const e = refusal(() => parseJson(`"${"x".repeat(9)}"`, 10));
    expect([e.code, e.message]).toEqual(["bundle-too-large", "a bundle file is at most 10 bytes"]);
    const bad = refusal(() => parseJson("{", 10));
    expect([bad.code, bad.message]).toEqual(["bad-bundle", "not valid JSON"]);
  });
});

describe("parseBundle limits", () => {
  it("refuses each member past its limit, naming it, and takes it at the limit", async () => {
    const { bundle } = await sampleLog();
    const long = (n: number) => "x".repeat(n);
    type B = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const cases: [string, (b: B, n: number) => void, number, string][] = [
      ["notice", (b, n) => (b.notice = long(n)), 64, "bundle.notice: longer than 64 characters"],
      ["agency", (b, n) => (b.agency = long(n)), 64, "bundle.agency: longer than 64 characters"],
      ["kind", (b, n) => (b.kind = long(n)), 16, "bundle.kind: longer than 16 characters"],
      ["loggedAt", (b, n) => (b.loggedAt = long(n)), 24, "bundle.loggedAt: longer than 24 characters"],
      ["field value", (b, n) => (b.fields.body = long(n)), 1024 * 1024, "bundle.fields.body: longer than 1048576 characters"],
      ["field count", (b, n) => (b.fields = Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, ""]))), 64, "bundle.fields: more than 64 members"],
      ["salt", (b, n) => (b.salts.title = long(n)), 44, "bundle.salts.title: longer than 44 characters"],
      ["salt count", (b, n) => (b.salts = Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, ""]))), 64, "bundle.salts: more than 64 members"],
      ["attachment count", (b, n) => (b.attachments = Array(n).fill(b.attachments[0])), 100, "bundle.attachments: more than 100 items"],
      ["attachment hash", (b, n) => (b.attachments[0].sha256 = long(n)), 64, "bundle.attachments[0].sha256: longer than 64 characters"],
      ["attachment name", (b, n) => (b.attachments[0].name = long(n)), 1024, "bundle.attachments[0].name: longer than 1024 characters"],
      ["attachment name salt", (b, n) => (b.attachments[0].nameSalt = long(n)), 44, "bundle.attachments[0].nameSalt: longer than 44 characters"],
      ["withheld count", (b, n) => (b.withheld = Array(n).fill({ path: "body", basis: "", at: "", logIndex: null })), 164, "bundle.withheld: more than 164 items"],
      ["withheld path", (b, n) => (b.withheld = [{ path: long(n), basis: "", at: "", logIndex: 7 }]), 64, "bundle.withheld[0].path: longer than 64 characters"],
      ["withheld basis", (b, n) => (b.withheld = [{ path: "", basis: long(n), at: "", logIndex: 7 }]), 2000, "bundle.withheld[0].basis: longer than 2000 characters"],
      ["withheld at", (b, n) => (b.withheld = [{ path: "", basis: "", at: long(n), logIndex: 7 }]), 40, "bundle.withheld[0].at: longer than 40 characters"],
      ["origin", (b, n) => (b.log.origin = long(n)), 256, "bundle.log.origin: longer than 256 characters"],
      ["verifier key", (b, n) => (b.log.verifierKey = long(n)), 512, "bundle.log.verifierKey: longer than 512 characters"],
      ["leaf", (b, n) => (b.entry.leaf = long(n)), 90_000, "bundle.entry.leaf: longer than 90000 characters"],
      ["leaf hash", (b, n) => (b.entry.leafHash = long(n)), 44, "bundle.entry.leafHash: longer than 44 characters"],
      ["checkpoint", (b, n) => (b.checkpoint = long(n)), MAX_NOTE_BYTES, `bundle.checkpoint: longer than ${MAX_NOTE_BYTES} characters`],
      ["inclusion proof length", (b, n) => (b.inclusionProof = Array(n).fill("")), 64, "bundle.inclusionProof: more than 64 items"],
      ["inclusion proof hash", (b, n) => (b.inclusionProof = [long(n)]), 44, "bundle.inclusionProof[0]: longer than 44 characters"],
      ["tlog-proof", (b, n) => (b.tlogProof = long(n)), MAX_NOTE_BYTES + 8192, `bundle.tlogProof: longer than ${MAX_NOTE_BYTES + 8192} characters`],
      ["consistency proof length", (b, n) => (b.consistency = { from: 3, proof: Array(n).fill("") }), 128, "bundle.consistency.proof: more than 128 items"],
      ["consistency proof hash", (b, n) => (b.consistency = { from: 3, proof: [long(n)] }), 44, "bundle.consistency.proof[0]: longer than 44 characters"],
    ];
    for (const [what, set, limit, message] of cases) {
      const over = clone(bundle) as unknown as B;
      set(over, limit + 1);
      expect(() => parseBundle(JSON.stringify(over)), what).toThrow(message);
      const at = clone(bundle) as unknown as B;
      set(at, limit);
      // At the limit the member passes its own check; what fails later (if anything) is another check.
      let error = "";
      try {
        parseBundle(JSON.stringify(at));
      } catch (e) {
        error = (e as Error).message;
      }
      expect(error, what).not.toContain("longer than");
      expect(error, what).not.toContain("more than");
    }
  });

  it("names the member of each wrong type, down to the nested ones", async () => {
    const { bundle } = await sampleLog();
    type B = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const cases: [(b: B) => void, string][] = [
      [(b) => (b.notice = 1), "bundle.notice: must be a string"],
      [(b) => (b.agency = 1), "bundle.agency: must be a string"],
      [(b) => (b.version = 0), "bundle.version: must be an integer ≥ 1"],
      [(b) => (b.kind = 1), "bundle.kind: must be a string"],
      [(b) => (b.loggedAt = 1), "bundle.loggedAt: must be a string"],
      [(b) => (b.fields = []), "bundle.fields: must be an object"],
      [(b) => (b.salts = null), "bundle.salts: must be an object"],
      [(b) => (b.attachments = {}), "bundle.attachments: must be an array"],
      [(b) => (b.attachments[0] = []), "bundle.attachments[0]: must be an object"],
      [(b) => (b.attachments[0].sha256 = 1), "bundle.attachments[0].sha256: must be a string"],
      [(b) => (b.attachments[0].size = 1.5), "bundle.attachments[0].size: must be an integer ≥ 0"],
      [(b) => (b.attachments[0].name = 1), "bundle.attachments[0].name: must be a string"],
      [(b) => (b.attachments[0].nameSalt = 1), "bundle.attachments[0].nameSalt: must be a string"],
      [(b) => (b.attachments[0].extra = ""), 'bundle.attachments[0]: unknown member "extra"'],
      [(b) => (b.withheld = "body"), "bundle.withheld: must be an array"],
      [(b) => (b.withheld = [{ path: "body", basis: "", at: "", logIndex: -1 }]), "bundle.withheld[0].logIndex: must be an integer ≥ 0"],
      [(b) => (b.withheld = [{ path: "body", basis: "", at: "", logIndex: "7" }]), "bundle.withheld[0].logIndex: must be an integer ≥ 0"],
      [(b) => (b.withheld = [{ path: 1, basis: "", at: "", logIndex: 7 }]), "bundle.withheld[0].path: must be a string"],
      [(b) => (b.withheld = [{ path: "body", basis: 1, at: "", logIndex: 7 }]), "bundle.withheld[0].basis: must be a string"],
      [(b) => (b.withheld = [{ path: "body", basis: "", at: 1, logIndex: 7 }]), "bundle.withheld[0].at: must be a string"],
      [(b) => (b.log = "log"), "bundle.log: must be an object"],
      [(b) => delete b.log.verifierKey, 'bundle.log: missing member "verifierKey"'],
      [(b) => (b.log.origin = 1), "bundle.log.origin: must be a string"],
      [(b) => (b.log.verifierKey = 1), "bundle.log.verifierKey: must be a string"],
      [(b) => (b.entry = []), "bundle.entry: must be an object"],
      [(b) => (b.entry.index = -1), "bundle.entry.index: must be an integer ≥ 0"],
      [(b) => (b.entry.leaf = 1), "bundle.entry.leaf: must be a string"],
      [(b) => (b.entry.leafHash = 1), "bundle.entry.leafHash: must be a string"],
      [(b) => (b.checkpoint = 1), "bundle.checkpoint: must be a string"],
      [(b) => (b.inclusionProof = [1]), "bundle.inclusionProof[0]: must be a string"],
      [(b) => (b.tlogProof = 1), "bundle.tlogProof: must be a string"],
      [(b) => (b.consistency = null), "bundle.consistency: must be an object"],
      [(b) => (b.consistency = { from: -1, proof: [] }), "bundle.consistency.from: must be an integer ≥ 0"],
      [(b) => (b.consistency = { from: 3, proof: {} }), "bundle.consistency.proof: must be an array"],
      [(b) => (b.consistency = { from: 3, proof: [], to: 8 }), 'bundle.consistency: unknown member "to"'],
      [(b) => (b.format = "gongshi/proof-bundles/v1"), 'bundle.format: must be "gongshi/proof-bundle/v1"'],
    ];
    for (const [mutate, message] of cases) {
      const bad = clone(bundle) as unknown as B;
      mutate(bad);
      const e = refusal(() => parseBundle(JSON.stringify(bad)));
      expect([e.code, e.message], message).toEqual(["bad-bundle", message]);
    }
  });

  it("keeps a withheld entry's pending log index as null", async () => {
    const { bundle } = await sampleLog({ withhold: ["body"] });
    const pending = clone(bundle);
    pending.withheld[0]!.logIndex = null;
    expect(parseBundle(JSON.stringify(pending)).withheld[0]).toEqual({ path: "body", basis: "《个人信息保护法》第十三条", at: "2026-04-01T02:15:30.500Z", logIndex: null });
  });

  it("takes a bundle file of exactly the size limit and refuses one byte more", async () => {
    const { bundle } = await sampleLog();
    const text = JSON.stringify(bundle);
    const padded = text + " ".repeat(MAX_BUNDLE_BYTES - text.length);
    expect(MAX_BUNDLE_BYTES).toBe(8 * 1024 * 1024);
    expect(parseBundle(padded)).toEqual(bundle);
    const e = refusal(() => parseBundle(padded + " "));
    expect([e.code, e.message]).toEqual(["bundle-too-large", `a bundle file is at most ${MAX_BUNDLE_BYTES} bytes`]);
  });

  it("leaves a malformed inclusion hash to the inclusion step instead of refusing the file", async () => {
    const { bundle } = await sampleLog();
    const bad = clone(bundle);
    bad.inclusionProof[0] = "not base64!";
    const parsed = parseBundle(JSON.stringify(bad));
    expect(parsed.inclusionProof[0]).toBe("not base64!");
    expect(verifyBundle(parsed).find((r) => r.status === "failed")).toMatchObject({ step: "inclusion", code: "bad-proof" });
  });
});
