/** Stored-hash index math and C2SP tiles: paths, append, and proofs served from tiles. */
import { describe, expect, it } from "vitest";
import {
  FormatError,
  TILE_WIDTH,
  TileTreeCache,
  concatBytes,
  hashChildren,
  tileHashReader,
  type InputError,
  type TileReader,
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

describe("tiles at the edge of a tree", () => {
  it("a tile with no entries in the tree does not exist, and a partial tile has the width the tree gives it", async () => {
    const { tileAt } = await import("@/lib/core/log");
    // The tile server asks tileAt whether a requested tile exists: tile 1 of a 256-leaf tree does not.
    expect(tileAt(0, 1, 256)).toBeNull();
    expect(tileAt(0, 0, 256)).toEqual({ level: 0, n: 0, width: 256 });
    expect(tileAt(0, 1, 257)).toEqual({ level: 0, n: 1, width: 1 });
    expect(tileAt(1, 0, 255)).toBeNull();
    expect(tileAt(1, 0, 256 * 3 + 5)).toEqual({ level: 1, n: 0, width: 3 });
    expect(tileAt(0, 5, 1000)).toBeNull();
  });

  it("an append needs a size and an old size in order", () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return [(e as InputError).constructor.name, (e as InputError).code, (e as InputError).message];
      }
      return null;
    };
    expect(code(() => newTiles(5, 4))).toEqual(["InputError", "bad-range", "oldSize is greater than newSize"]);
    expect(code(() => newTiles(-1, 4))).toEqual(["InputError", "bad-oldSize", "oldSize must be a non-negative integer, got -1"]);
    expect(code(() => newTiles(0, 2 ** 52 + 1))?.[1]).toBe("bad-size");
    expect(code(() => edgeTiles(-1))?.[1]).toBe("bad-size");
    expect(newTiles(4, 4)).toEqual([]);
    // Level-0 tiles 1..255, the level-1 tile grown from width 1 to 256, and the first level-2 tile.
    expect(newTiles(256, 256 * 256)).toHaveLength(255 + 1 + 1);
  });
});

describe("a tile-backed hash reader", () => {
  const size = 256 + 3;
  const log = new TileLog();
  log.append(leafHashes(size));
  const tileData = (level: number, n: number) => log.tile(level, n)!.data;

  /** A tile reader over `log` that records each call, optionally tampering with the answer. */
  function reader(tamper?: (out: Uint8Array[]) => Uint8Array[]) {
    const calls: string[][] = [];
    const tiles: TileReader = {
      readTiles(wanted) {
        calls.push(wanted.map((t) => tilePath(t)));
        const out = wanted.map((t) => tileData(t.level, t.n).subarray(0, t.width * 32));
        return tamper ? tamper(out) : out;
      },
    };
    return { calls, tiles };
  }

  it("reads each tile once per call, at its width in the tree", async () => {
    const { calls, tiles } = reader();
    const hashes = await tileHashReader(size, tiles).readHashes([
      storedHashIndex(0, 0),
      storedHashIndex(0, 1),
      storedHashIndex(8, 0),
      storedHashIndex(0, 258),
      storedHashIndex(1, 128),
    ]);
    expect(calls).toEqual([["0/000", "1/000.p/1", "0/001.p/3"]]);
    expect(toHex(hashes[0]!)).toBe(toHex(leafHashes(1)[0]!));
    expect(toHex(hashes[2]!)).toBe(toHex(tileData(1, 0)));
  });

  it("refuses a tile reader that answers with the wrong number of tiles or a tile of the wrong length", async () => {
    const fewer = tileHashReader(size, reader((out) => out.slice(1)).tiles);
    await expect(fewer.readHashes([storedHashIndex(0, 0), storedHashIndex(0, 257)])).rejects.toMatchObject({
      code: "bad-reader",
      message: "tile reader returned the wrong number of tiles",
    });
    const short = tileHashReader(size, reader((out) => out.map((d) => d.subarray(0, d.length - 1))).tiles);
    await expect(short.readHashes([storedHashIndex(0, 257)])).rejects.toMatchObject({ code: "bad-reader", message: "tile 0/001.p/3 has 95 bytes, expected 96" });
    const long = tileHashReader(size, reader((out) => out.map((d) => concatBytes(d, new Uint8Array(32)))).tiles);
    await expect(long.readHashes([storedHashIndex(0, 257)])).rejects.toMatchObject({ code: "bad-reader" });
  });

  it("refuses a stored hash that is not in the tree, even one in an existing partial tile", async () => {
    const tiles = tileHashReader(size, reader().tiles);
    // Leaf 259 and the pair of leaves 258–259 lie past the tree's end, inside the partial tile 0/001.p/3.
    for (const index of [storedHashIndex(0, size), storedHashIndex(1, 129), storedHashIndex(0, 256 * 2), storedHashIndex(16, 0)]) {
      await expect(tiles.readHashes([index])).rejects.toMatchObject({ code: "bad-index", message: `stored hash ${index} is not in a tree of size ${size}` });
    }
    expect(toHex((await tiles.readHashes([storedHashIndex(1, 128)]))[0]!)).toBe(toHex(hashChildren(leafHashes(258)[256]!, leafHashes(258)[257]!)));
  });

  it("keeps only full tiles in the cache: partial tiles still grow", async () => {
    const cache = new TileTreeCache();
    const tiles = tileHashReader(size, reader().tiles, cache);
    const trees = (cache as unknown as { trees: { size: number; keys(): Iterable<string> } }).trees;
    await tiles.readHashes([storedHashIndex(1, 128), storedHashIndex(0, 258)]);
    expect(trees.size).toBe(0);
    await tiles.readHashes([storedHashIndex(3, 2)]);
    expect([...trees.keys()]).toEqual(["0/0"]);
  });
});

describe("tile paths at their limits", () => {
  it("parse every level from 0 to 99 and every partial width from 1 to 255", () => {
    for (let level = 0; level < 100; level++) expect(parseTilePath(`${level}/000`)).toEqual({ tile: { level, n: 0, width: 256 }, entries: false });
    for (let width = 1; width < 256; width++) {
      expect(parseTilePath(`0/x123/456.p/${width}`)).toEqual({ tile: { level: 0, n: 123456, width }, entries: false });
    }
    for (const n of [0, 7, 10, 89, 100, 999, 1000, 1009, 90_817_263, 2 ** 53 - 1]) {
      expect(parseTilePath(tilePath({ level: 1, n, width: 256 })).tile.n).toBe(n);
    }
  });

  it("name what is wrong with a path they refuse", () => {
    const refusal = (path: string) => {
      try {
        parseTilePath(path);
      } catch (e) {
        return [(e as FormatError).code, (e as FormatError).message];
      }
      return null;
    };
    expect(refusal("100/000")).toEqual(["bad-tile-path", "not a tile path: 100/000"]);
    expect(refusal("0/x000/001")).toEqual(["bad-tile-path", "tile number has a leading zero group"]);
    expect(refusal("0/001.p/256")).toEqual(["bad-tile-path", "tile path out of range: 0/001.p/256"]);
    expect(refusal("0/001.p/999")).toEqual(["bad-tile-path", "tile path out of range: 0/001.p/999"]);
    expect(refusal("0/001.p/1000")).toEqual(["bad-tile-path", "not a tile path: 0/001.p/1000"]);
    // 2^53 is not a safe tile number, however it is written.
    expect(refusal("0/x009/x007/x199/x254/x740/992")).toEqual(["bad-tile-path", "tile path out of range: 0/x009/x007/x199/x254/x740/992"]);
    expect(refusal("entries/000.p/0")?.[0]).toBe("bad-tile-path");
  });
});
