/** The error kinds of the verifiable core: the code and name a caller or the CLI shows, and the index precondition. */
import { describe, expect, it } from "vitest";
import { CodedError, FormatError, InputError, ProofError, RootMismatchError, requireIndex, verifyInclusion, toHex } from "@/lib/core/log";
import { hex, readJson } from "./helpers";

describe("coded errors", () => {
  it("carry their code and message, and are named after their class", () => {
    for (const [Kind, name] of [
      [InputError, "InputError"],
      [ProofError, "ProofError"],
      [FormatError, "FormatError"],
    ] as const) {
      const e = new Kind("some-code", "what went wrong");
      expect(e).toBeInstanceOf(CodedError);
      expect(e).toBeInstanceOf(Error);
      expect(e.code).toBe("some-code");
      expect(e.message).toBe("what went wrong");
      expect(e.name).toBe(name);
    }
  });

  it("a proof leading to another root is a root mismatch carrying both roots", () => {
    // RFC 6962 vector tree: leaf 0 of the 8-leaf tree, checked against the root of size 7.
    const v = readJson<{ leafHashes: string[]; roots: Record<string, string>; inclusion: Record<string, string[]> }>("rfc6962.json");
    let caught: unknown;
    try {
      verifyInclusion(0, 8, hex(v.leafHashes[0]!), v.inclusion["0@8"]!.map(hex), hex(v.roots["7"]!));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RootMismatchError);
    expect(caught).toBeInstanceOf(ProofError);
    const e = caught as RootMismatchError;
    expect(e.code).toBe("root-mismatch");
    expect(e.name).toBe("RootMismatchError");
    expect(e.message).toBe("the proof leads to a different root hash than the trusted one");
    expect(toHex(e.expected)).toBe(v.roots["7"]);
    expect(toHex(e.computed)).toBe(v.roots["8"]);
  });
});

describe("requireIndex", () => {
  it("accepts zero and the largest safe integer", () => {
    expect(() => requireIndex("size", 0)).not.toThrow();
    expect(() => requireIndex("size", Number.MAX_SAFE_INTEGER)).not.toThrow();
  });

  it("refuses negative, fractional, unsafe and non-numbers, naming the parameter", () => {
    for (const value of [-1, 0.5, Number.MAX_SAFE_INTEGER + 1, NaN, Infinity]) {
      let caught: unknown;
      try {
        requireIndex("index", value);
      } catch (e) {
        caught = e;
      }
      expect(caught, String(value)).toBeInstanceOf(InputError);
      expect((caught as InputError).code).toBe("bad-index");
      expect((caught as InputError).message).toBe(`index must be a non-negative integer, got ${String(value)}`);
    }
  });
});
