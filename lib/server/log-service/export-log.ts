/**
 * The log as static files, in the C2SP tlog-tiles layout (https://c2sp.org/tlog-tiles), so that
 * any web server, object store or CDN can serve it (docs/log-export.md):
 *
 *   DIR/checkpoint                   the newest checkpoint, with its witnesses' cosignatures
 *   DIR/tile/<L>/<N>[.p/<W>]         hash tiles
 *   DIR/tile/entries/<N>[.p/<W>]     entry bundles (each leaf as a 2-byte length and its bytes)
 *
 * Incremental: the checkpoint already in DIR says how far an earlier run got, and only the tiles
 * the log grew since (newTiles) are written. Every file is written to a temporary name and
 * renamed, and the checkpoint last, so a reader — or a run killed half-way — never finds a
 * checkpoint whose tiles are missing; a killed run is finished by the next one, which writes the
 * same bytes again. Partial tiles of earlier sizes are left in place: a client holding an older
 * checkpoint may still ask for them, and the spec allows keeping them.
 *
 * Nothing is written that does not check out: the checkpoint must verify under the log's key and
 * belong to the same log as the one already exported (same origin, not smaller); each level-0
 * tile must hold the hashes of its entry bundle's leaves, each higher tile the roots of the full
 * tiles beneath it (read back from DIR, where they were checked), and the tree those tiles make
 * must have the checkpoint's root.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  HASH_SIZE,
  TILE_WIDTH,
  bytesEqual,
  concatBytes,
  hashLeaf,
  newTiles,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  tileHashReader,
  tilePath,
  tileSubtreeHash,
  treeHash,
  type Tile,
  type TileReader,
} from "@/lib/core/log";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireCosignedCheckpoint } from "@/lib/server/witnessing/cosigned-checkpoint";
import { dbTileReader } from "./tile-store";

export interface ExportResult {
  /** The tree size of the checkpoint now in DIR. */
  size: number;
  /** The size the previous export had reached (0 for a new directory). */
  previousSize: number;
  tiles: number;
  bundles: number;
  /** Whether DIR/checkpoint was (re)written: a new size or new cosignatures. */
  checkpointWritten: boolean;
}

export class ExportError extends Error {}

type ReadTile = Tile & { data: Uint8Array };

/** Tiles are read, checked and written this many at a time, so memory stays bounded at any size. */
const BATCH = 64;

export async function exportLog(prisma: PrismaClient, dir: string, verifierKey: string): Promise<ExportResult> {
  const verifier = parseVerifierKey(verifierKey);
  const cp = await requireCosignedCheckpoint(prisma);
  const head = parseCheckpoint(openNote(cp.note, [verifier]).text);
  const previous = await exportedCheckpoint(dir, verifier);
  if (previous && previous.checkpoint.origin !== head.origin) {
    throw new ExportError(`${dir} holds the log "${previous.checkpoint.origin}", not "${head.origin}": export to an empty directory`);
  }
  const previousSize = previous?.checkpoint.size ?? 0;
  if (previousSize > head.size) throw new ExportError(`${dir} holds a checkpoint of size ${previousSize}, larger than the log's ${head.size}: refusing to go back`);

  const todo = newTiles(previousSize, head.size).sort((a, b) => a.level - b.level || a.n - b.n);
  let bundles = 0;
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = todo.slice(i, i + BATCH);
    const data = await dbTileReader(prisma).readTiles(batch);
    const tiles: ReadTile[] = batch.map((tile, j) => ({ ...tile, data: data[j]! }));
    const level0 = tiles.filter((t) => t.level === 0);
    const entryBundles = await readBundles(prisma, level0);
    // In level order, so the tiles a higher tile is checked against are already written.
    for (const tile of tiles) {
      if (tile.level === 0) {
        checkLeafTile(tile, entryBundles.get(tile.n)!);
        await writeAtomically(join(dir, "tile", tilePath(tile, true)), encodeBundle(entryBundles.get(tile.n)!));
      } else {
        await checkUpperTile(dir, tile);
      }
      await writeAtomically(join(dir, "tile", tilePath(tile)), tile.data);
    }
    bundles += level0.length;
  }

  if (head.size > 0) {
    const root = await treeHash(head.size, tileHashReader(head.size, fileTileReader(dir)));
    if (!bytesEqual(root, head.rootHash))
      throw new ExportError(`the exported tiles make root ${Buffer.from(root).toString("base64")}, but the checkpoint says ${Buffer.from(head.rootHash).toString("base64")}`);
  }
  const checkpointWritten = previous?.text !== cp.note;
  if (checkpointWritten) await writeAtomically(join(dir, "checkpoint"), new TextEncoder().encode(cp.note));
  return { size: head.size, previousSize, tiles: todo.length, bundles, checkpointWritten };
}

async function exportedCheckpoint(dir: string, verifier: ReturnType<typeof parseVerifierKey>) {
  let text: string;
  try {
    text = await readFile(join(dir, "checkpoint"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    return { text, checkpoint: parseCheckpoint(openNote(text, [verifier]).text) };
  } catch (error) {
    throw new ExportError(`${join(dir, "checkpoint")} is not a checkpoint of this log's key: ${(error as Error).message}`);
  }
}

/** The leaves of each level-0 tile, read in one range query per batch. */
async function readBundles(prisma: PrismaClient, tiles: readonly Tile[]): Promise<Map<number, Uint8Array[]>> {
  const bundles = new Map<number, Uint8Array[]>(tiles.map((t) => [t.n, []]));
  if (tiles.length === 0) return bundles;
  const first = BigInt(tiles[0]!.n * TILE_WIDTH);
  const last = tiles.at(-1)!;
  const end = BigInt(last.n * TILE_WIDTH + last.width);
  const rows = await prisma.logEntry.findMany({ where: { index: { gte: first, lt: end } }, orderBy: { index: "asc" }, select: { index: true, leaf: true } });
  for (const row of rows) {
    const n = Math.floor(Number(row.index) / TILE_WIDTH);
    const tile = tiles.find((t) => t.n === n);
    // Only entries of the tiles asked for, up to each tile's width.
    if (tile && Number(row.index) < n * TILE_WIDTH + tile.width) bundles.get(n)!.push(row.leaf);
  }
  return bundles;
}

function checkLeafTile(tile: ReadTile, leaves: readonly Uint8Array[]): void {
  if (leaves.length !== tile.width) throw new ExportError(`tile ${tilePath(tile)}: ${leaves.length} entries stored for ${tile.width} hashes`);
  leaves.forEach((leaf, i) => {
    if (!bytesEqual(hashLeaf(leaf), tile.data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE))) {
      throw new ExportError(`tile ${tilePath(tile)}: hash ${i} is not the hash of entry ${tile.n * TILE_WIDTH + i}`);
    }
  });
}

/** Each hash of a level-L tile is the root of a full level-(L-1) tile, already exported. */
async function checkUpperTile(dir: string, tile: ReadTile): Promise<void> {
  for (let i = 0; i < tile.width; i++) {
    const child: Tile = { level: tile.level - 1, n: tile.n * TILE_WIDTH + i, width: TILE_WIDTH };
    const data = await readFile(join(dir, "tile", tilePath(child))).catch(() => null);
    if (!data || data.length !== TILE_WIDTH * HASH_SIZE) throw new ExportError(`tile ${tilePath(tile)}: ${tilePath(child)} is missing from ${dir}`);
    if (!bytesEqual(tileSubtreeHash(data, 0, TILE_WIDTH), tile.data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE))) {
      throw new ExportError(`tile ${tilePath(tile)}: hash ${i} is not the root of ${tilePath(child)}`);
    }
  }
}

/** Tiles as exported: what a client of DIR would read. */
function fileTileReader(dir: string): TileReader {
  return { readTiles: (tiles) => Promise.all(tiles.map(async (tile) => new Uint8Array(await readFile(join(dir, "tile", tilePath(tile)))))) };
}

function encodeBundle(leaves: readonly Uint8Array[]): Uint8Array {
  return concatBytes(...leaves.flatMap((leaf) => [Uint8Array.of(leaf.length >> 8, leaf.length & 255), leaf]));
}

async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
