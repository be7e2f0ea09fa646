/**
 * What the fast path reads from the database, with the caches that make repeated reads free.
 * Tiles (each at the width asked for), entries and entry bundles never change once the head
 * covers them, so they are kept in memory, bounded in bytes (lru-cache); the interior hashes of
 * full tiles are kept as lib/core/log's TileTreeCache does for every proof. Queries are the same as
 * the route handlers' services make (lib/server/log-service), through `pg` directly.
 */
import { LRUCache } from "lru-cache";
import { TILE_WIDTH, TileTreeCache, splitStoredHashIndex, tileHashReader, type Hash, type HashReader, type Tile, type TileReader } from "@/lib/core/log";
import { dbTileReader, type SqlRunner } from "@/lib/server/log-service/tile-store";
import type { LogHead } from "./log-head";
import type { PublicReads } from "./public-read-pool";

const MiB = 1024 * 1024;

/** Bounds, in bytes: tile data, answer bodies (entries, bundles, proofs). */
export interface CacheSizes {
  tileBytes: number;
  answerBytes: number;
  /** Full-tile trees (16 KiB each): 4,096 covers every level-0 tile of a 1,048,576-entry log. */
  tileTrees: number;
  /** Hashes of subtrees of 8 leaves or more (32 bytes and about 100 of bookkeeping each): 262,144 covers a 1,048,576-entry log. */
  subtreeHashes: number;
}

export const DEFAULT_CACHE_SIZES: CacheSizes = { tileBytes: 48 * MiB, answerBytes: 32 * MiB, tileTrees: 4096, subtreeHashes: 262_144 };

export class LogReads {
  private readonly sql: SqlRunner;
  private readonly tiles: LRUCache<string, Uint8Array>;
  readonly answers: LRUCache<string, Uint8Array>;
  private readonly trees: TileTreeCache;
  private readonly subtrees: LRUCache<number, Hash>;
  private readonly tileReader: TileReader;

  constructor(
    private readonly pool: PublicReads,
    sizes: CacheSizes = DEFAULT_CACHE_SIZES,
  ) {
    this.sql = {
      $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await pool.query(query, values)).rows as T,
      $executeRawUnsafe: async () => {
        throw new Error("the public read path does not write");
      },
    };
    this.tiles = new LRUCache({ maxSize: sizes.tileBytes, sizeCalculation: (data) => Math.max(1, data.length) });
    this.answers = new LRUCache({ maxSize: sizes.answerBytes, sizeCalculation: (data) => Math.max(1, data.length) });
    this.trees = new TileTreeCache(sizes.tileTrees);
    this.subtrees = new LRUCache({ max: sizes.subtreeHashes });
    const stored = dbTileReader(this.sql);
    const cache = this.tiles;
    this.tileReader = {
      // Tiles already held come from memory; the rest in one query, as dbTileReader reads them.
      async readTiles(wanted: readonly Tile[]) {
        const key = (t: Tile) => `${t.level}/${t.n}/${t.width}`;
        const found = new Map<string, Uint8Array>();
        const missing: Tile[] = [];
        for (const t of wanted) {
          const data = cache.get(key(t));
          if (data) found.set(key(t), data);
          else missing.push(t);
        }
        if (missing.length > 0) {
          const read = await stored.readTiles(missing);
          missing.forEach((t, i) => {
            found.set(key(t), read[i]!);
            cache.set(key(t), read[i]!);
          });
        }
        return wanted.map((t) => found.get(key(t))!);
      },
    };
  }

  /** The latest checkpoint with its cosignatures, in the order they were collected. */
  async head(): Promise<LogHead | null> {
    const { rows } = await this.pool.query<{ size: string; note: string; cosignatures: string }>(
      `SELECT c.size::text AS size, c.note,
              COALESCE((SELECT string_agg(s.signature || E'\\n', '' ORDER BY s.id) FROM cosignature s WHERE s.checkpoint_size = c.size), '') AS cosignatures
       FROM checkpoint c ORDER BY c.size DESC LIMIT 1`,
    );
    const row = rows[0];
    return row ? { size: Number(row.size), note: row.note + row.cosignatures } : null;
  }

  /** Tile data at the tile's width (the widest stored row, sliced). */
  async tile(tile: Tile): Promise<Uint8Array> {
    const [data] = await this.tileReader.readTiles([tile]);
    return data!;
  }

  /**
   * The hash reader proofs for a tree of `size` are made from: memory first, then stored tiles.
   * A stored hash names a complete subtree, whose hash is the same in every tree that has it
   * (the log only appends), so it is kept across proofs and sizes. Without this, each proof
   * recomputed the right edge's subtrees from the partial tiles (up to 127 hashes a tile) and
   * compared whole tiles against the tile-tree cache: most of a warm proof's CPU time.
   */
  hashReader(size: number): HashReader {
    const tiles = tileHashReader(size, this.tileReader, this.trees);
    const kept = this.subtrees;
    return {
      async readHashes(indexes) {
        const hashes: Hash[] = new Array(indexes.length);
        const missing: number[] = [];
        const at: number[] = [];
        indexes.forEach((index, i) => {
          const hash = kept.get(index);
          if (hash) hashes[i] = hash;
          else {
            missing.push(index);
            at.push(i);
          }
        });
        if (missing.length > 0) {
          const read = await tiles.readHashes(missing);
          read.forEach((hash, k) => {
            hashes[at[k]!] = hash;
            // A copy: the hash may be a view into a whole tile, which must not outlive its own cache.
            if (worthKeeping(missing[k]!, size)) kept.set(missing[k]!, hash.slice() as Hash);
          });
        }
        return hashes;
      },
    };
  }

  /** Entry `index`'s leaf and leaf hash; throws (a 500, as Prisma's findUniqueOrThrow did) if it is not stored. */
  async entry(index: number): Promise<{ leaf: Uint8Array; leafHash: Uint8Array }> {
    const { rows } = await this.pool.query<{ leaf: Buffer; leaf_hash: Buffer }>("SELECT leaf, leaf_hash FROM log_entry WHERE index = $1", [String(index)]);
    if (!rows[0]) throw new Error(`log entry ${index} is not stored`);
    return { leaf: rows[0].leaf, leafHash: rows[0].leaf_hash };
  }

  /** Leaves [n·256, n·256 + width), in order. */
  async bundleLeaves(n: number, width: number): Promise<Uint8Array[]> {
    const start = n * TILE_WIDTH;
    const { rows } = await this.pool.query<{ leaf: Buffer }>("SELECT leaf FROM log_entry WHERE index >= $1 AND index < $2 ORDER BY index", [String(start), String(start + width)]);
    return rows.map((r) => r.leaf);
  }
}

/**
 * Subtrees of 8 leaves and more (a quarter of a million in a million-entry log), and any in the
 * tree's unfinished right edge, where every proof for the same size looks and where the hash is
 * otherwise recomputed from a partial tile each time. Smaller subtrees inside full tiles come
 * cheaply from the tile-tree cache.
 */
function worthKeeping(index: number, size: number): boolean {
  const { level, n } = splitStoredHashIndex(index);
  if (level >= 3) return true;
  const block = TILE_WIDTH ** (Math.floor(level / 8) + 1);
  return n * 2 ** level >= size - (size % block);
}
