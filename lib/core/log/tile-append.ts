/**
 * What an append writes: given the right edge of the tree (edgeTiles(oldSize)) and the new
 * leaf hashes, the tiles to store for the new size. Pure and O(batch + log n), so a committer
 * can sequence a batch reading only the edge tiles and writing only the returned ones.
 */
import { HASH_SIZE, type Hash } from "./hash";
import { InputError } from "./errors";
import { edgeTiles, newTiles, tileSubtreeHash, TILE_WIDTH, type Tile, type TileReader } from "./tiles";
import { requireSize } from "./stored-hashes";
import { concatBytes } from "./encoding";

export interface TileData {
  readonly tile: Tile;
  readonly data: Uint8Array;
}

/**
 * Requires `edge[i]` to be the data of `edgeTiles(oldSize)[i]`. Returns the data of every
 * tile in `newTiles(oldSize, oldSize + leafHashes.length)`, in that order.
 */
export function appendLeafHashes(oldSize: number, edge: readonly Uint8Array[], leafHashes: readonly Hash[]): TileData[] {
  const newSize = oldSize + leafHashes.length;
  requireSize(newSize);
  const oldEdge = edgeTiles(oldSize);
  if (edge.length !== oldEdge.length) throw new InputError("bad-edge", `expected ${oldEdge.length} edge tiles, got ${edge.length}`);
  oldEdge.forEach((tile, i) => {
    if (edge[i]!.length !== tile.width * HASH_SIZE) throw new InputError("bad-edge", `edge tile ${i} has the wrong length`);
  });

  const out = new Map<string, Uint8Array>();
  // Hashes of the current level from index `start` on: the old partial tile, then new ones.
  let incoming: Uint8Array = concatHashes(leafHashes);
  for (let level = 0; ; level++) {
    const unit = TILE_WIDTH ** level;
    const oldCount = Math.floor(oldSize / unit);
    const newCount = Math.floor(newSize / unit);
    if (newCount === oldCount) break;
    const start = Math.floor(oldCount / TILE_WIDTH) * TILE_WIDTH;
    const partial = oldCount > start ? edge[level]! : new Uint8Array(0);
    const row = concatBytes(partial, incoming);
    for (let n = start / TILE_WIDTH; n * TILE_WIDTH < newCount; n++) {
      const from = (n * TILE_WIDTH - start) * HASH_SIZE;
      const data = row.subarray(from, Math.min(row.length, from + TILE_WIDTH * HASH_SIZE));
      out.set(`${level}/${n}`, data);
    }
    // Every tile of this level completed by the append becomes one hash of the next level.
    const parents: Hash[] = [];
    const firstFull = Math.floor(oldCount / TILE_WIDTH); // first tile not yet complete before
    for (let n = firstFull; (n + 1) * TILE_WIDTH <= newCount; n++) {
      parents.push(tileSubtreeHash(row, n * TILE_WIDTH - start, TILE_WIDTH));
    }
    incoming = concatHashes(parents);
  }
  return newTiles(oldSize, newSize).map((tile) => ({ tile, data: out.get(`${tile.level}/${tile.n}`)! }));
}

/** An in-memory TileReader over a set of tiles (a tree's edge and fresh tiles, or a test log). */
export function memoryTileReader(tiles: Iterable<TileData>): TileReader {
  const byKey = new Map<string, Uint8Array>();
  for (const { tile, data } of tiles) {
    const key = `${tile.level}/${tile.n}`;
    const known = byKey.get(key);
    if (known === undefined || known.length < data.length) byKey.set(key, data);
  }
  return {
    readTiles(wanted) {
      return wanted.map((tile) => {
        const data = byKey.get(`${tile.level}/${tile.n}`);
        if (data === undefined || data.length < tile.width * HASH_SIZE) {
          throw new InputError("missing-tile", `tile ${tile.level}/${tile.n} width ${tile.width} is not available`);
        }
        return data.subarray(0, tile.width * HASH_SIZE);
      });
    },
  };
}

function concatHashes(hashes: readonly Hash[]): Uint8Array {
  const out = new Uint8Array(hashes.length * HASH_SIZE);
  hashes.forEach((h, i) => out.set(h, i * HASH_SIZE));
  return out;
}
