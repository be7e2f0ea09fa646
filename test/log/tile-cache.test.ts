/**
 * TileTreeCache (lib/core/log/tiles.ts) on its own: every subtree of a full tile against the
 * RFC 6962 reference, a different tile under the same key, and the bounded, least recently
 * used eviction. tiles.test.ts covers the cache through proofs; these pin each part of it.
 */
import { describe, expect, it } from "vitest";
import { TileTreeCache, concatBytes, tileSubtreeHash, toHex, type Hash } from "@/lib/core/log";
import { leafHashes, refusal } from "./helpers";
import { refMTH } from "./reference";

const TILE = 256;
const hashesA = leafHashes(TILE);
const hashesB = leafHashes(TILE + 1).slice(1);
const dataA = concatBytes(...hashesA);
const dataB = concatBytes(...hashesB);

function trees(cache: TileTreeCache): Pick<Map<string, Uint8Array>, "keys" | "get" | "size"> {
  return (cache as unknown as { trees: Pick<Map<string, Uint8Array>, "keys" | "get" | "size"> }).trees;
}

describe("the full-tile cache", () => {
  it("answers every aligned subtree of a tile with its Merkle root", () => {
    const cache = new TileTreeCache();
    for (let count = 1; count <= TILE; count *= 2) {
      for (const start of new Set([0, count, TILE / 2, TILE - count])) {
        if (start % count !== 0 || start + count > TILE) continue;
        const want = toHex(refMTH(hashesA.slice(start, start + count)));
        expect(toHex(cache.subtreeHash("0/0", dataA, start, count)), `${count}@${start}`).toBe(want);
        expect(toHex(tileSubtreeHash(dataA, start, count)), `${count}@${start}`).toBe(want);
      }
    }
  });

  it("never answers with another tile's hashes under the same key", () => {
    const cache = new TileTreeCache();
    expect(toHex(cache.subtreeHash("0/0", dataA, 0, TILE))).toBe(toHex(refMTH(hashesA)));
    expect(toHex(cache.subtreeHash("0/0", dataB, 0, TILE))).toBe(toHex(refMTH(hashesB)));
    expect(toHex(cache.subtreeHash("0/0", dataB, 4, 2))).toBe(toHex(refMTH(hashesB.slice(4, 6))));
    // Only the last hash differs: the whole tile is compared, not a prefix.
    const lastChanged = concatBytes(...hashesA.slice(0, -1), hashesB[0]!);
    expect(toHex(cache.subtreeHash("0/0", dataA, 0, TILE))).toBe(toHex(refMTH(hashesA)));
    expect(toHex(cache.subtreeHash("0/0", lastChanged, 0, TILE))).toBe(toHex(refMTH([...hashesA.slice(0, -1), hashesB[0]!])));
    expect(toHex(cache.subtreeHash("0/0", lastChanged, TILE - 2, 2))).toBe(toHex(refMTH([hashesA[TILE - 2]!, hashesB[0]!])));
  });

  it("keeps at most its capacity, dropping the least recently used tile", () => {
    const cache = new TileTreeCache(2);
    expect(cache.capacity).toBe(2);
    cache.subtreeHash("0/0", dataA, 0, 1);
    cache.subtreeHash("0/1", dataB, 0, 1);
    cache.subtreeHash("0/0", dataA, 0, 1); // 0/0 is now the most recent
    cache.subtreeHash("0/2", dataA, 0, 1);
    // 0/1, the least recently used, is gone (the map's own iteration order is its business).
    expect([...trees(cache).keys()].sort()).toEqual(["0/0", "0/2"]);
    // A tile whose data changed under a key replaces it, and the cache does not grow.
    cache.subtreeHash("0/2", dataB, 0, 1);
    expect(trees(cache).size).toBeLessThanOrEqual(2);
    expect(toHex(trees(cache).get("0/2")!.subarray(0, 32))).toBe(toHex(hashesB[0]!));
    expect(new TileTreeCache().capacity).toBe(1024);
  });

  it("is reused while the data matches", () => {
    const cache = new TileTreeCache(2);
    cache.subtreeHash("0/0", dataA, 0, TILE);
    const tree = trees(cache).get("0/0");
    cache.subtreeHash("0/0", new Uint8Array(dataA), 0, 2);
    expect(trees(cache).get("0/0")).toBe(tree);
  });
});

describe("a subtree of tile data", () => {
  it("needs the data to reach the subtree's last hash", () => {
    const short = dataA.subarray(0, 8 * 32);
    expect(toHex(tileSubtreeHash(short, 0, 8))).toBe(toHex(refMTH(hashesA.slice(0, 8))));
    expect(refusal(() => tileSubtreeHash(short, 4, 8))).toEqual(["InputError", "bad-tile", "tile is too short"]);
    expect(refusal(() => tileSubtreeHash(short.subarray(0, 8 * 32 - 1), 0, 8))).toEqual(["InputError", "bad-tile", "tile is too short"]);
    expect(tileSubtreeHash(short, 7, 1) satisfies Hash).toEqual(hashesA[7]);
  });
});
