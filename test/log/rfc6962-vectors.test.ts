/** Known answers from outside the project: the standard 8-leaf RFC 6962 tree. */
import { describe, expect, it } from "vitest";
import { EMPTY_ROOT, hashLeaf, proveConsistency, proveInclusion, toHex, treeHash, verifyConsistency, verifyInclusion, fromHex } from "@/lib/core/log";
import { StoredHashLog, TileLog, hex, readJson } from "./helpers";

interface Vectors {
  leafInputs: string[];
  leafHashes: string[];
  roots: Record<string, string>;
  inclusion: Record<string, string[]>;
  consistency: Record<string, string[]>;
}
const v = readJson<Vectors>("rfc6962.json");

async function logs() {
  const stored = new StoredHashLog();
  const tiles = new TileLog();
  for (const input of v.leafInputs) {
    const h = hashLeaf(fromHex(input));
    await stored.append(h);
    tiles.append([h]);
  }
  return { stored, tiles };
}

describe("RFC 6962 known answers", () => {
  it("hashes every leaf input to the known leaf hash", () => {
    v.leafInputs.forEach((input, i) => expect(toHex(hashLeaf(fromHex(input)))).toBe(v.leafHashes[i]));
  });

  it("has the empty-tree root SHA-256('')", () => {
    expect(toHex(EMPTY_ROOT)).toBe(v.roots["0"]);
  });

  it("computes every root for sizes 0..8 from stored hashes and from tiles", async () => {
    const { stored, tiles } = await logs();
    for (const [size, root] of Object.entries(v.roots)) {
      expect(toHex(await treeHash(Number(size), stored))).toBe(root);
      expect(toHex(await treeHash(Number(size), tiles.reader(Number(size))))).toBe(root);
    }
  });

  it("generates and verifies every inclusion proof", async () => {
    const { stored, tiles } = await logs();
    expect(Object.keys(v.inclusion).length).toBe(36);
    for (const [key, expected] of Object.entries(v.inclusion)) {
      const [index, size] = key.split("@").map(Number) as [number, number];
      const proof = await proveInclusion(index, size, stored);
      expect(proof.map(toHex), key).toEqual(expected);
      expect((await proveInclusion(index, size, tiles.reader(size))).map(toHex), key).toEqual(expected);
      verifyInclusion(index, size, hex(v.leafHashes[index]!), expected.map(hex), hex(v.roots[String(size)]!));
    }
  });

  it("generates and verifies every consistency proof", async () => {
    const { stored } = await logs();
    expect(Object.keys(v.consistency).length).toBeGreaterThan(0);
    for (const [key, expected] of Object.entries(v.consistency)) {
      const [from, to] = key.split("->").map(Number) as [number, number];
      expect((await proveConsistency(from, to, stored)).map(toHex), key).toEqual(expected);
      verifyConsistency(from, to, expected.map(hex), hex(v.roots[String(from)]!), hex(v.roots[String(to)]!));
    }
  });
});
