/**
 * Proof verification (lib/core/log/proof-verify.ts) against the RFC 6962 known answers: each
 * way a proof can be wrong fails with the ProofError code a verifier shows for it, and each
 * malformed argument with an InputError. test/log/proof-negatives.test.ts sweeps many more
 * trees, but only checks that some ProofError is thrown.
 */
import { describe, expect, it } from "vitest";
import { EMPTY_ROOT, RootMismatchError, fromHex, rootFromInclusionProof, toHex, verifyConsistency, verifyInclusion, type CodedError, type Hash } from "@/lib/core/log";
import { hex, readJson } from "./helpers";

interface Vectors {
  leafHashes: string[];
  roots: Record<string, string>;
  inclusion: Record<string, string[]>;
  consistency: Record<string, string[]>;
}
const v = readJson<Vectors>("rfc6962.json");
const leaf = (i: number) => hex(v.leafHashes[i]!);
const root = (size: number) => hex(v.roots[String(size)]!);
const OTHER = fromHex("ab".repeat(32)) as Hash;

function refusal(run: () => unknown): { name: string; code: string; message: string; expected?: string; computed?: string } | null {
  try {
    run();
  } catch (e) {
    const err = e as CodedError & { expected?: Uint8Array; computed?: Uint8Array };
    return {
      name: err.name,
      code: err.code,
      message: err.message,
      ...(err.expected ? { expected: toHex(err.expected), computed: toHex(err.computed!) } : {}),
    };
  }
  return null;
}

describe("an inclusion proof", () => {
  const cases = Object.entries(v.inclusion).map(([key, proof]) => {
    const [index, size] = key.split("@").map(Number) as [number, number];
    return { key, index, size, proof: proof.map(hex) };
  });

  it("leads from the leaf to the root of its tree, for every known answer", () => {
    for (const { key, index, size, proof } of cases) {
      expect(toHex(rootFromInclusionProof(index, size, leaf(index), proof)), key).toBe(v.roots[String(size)]);
    }
  });

  it("with a hash too many or too few fails as too long or too short", () => {
    for (const { key, index, size, proof } of cases) {
      expect(
        refusal(() => verifyInclusion(index, size, leaf(index), [...proof, OTHER], root(size))),
        key,
      ).toEqual({
        name: "ProofError",
        code: "proof-too-long",
        message: "inclusion proof has more hashes than the tree size allows",
      });
      if (proof.length === 0) continue;
      expect(
        refusal(() => verifyInclusion(index, size, leaf(index), proof.slice(0, -1), root(size))),
        key,
      ).toEqual({
        name: "ProofError",
        code: "proof-too-short",
        message: "inclusion proof has fewer hashes than the tree size requires",
      });
    }
  });

  it("that leads elsewhere names the trusted and the computed root", () => {
    const proof = v.inclusion["2@5"]!.map(hex);
    expect(refusal(() => verifyInclusion(2, 5, leaf(3), proof, root(5)))).toEqual({
      name: "RootMismatchError",
      code: "root-mismatch",
      message: "the proof leads to a different root hash than the trusted one",
      expected: v.roots["5"],
      computed: toHex(rootFromInclusionProof(2, 5, leaf(3), proof)),
    });
    // The proof of index 4 in 5 leaves is the root of the first four: against index 5 it is out of range.
    expect(refusal(() => verifyInclusion(5, 5, leaf(4), v.inclusion["4@5"]!.map(hex), root(5)))).toEqual({
      name: "ProofError",
      code: "index-out-of-range",
      message: "index 5 is not below tree size 5",
    });
  });

  it("is refused with an InputError for a negative index or size, or a hash that is not 32 bytes", () => {
    const proof = v.inclusion["0@2"]!.map(hex);
    expect(refusal(() => verifyInclusion(-1, 2, leaf(0), proof, root(2)))?.code).toBe("bad-index");
    expect(refusal(() => verifyInclusion(0, -2, leaf(0), proof, root(2)))).toMatchObject({ name: "InputError", code: "bad-size" });
    expect(refusal(() => verifyInclusion(0, 2, leaf(0), proof, root(2).subarray(1) as Hash))).toEqual({
      name: "InputError",
      code: "bad-hash",
      message: "every hash must be 32 bytes",
    });
    expect(refusal(() => verifyInclusion(0, 2, leaf(0).subarray(0, 31) as Hash, proof, root(2)))?.code).toBe("bad-hash");
    expect(refusal(() => verifyInclusion(0, 2, leaf(0), [new Uint8Array(33) as Hash], root(2)))?.code).toBe("bad-hash");
    // Thirty-two numbers are not a hash, even if each is a byte.
    expect(refusal(() => verifyInclusion(0, 2, leaf(0), [Array.from(proof[0]!) as unknown as Hash], root(2)))?.code).toBe("bad-hash");
  });
});

describe("a consistency proof", () => {
  const cases = Object.entries(v.consistency).map(([key, proof]) => {
    const [from, to] = key.split("->").map(Number) as [number, number];
    return { key, from, to, proof: proof.map(hex) };
  });

  it("with a hash too many or too few fails as too long or too short", () => {
    for (const { key, from, to, proof } of cases) {
      expect(
        refusal(() => verifyConsistency(from, to, [...proof, OTHER], root(from), root(to))),
        key,
      ).toEqual({
        name: "ProofError",
        code: "proof-too-long",
        message: "consistency proof has more hashes than the sizes allow",
      });
      const short = refusal(() => verifyConsistency(from, to, proof.slice(0, -1), root(from), root(to)));
      expect(short?.code, key).toBe("proof-too-short");
      expect(short?.message, key).toBe(proof.length === 1 ? "consistency proof is empty" : "consistency proof has fewer hashes than the sizes require");
    }
  });

  it("that leads elsewhere names the root it does not reach", () => {
    const proof = v.consistency["3->7"]!.map(hex);
    expect(refusal(() => verifyConsistency(3, 7, proof, OTHER, root(7)))).toMatchObject({ name: "RootMismatchError", expected: toHex(OTHER) });
    expect(refusal(() => verifyConsistency(3, 7, proof, root(3), OTHER))).toMatchObject({ name: "RootMismatchError", expected: toHex(OTHER) });
    // From a power of two the old root is the first node of the path: a wrong one changes the new root too.
    expect(refusal(() => verifyConsistency(4, 7, v.consistency["4->7"]!.map(hex), OTHER, root(7)))).toMatchObject({ code: "root-mismatch" });
    expect(() => verifyConsistency(4, 7, v.consistency["4->7"]!.map(hex), root(4), root(7))).not.toThrow();
  });

  it("between equal sizes, or from the empty tree, is empty and checks the roots", () => {
    verifyConsistency(0, 0, [], EMPTY_ROOT, EMPTY_ROOT);
    verifyConsistency(0, 5, [], EMPTY_ROOT, root(5));
    verifyConsistency(5, 5, [], root(5), root(5));
    for (const [from, to] of [
      [0, 5],
      [5, 5],
    ] as const) {
      expect(refusal(() => verifyConsistency(from, to, [OTHER], root(from), root(to)))).toEqual({
        name: "ProofError",
        code: "proof-too-long",
        message: "consistency proof must be empty for these sizes",
      });
    }
    expect(refusal(() => verifyConsistency(0, 5, [], OTHER, root(5)))).toMatchObject({ expected: toHex(EMPTY_ROOT), computed: toHex(OTHER) });
    expect(refusal(() => verifyConsistency(0, 0, [], EMPTY_ROOT, OTHER))).toMatchObject({ code: "root-mismatch", expected: toHex(EMPTY_ROOT), computed: toHex(OTHER) });
    expect(refusal(() => verifyConsistency(5, 5, [], root(5), root(4)))).toMatchObject({ code: "root-mismatch", expected: v.roots["5"], computed: v.roots["4"] });
  });

  it("is refused for sizes out of order, and with an InputError for bad arguments", () => {
    expect(refusal(() => verifyConsistency(6, 5, [], root(6), root(5)))).toEqual({ name: "ProofError", code: "size-order", message: "size 6 is greater than size 5" });
    expect(refusal(() => verifyConsistency(-1, 5, [], root(5), root(5)))?.code).toBe("bad-size1");
    expect(refusal(() => verifyConsistency(1, 2.5, [], root(1), root(2)))?.code).toBe("bad-size2");
    const proof = v.consistency["2->5"]!.map(hex);
    expect(refusal(() => verifyConsistency(2, 5, proof, root(2), root(5).subarray(2) as Hash))?.code).toBe("bad-hash");
    expect(refusal(() => verifyConsistency(2, 5, [proof[0]!, new Uint8Array(31) as Hash], root(2), root(5)))?.code).toBe("bad-hash");
    expect(refusal(() => verifyConsistency(2, 5, proof, root(2).subarray(2) as Hash, root(5)))?.code).toBe("bad-hash");
  });
});

describe("RootMismatchError", () => {
  it("is a ProofError", () => {
    expect(refusal(() => verifyInclusion(0, 1, leaf(0), [], OTHER))).toMatchObject({ name: "RootMismatchError", code: "root-mismatch" });
    expect(new RootMismatchError(OTHER, EMPTY_ROOT)).toBeInstanceOf(Error);
  });
});

describe("every proof of the RFC 6962 reference", () => {
  it("verifies, for every index, every pair of sizes up to 24 leaves", async () => {
    const { leafHashes } = await import("./helpers");
    const { refMTH, refPath, refProof } = await import("./reference");
    const hashes = leafHashes(24);
    const roots = Array.from({ length: 25 }, (_, n) => refMTH(hashes.slice(0, n)) as Hash);
    for (let size = 1; size <= 24; size++) {
      for (let index = 0; index < size; index++) {
        expect(() => verifyInclusion(index, size, hashes[index]!, refPath(index, hashes.slice(0, size)) as Hash[], roots[size]!), `${index}@${size}`).not.toThrow();
      }
      for (let from = 1; from < size; from++) {
        // 13 → 14 is the first pair whose paths meet at an even node below the root (node 6 of level 1).
        expect(() => verifyConsistency(from, size, refProof(from, hashes.slice(0, size)) as Hash[], roots[from]!, roots[size]!), `${from}->${size}`).not.toThrow();
      }
    }
  });
});
