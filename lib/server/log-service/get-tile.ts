import "server-only";
/** Serves C2SP tlog-tiles resources (tiles and entry bundles) from the stored tiles and entries. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { FormatError, TILE_WIDTH, concatBytes, parseTilePath, tileAt } from "@/lib/core/log";
import { badRequest, notFound } from "@/lib/server/api/errors";
import { requireCheckpoint } from "./latest-checkpoint";
import { dbTileReader } from "./tile-store";

/** A tile or entry-bundle path (C2SP tlog-tiles), or 400 naming what is wrong with it. */
export function parseTileRequest(path: string): ReturnType<typeof parseTilePath> {
  try {
    return parseTilePath(path);
  } catch (e) {
    if (e instanceof FormatError) throw badRequest(e.message);
    throw e;
  }
}

export async function getTile(prisma: PrismaClient, path: string): Promise<Uint8Array> {
  const { tile, entries } = parseTileRequest(path);
  const cp = await requireCheckpoint(prisma);
  // A tile exists at a width only if the published tree is at least that wide there.
  const current = tileAt(tile.level, tile.n, cp.size);
  if (!current || current.width < tile.width) throw notFound(`tile ${path} is not in the published tree`);
  if (entries) return entryBundle(prisma, tile.n, tile.width);
  const [data] = await dbTileReader(prisma).readTiles([tile]);
  return data!;
}

/** Entries [n·256, n·256 + width), each as a 2-byte big-endian length and the leaf bytes. */
async function entryBundle(prisma: PrismaClient, n: number, width: number): Promise<Uint8Array> {
  const start = BigInt(n * TILE_WIDTH);
  const rows = await prisma.logEntry.findMany({
    where: { index: { gte: start, lt: start + BigInt(width) } },
    orderBy: { index: "asc" },
    select: { leaf: true },
  });
  return concatBytes(...rows.flatMap((r) => [Uint8Array.of(r.leaf.length >> 8, r.leaf.length & 255), r.leaf]));
}
