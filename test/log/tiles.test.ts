/** Stored-hash index math and C2SP tiles: paths, append, and proofs served from tiles. */
import { describe, expect, it } from "vitest";
import {
  FormatError,
  TILE_WIDTH,
  edgeTiles,
  newTiles,
  parseTilePath,
  proveConsistency,
  proveInclusion,
  splitStoredHashIndex,
  storedHashCount,
  storedHashIndex,
  tilePath,
  toHex,
  treeHash,
} from "@/lib/core/log";
import { StoredHashLog, TileLog, leafHashes } from "./helpers";

describe("stored-hash indexes", () => {
  it("number the hashes in the order appends write them", async () => {
    const log = new StoredHashLog();
    for (const h of leafHashes(1000)) {
      expect(log.stored.length).toBe(storedHashCount(log.size));
      await log.append(h);
    }
    expect(log.stored.length).toBe(storedHashCount(1000));
    // Leaf 3 completes subtrees of 2 and 4 leaves: its hashes follow at 4, 5, 6.
    expect([storedHashIndex(0, 3), storedHashIndex(1, 1), storedHashIndex(2, 0)]).toEqual([4, 5, 6]);
  });

  it("split is the inverse of index, also for large trees", () => {
    for (let index = 0; index < 20_000; index++) {
      const { level, n } = splitStoredHashIndex(index);
      expect(storedHashIndex(level, n)).toBe(index);
    }
    for (const [level, n] of [
      [0, 2 ** 40 + 12345],
      [17, 2 ** 30 - 1],
      [40, 3],
      [0, 2 ** 51],
    ] as const) {
      expect(splitStoredHashIndex(storedHashIndex(level, n))).toEqual({ level, n });
    }
  });
});

describe("tile paths", () => {
  it("encode tile numbers in 3-digit groups with x prefixes, per tlog-tiles", () => {
    expect(tilePath({ level: 0, n: 1234067, width: 256 })).toBe("0/x001/x234/067");
    expect(tilePath({ level: 1, n: 0, width: 256 })).toBe("1/000");
    expect(tilePath({ level: 0, n: 0, width: 15 })).toBe("0/000.p/15");
    expect(tilePath({ level: 2, n: 1000, width: 7 })).toBe("2/x001/000.p/7");
    expect(tilePath({ level: 0, n: 5, width: 9 }, true)).toBe("entries/005.p/9");
  });

  it("parse what they format", () => {
    for (const tile of [
      { level: 0, n: 1234067, width: 256 },
      { level: 3, n: 999, width: 255 },
      { level: 0, n: 1000000, width: 1 },
    ]) {
      expect(parseTilePath(tilePath(tile)).tile).toEqual(tile);
    }
    expect(parseTilePath("entries/x001/002")).toEqual({ tile: { level: 0, n: 1002, width: 256 }, entries: true });
  });

  it.each([
    "0/1",
    "0/0001",
    "0/x000/001",
    "0/001.p/0",
    "0/001.p/256",
    "0/001.p/016",
    "0/x1/001",
    "-1/000",
    "00/000",
    "0/000/",
    "/0/000",
    "0/000.p/",
    "a/000",
    "0/001.p/15/",
    "0/x001/x002",
  ])("reject the non-canonical path %s", (path) => {
    expect(() => parseTilePath(path)).toThrow(FormatError);
  });
});

describe("tiles", () => {
  it("list the tiles an append creates or extends", () => {
    expect(newTiles(0, 1)).toEqual([{ level: 0, n: 0, width: 1 }]);
    expect(newTiles(255, 257)).toEqual([
      { level: 0, n: 0, width: 256 },
      { level: 0, n: 1, width: 1 },
      { level: 1, n: 0, width: 1 },
    ]);
    expect(newTiles(300, 300)).toEqual([]);
    expect(edgeTiles(256 * 256 + 3)).toEqual([
      { level: 0, n: 256, width: 3 },
      { level: 1, n: 0, width: 256 },
      { level: 2, n: 0, width: 1 },
    ]);
  });

  it("append in batches of any size to the same tiles as one leaf at a time", async () => {
    const total = 256 * 256 + 700; // three levels of tiles
    const hashes = leafHashes(total);
    const single = new TileLog();
    for (const h of hashes.slice(0, 600)) single.append([h]);
    const batched = new TileLog();
    let at = 0;
    const batches = [1, 2, 255, 1, 300, 41, 256 * 256, 1, 253, 1000, 700];
    for (const b of batches) {
      const n = Math.min(b, total - at);
      batched.append(hashes.slice(at, at + n));
      at += n;
    }
    expect(at).toBe(total);
    for (const n of [0, 1]) expect(toHex(batched.tile(0, n)!.data)).toBe(toHex(single.tile(0, n)!.data));
    // Level-0 tiles are exactly the leaf hashes; level 1 entry j is the root of level-0 tile j.
    expect(toHex(batched.tile(0, 256)!.data.subarray(0, 32))).toBe(toHex(hashes[256 * 256]!));
    const stored = new StoredHashLog();
    for (const h of hashes) await stored.append(h);
    const tiles = batched.reader();
    expect(toHex(await treeHash(total, tiles))).toBe(toHex(await treeHash(total, stored)));
    for (const index of [0, 255, 256, 65535, 65536, total - 1]) {
      expect((await proveInclusion(index, total, tiles)).map(toHex)).toEqual((await proveInclusion(index, total, stored)).map(toHex));
    }
    for (const [from, to] of [
      [1, total],
      [256, total],
      [65536, total],
      [1000, 66000],
      [total - 1, total],
    ] as const) {
      const fromTiles = await proveConsistency(from, to, batched.reader(to));
      expect(fromTiles.map(toHex)).toEqual((await proveConsistency(from, to, stored)).map(toHex));
    }
    expect(batched.tile(2, 0)!.data.length).toBe(32);
    expect(batched.tile(1, 0)!.data.length).toBe(TILE_WIDTH * 32);
  });
});

describe("the full-tile cache", () => {
  it("gives the same hashes and proofs as recomputing, and stays within its capacity", async () => {
    const { TileTreeCache, tileHashReader, memoryTileReader } = await import("@/lib/core/log");
    const total = 256 * 20 + 77;
    const log = new TileLog();
    log.append(leafHashes(total));
    const plain = log.reader();
    const tiles = Array.from({ length: 21 }, (_, n) => log.tile(0, n)!).concat([log.tile(1, 0)!]);
    const cache = new TileTreeCache(4);
    const cached = tileHashReader(total, memoryTileReader(tiles), cache);
    for (const index of [0, 1, 255, 256, 1000, 2047, 4096, 5119, 5120, total - 1]) {
      expect((await proveInclusion(index, total, cached)).map(toHex), `index ${index}`).toEqual((await proveInclusion(index, total, plain)).map(toHex));
    }
    expect(toHex(await treeHash(total, cached))).toBe(toHex(await treeHash(total, plain)));
    expect((await proveConsistency(300, total, cached)).map(toHex)).toEqual((await proveConsistency(300, total, plain)).map(toHex));
    expect((cache as unknown as { trees: Map<string, Uint8Array> }).trees.size).toBeLessThanOrEqual(4);

    // Another log through the same cache: same tile keys, different data, its own hashes.
    const other = new TileLog();
    other.append(leafHashes(total + 1).slice(1));
    const otherTiles = Array.from({ length: 21 }, (_, n) => other.tile(0, n)!).concat([other.tile(1, 0)!]);
    const otherCached = tileHashReader(total, memoryTileReader(otherTiles), cache);
    expect(toHex(await treeHash(total, otherCached))).toBe(toHex(await treeHash(total, other.reader())));
  });
});
