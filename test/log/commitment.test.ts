/** Salted field commitments (lib/core/log/commitment.ts): what commitValue refuses, and what counts as well formed. */
import { describe, expect, it } from "vitest";
import { SALT_SIZE, commitValue, isWellFormed, toHex } from "@/lib/core/log";
import { refusal } from "./helpers";

describe("commitValue", () => {
  const salt = new Uint8Array(SALT_SIZE).fill(3);

  it("refuses a salt that is not 32 bytes of a Uint8Array, saying how long a salt is", () => {
    expect(refusal(() => commitValue(new Uint8Array(31), "x"))).toEqual(["InputError", "bad-salt", "a salt is 32 bytes"]);
    // Thirty-two numbers in an array are not a salt, even though they have the right length.
    expect(refusal(() => commitValue(Array.from(salt) as unknown as Uint8Array, "x"))).toEqual(["InputError", "bad-salt", "a salt is 32 bytes"]);
  });

  it("refuses a value that is not a string, or holds a lone surrogate", () => {
    expect(refusal(() => commitValue(salt, 5 as unknown as string))).toEqual(["InputError", "bad-value", "a committed value must be a string"]);
    expect(refusal(() => commitValue(salt, "\udfff"))).toEqual(["InputError", "bad-value", "a committed value must not contain lone surrogates"]);
  });

  it("commits to any well-formed string, the empty one included", () => {
    expect(toHex(commitValue(salt, ""))).not.toBe(toHex(commitValue(salt, "\u0000")));
    expect(commitValue(salt, "😀")).toHaveLength(32);
  });
});

describe("isWellFormed", () => {
  it("is false exactly when a string holds a surrogate that is not part of a pair", () => {
    for (const s of ["", "a", "公示", "😀", "\ud800\udc00", "\udbff\udfff", "\ud7ff\ue000"]) expect(isWellFormed(s), JSON.stringify(s)).toBe(true);
    for (const s of ["\ud800", "\udfff", "a\udc00", "\ud83d😀\ude00", "😀\ud83d"]) expect(isWellFormed(s), JSON.stringify(s)).toBe(false);
  });
});
