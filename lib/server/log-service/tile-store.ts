import "server-only";
/**
 * Tiles in Postgres: one row per (level, n, width). Only the widest row of a tile is needed
 * (narrower ones are its prefixes), so reads take the widest and slice; the committer
 * deletes a superseded partial tile in the same transaction that stores its successor
 * (the database only allows that delete when the wider row has the same prefix).
 */
import type { HashReader, Tile, TileData, TileReader } from "@/lib/core/log";
import { HASH_SIZE, TileTreeCache, tileHashReader, tilePath } from "@/lib/core/log";

/** What the tile store needs from a Prisma client or transaction. */
export interface SqlRunner {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export class MissingTileError extends Error {}

/** Reads tiles, each at least as wide as asked, sliced to the width asked for. */
export function dbTileReader(sql: SqlRunner): TileReader {
  return {
    async readTiles(tiles: readonly Tile[]) {
      if (tiles.length === 0) return [];
      const rows = await sql.$queryRawUnsafe<{ level: number; n: bigint; data: Uint8Array }[]>(
        `SELECT DISTINCT ON (level, n) level, n, data FROM tree_tile
         WHERE (level, n) IN (SELECT * FROM unnest($1::int[], $2::bigint[]))
         ORDER BY level, n, width DESC`,
        tiles.map((t) => t.level),
        tiles.map((t) => BigInt(t.n)),
      );
      const byKey = new Map(rows.map((r) => [`${r.level}/${r.n}`, r.data]));
      return tiles.map((tile) => {
        const data = byKey.get(`${tile.level}/${tile.n}`);
        if (!data || data.length < tile.width * HASH_SIZE) throw new MissingTileError(`tile ${tilePath(tile)} is not stored`);
        return data.subarray(0, tile.width * HASH_SIZE);
      });
    },
  };
}

/** Stores new tiles and drops the partial rows they supersede. */
export async function writeTiles(sql: SqlRunner, tiles: readonly TileData[]): Promise<void> {
  if (tiles.length === 0) return;
  await sql.$executeRawUnsafe(
    `INSERT INTO tree_tile (level, n, width, data)
     SELECT * FROM unnest($1::int[], $2::bigint[], $3::int[], $4::bytea[])`,
    tiles.map((t) => t.tile.level),
    tiles.map((t) => BigInt(t.tile.n)),
    tiles.map((t) => t.tile.width),
    tiles.map((t) => Buffer.from(t.data)),
  );
  await sql.$executeRawUnsafe(
    `DELETE FROM tree_tile t USING unnest($1::int[], $2::bigint[], $3::int[]) AS w(level, n, width)
     WHERE t.level = w.level AND t.n = w.n AND t.width < w.width`,
    tiles.map((t) => t.tile.level),
    tiles.map((t) => BigInt(t.tile.n)),
    tiles.map((t) => t.tile.width),
  );
}

/** Interior hashes of full tiles, shared by every proof this process serves (about 32 MiB at most). */
const fullTiles = new TileTreeCache(2048);

/** The hash reader proofs are generated from: stored tiles plus the full-tile cache. */
export function logHashReader(sql: SqlRunner, size: number): HashReader {
  return tileHashReader(size, dbTileReader(sql), fullTiles);
}
