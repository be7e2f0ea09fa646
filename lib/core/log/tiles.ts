/**
 * C2SP tlog-tiles (https://c2sp.org/tlog-tiles) with tiles of height 8.
 *
 * A level-L tile holds up to 256 consecutive hashes of Merkle level 8·L: level 0 holds leaf
 * hashes, and entry j of level L+1 is the root of the full level-L tile j. A tile of width
 * W < 256 is the partial tile at the right edge of a tree; it is a prefix of the full tile
 * it grows into, so no stored hash is ever rewritten. Any stored hash at any level is the
 * Merkle root of an aligned run of 2^s entries of one tile (s < 8), so tiles alone answer
 * every tree hash and proof, and the server can store and serve nothing else.
 */
import { LRUCache } from "lru-cache";
import { HASH_SIZE, hashChildren, type Hash } from "./hash";
import { FormatError, InputError, requireIndex } from "./errors";
import { requireSize, splitStoredHashIndex, type HashReader } from "./stored-hashes";
import { bytesEqual } from "./encoding";

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

/** A tile: its level, its number within the level, and its width (1..256). */
export interface Tile {
  readonly level: number;
  readonly n: number;
  readonly width: number;
}

/** Storage of tile data: returns, for each tile asked for, exactly width·32 bytes. */
export interface TileReader {
  readTiles(tiles: readonly Tile[]): Promise<readonly Uint8Array[]> | readonly Uint8Array[];
}

/** How many hashes of Merkle level 8·level a tree of `size` leaves has. */
function levelCount(level: number, size: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/** The tile `n` of `level` as it stands in a tree of `size` leaves, or null if it is empty. */
export function tileAt(level: number, n: number, size: number): Tile | null {
  const width = Math.min(TILE_WIDTH, levelCount(level, size) - n * TILE_WIDTH);
  return width > 0 ? { level, n, width } : null;
}

/**
 * The right edge of a tree: the last, possibly partial, tile of every non-empty level.
 * An append only ever needs these (plus the new leaves) to produce the next tiles.
 */
export function edgeTiles(size: number): Tile[] {
  requireSize(size);
  const tiles: Tile[] = [];
  for (let level = 0; levelCount(level, size) > 0; level++) {
    const count = levelCount(level, size);
    const n = Math.floor((count - 1) / TILE_WIDTH);
    tiles.push({ level, n, width: count - n * TILE_WIDTH });
  }
  return tiles;
}

/**
 * The tiles that appending leaves [oldSize, newSize) creates or extends, each at its width
 * in the new tree. Requires oldSize <= newSize.
 */
export function newTiles(oldSize: number, newSize: number): Tile[] {
  requireSize(newSize);
  requireIndex("oldSize", oldSize);
  if (oldSize > newSize) throw new InputError("bad-range", "oldSize is greater than newSize");
  const tiles: Tile[] = [];
  for (let level = 0; levelCount(level, newSize) > 0; level++) {
    const oldCount = levelCount(level, oldSize);
    const newCount = levelCount(level, newSize);
    for (let n = Math.floor(oldCount / TILE_WIDTH); n * TILE_WIDTH < newCount; n++) {
      const tile = tileAt(level, n, newSize)!;
      const old = tileAt(level, n, oldSize);
      if (old === null || old.width < tile.width) tiles.push(tile);
    }
  }
  return tiles;
}

/** The Merkle root of `count` (a power of two) hashes of `data` starting at hash `start`. */
export function tileSubtreeHash(data: Uint8Array, start: number, count: number): Hash {
  if ((start + count) * HASH_SIZE > data.length) throw new InputError("bad-tile", "tile is too short");
  let level: Hash[] = [];
  for (let i = start; i < start + count; i++) {
    level.push(data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE) as Hash);
  }
  while (level.length > 1) {
    const next: Hash[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(hashChildren(level[i]!, level[i + 1]!));
    level = next;
  }
  return level[0]!;
}

/**
 * The interior hashes of full tiles, which never change, computed once and kept in a bounded
 * LRU. Without it every stored hash at sublevel s costs 2^s − 1 hashes to recompute — about
 * 500 per proof in a million-entry log, which made proof generation 30× slower than
 * verification (docs/performance.md). One entry is the whole 511-node tree of a tile, 16 KiB.
 */
export class TileTreeCache {
  private readonly trees: LRUCache<string, Uint8Array>;
  constructor(readonly capacity = 1024) {
    this.trees = new LRUCache({ max: capacity });
  }

  /** The hash of `count` entries from `start` in the full tile `key` whose data is `data`. */
  subtreeHash(key: string, data: Uint8Array, start: number, count: number): Hash {
    let tree = this.trees.get(key);
    // Checked against the data on every use, so a cache shared by several logs (or fed a
    // different tile under the same key) can never answer with another tile's hashes.
    if (tree === undefined || !bytesEqual(tree.subarray(0, TILE_WIDTH * HASH_SIZE), data.subarray(0, TILE_WIDTH * HASH_SIZE))) {
      tree = fullTileTree(data);
      this.trees.set(key, tree);
    }
    // Row s of the tree starts after rows 0..s-1 (256 + 128 + … hashes).
    let offset = 0;
    for (let width = TILE_WIDTH; width > TILE_WIDTH / count; width /= 2) offset += width;
    const at = (offset + start / count) * HASH_SIZE;
    return tree.subarray(at, at + HASH_SIZE) as Hash;
  }
}

/** All 511 node hashes of a full tile, bottom row first. */
function fullTileTree(data: Uint8Array): Uint8Array {
  const tree = new Uint8Array((2 * TILE_WIDTH - 1) * HASH_SIZE);
  tree.set(data.subarray(0, TILE_WIDTH * HASH_SIZE));
  let read = 0;
  let write = TILE_WIDTH * HASH_SIZE;
  for (let width = TILE_WIDTH; width > 1; width /= 2) {
    for (let i = 0; i < width; i += 2) {
      const left = tree.subarray(read + i * HASH_SIZE, read + (i + 1) * HASH_SIZE) as Hash;
      const right = tree.subarray(read + (i + 1) * HASH_SIZE, read + (i + 2) * HASH_SIZE) as Hash;
      tree.set(hashChildren(left, right), write);
      write += HASH_SIZE;
    }
    read += width * HASH_SIZE;
  }
  return tree;
}

/**
 * A HashReader for a tree of `size` leaves backed by tiles: each stored hash is found in the
 * tile that holds its subtree, and every tile is read once per call. With a cache, the
 * interior hashes of full tiles are computed once per process instead of once per proof.
 */
export function tileHashReader(size: number, tiles: TileReader, cache?: TileTreeCache): HashReader {
  requireSize(size);
  return {
    async readHashes(indexes) {
      const wanted = indexes.map((index) => locate(index, size));
      const keys = [...new Map(wanted.map((w) => [tileKey(w.tile), w.tile])).values()];
      const data = await tiles.readTiles(keys);
      if (data.length !== keys.length) throw new InputError("bad-reader", "tile reader returned the wrong number of tiles");
      const byKey = new Map<string, Uint8Array>();
      keys.forEach((tile, i) => {
        const bytes = data[i]!;
        if (bytes.length !== tile.width * HASH_SIZE) {
          throw new InputError("bad-reader", `tile ${tilePath(tile)} has ${bytes.length} bytes, expected ${tile.width * HASH_SIZE}`);
        }
        byKey.set(tileKey(tile), bytes);
      });
      return wanted.map((w) => {
        const data = byKey.get(tileKey(w.tile))!;
        return cache && w.tile.width === TILE_WIDTH ? cache.subtreeHash(`${w.tile.level}/${w.tile.n}`, data, w.start, w.count) : tileSubtreeHash(data, w.start, w.count);
      });
    },
  };
}

function locate(storedIndex: number, size: number): { tile: Tile; start: number; count: number } {
  const { level, n } = splitStoredHashIndex(storedIndex);
  const tileLevel = Math.floor(level / TILE_HEIGHT);
  const count = 2 ** (level - tileLevel * TILE_HEIGHT);
  const first = n * count; // index of the subtree's first hash at Merkle level 8·tileLevel
  const tile = tileAt(tileLevel, Math.floor(first / TILE_WIDTH), size);
  if (tile === null || (first % TILE_WIDTH) + count > tile.width) {
    throw new InputError("bad-index", `stored hash ${storedIndex} is not in a tree of size ${size}`);
  }
  return { tile, start: first % TILE_WIDTH, count };
}

function tileKey(tile: Tile): string {
  return `${tile.level}/${tile.n}/${tile.width}`;
}

/**
 * The tile's path below `tile/`: `<L>/<N>[.p/<W>]`, N written as 3-digit groups with an `x`
 * before every group but the last (1234067 → x001/x234/067), per tlog-tiles.
 * `entries` gives the path of the matching entry bundle instead.
 */
export function tilePath(tile: Tile, entries = false): string {
  let groups = String(tile.n % 1000).padStart(3, "0");
  for (let n = Math.floor(tile.n / 1000); n > 0; n = Math.floor(n / 1000)) {
    groups = `x${String(n % 1000).padStart(3, "0")}/${groups}`;
  }
  const partial = tile.width < TILE_WIDTH ? `.p/${tile.width}` : "";
  return `${entries ? "entries" : tile.level}/${groups}${partial}`;
}

const TILE_PATH = /^(entries|0|[1-9][0-9]{0,1})\/((?:x[0-9]{3}\/)*)([0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/;

/** Parses a path made by tilePath; rejects anything non-canonical (leading-zero groups, W ≥ 256…). */
export function parseTilePath(path: string): { tile: Tile; entries: boolean } {
  const m = TILE_PATH.exec(path);
  if (!m) throw new FormatError("bad-tile-path", `not a tile path: ${path}`);
  const groups = [
    ...(m[2] ?? "")
      .split("/")
      .filter(Boolean)
      .map((g) => g.slice(1)),
    m[3]!,
  ];
  if (groups.length > 1 && groups[0] === "000") throw new FormatError("bad-tile-path", "tile number has a leading zero group");
  const n = groups.reduce((acc, g) => acc * 1000 + Number(g), 0);
  const width = m[4] === undefined ? TILE_WIDTH : Number(m[4]);
  if (!Number.isSafeInteger(n) || (width >= TILE_WIDTH && m[4] !== undefined)) {
    throw new FormatError("bad-tile-path", `tile path out of range: ${path}`);
  }
  const entries = m[1] === "entries";
  return { tile: { level: entries ? 0 : Number(m[1]), n, width }, entries };
}
