/** appendLeafHashes and memoryTileReader (lib/core/log/tile-append.ts): what an append is given, and what a reader of stored tiles answers. */
import { describe, expect, it } from "vitest";
import { MAX_TREE_SIZE, appendLeafHashes, edgeTiles, memoryTileReader, toHex, type TileData } from "@/lib/core/log";
import { TileLog, leafHashes, refusal } from "./helpers";
import { refMTH } from "./reference";

describe("an append", () => {
  const log = new TileLog();
  log.append(leafHashes(256 * 2 + 5));
  const edge = edgeTiles(log.size).map((t) => log.tile(t.level, t.n)!.data.subarray(0, t.width * 32));

  it("needs exactly the edge tiles of the old tree, each at its width", () => {
    expect(edge).toHaveLength(2);
    expect(refusal(() => appendLeafHashes(log.size, edge.slice(1), leafHashes(1)))).toEqual(["InputError", "bad-edge", "expected 2 edge tiles, got 1"]);
    expect(refusal(() => appendLeafHashes(log.size, [edge[0]!, edge[1]!.subarray(1)], leafHashes(1)))).toEqual(["InputError", "bad-edge", "edge tile 1 has the wrong length"]);
    expect(refusal(() => appendLeafHashes(log.size, [new Uint8Array(6 * 32), edge[1]!], leafHashes(1)))?.[1]).toBe("bad-edge");
  });

  it("cannot grow a tree past the largest supported size", () => {
    expect(refusal(() => appendLeafHashes(MAX_TREE_SIZE, [], leafHashes(1)))).toEqual(["InputError", "bad-size", `tree size ${MAX_TREE_SIZE + 1} exceeds ${MAX_TREE_SIZE}`]);
  });

  it("of nothing writes nothing, and an append to an empty tree starts from no edge", () => {
    expect(appendLeafHashes(log.size, edge, [])).toEqual([]);
    const first = appendLeafHashes(0, [], leafHashes(3));
    expect(first.map((t) => t.tile)).toEqual([{ level: 0, n: 0, width: 3 }]);
    expect(toHex(first[0]!.data)).toBe(toHex(new Uint8Array(leafHashes(3).flatMap((h) => [...h]))));
  });

  it("that completes a tile writes its root one level up, from a tile boundary too", () => {
    const hashes = leafHashes(256 * 3);
    const aligned = new TileLog();
    aligned.append(hashes.slice(0, 256));
    const written = aligned.append(hashes.slice(256, 512));
    expect(written.map((t) => t.tile)).toEqual([
      { level: 0, n: 1, width: 256 },
      { level: 1, n: 0, width: 2 },
    ]);
    expect(toHex(written[1]!.data.subarray(32))).toBe(toHex(refMTH(hashes.slice(256, 512))));
    expect(toHex(written[1]!.data.subarray(0, 32))).toBe(toHex(refMTH(hashes.slice(0, 256))));
  });
});

describe("an in-memory tile reader", () => {
  const log = new TileLog();
  const first = log.append(leafHashes(10));
  const second = log.append(leafHashes(20).slice(10));

  it("answers each tile at the width asked, from the widest copy it holds, whatever their order", () => {
    for (const tiles of [
      [...first, ...second],
      [...second, ...first],
    ]) {
      const reader = memoryTileReader(tiles);
      const [narrow, wide] = reader.readTiles([
        { level: 0, n: 0, width: 4 },
        { level: 0, n: 0, width: 20 },
      ]) as Uint8Array[];
      expect(narrow!.length).toBe(4 * 32);
      expect(toHex(wide!)).toBe(toHex(second[0]!.data));
    }
  });

  it("refuses a tile it does not hold, or holds only narrower", () => {
    const reader = memoryTileReader(first);
    expect(refusal(() => reader.readTiles([{ level: 0, n: 0, width: 11 }]))).toEqual(["InputError", "missing-tile", "tile 0/0 width 11 is not available"]);
    expect(refusal(() => reader.readTiles([{ level: 1, n: 0, width: 1 }]))?.[1]).toBe("missing-tile");
    expect((reader.readTiles([{ level: 0, n: 0, width: 10 }]) as Uint8Array[])[0]!.length).toBe(320);
  });

  it("does not replace a tile it holds with a later copy of the same width", () => {
    const other: TileData = { tile: first[0]!.tile, data: new Uint8Array(first[0]!.data.length).fill(9) };
    const reader = memoryTileReader([first[0]!, other]);
    expect(toHex((reader.readTiles([first[0]!.tile]) as Uint8Array[])[0]!)).toBe(toHex(first[0]!.data));
  });
});
