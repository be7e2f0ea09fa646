/** Test helpers: in-memory logs built through lib/core/log's own append paths. */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { fileURLToPath } from "node:url";
import {
  appendLeafHashes,
  edgeTiles,
  FormatError,
  type CodedError,
  fromHex,
  hashLeaf,
  memoryTileReader,
  storedHashesForLeaf,
  tileHashReader,
  type Hash,
  type HashReader,
  type TileData,
} from "@/lib/core/log";

export function testdata(name: string): string {
  return fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
}

export function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(testdata(name), "utf8")) as T;
}

export const hex = (h: string) => fromHex(h) as Hash;

/** Leaf hashes of n distinct deterministic entries. */
export function leafHashes(n: number): Hash[] {
  return Array.from({ length: n }, (_, i) => hashLeaf(new TextEncoder().encode(`entry ${i}`)));
}

/** A log kept as the flat list of stored hashes, grown one leaf at a time. */
export class StoredHashLog implements HashReader {
  readonly stored: Hash[] = [];
  size = 0;
  async append(leafHash: Hash): Promise<void> {
    this.stored.push(...(await storedHashesForLeaf(this.size, leafHash, this)));
    this.size++;
  }
  readHashes(indexes: readonly number[]): Hash[] {
    return indexes.map((i) => {
      const h = this.stored[i];
      if (h === undefined) throw new Error(`no stored hash ${i}`);
      return h;
    });
  }
}

/** A log kept as tiles, grown in batches exactly as a committer would. */
export class TileLog {
  private tiles = new Map<string, TileData>();
  size = 0;
  append(batch: readonly Hash[]): TileData[] {
    const edge = edgeTiles(this.size).map((t) => this.tiles.get(`${t.level}/${t.n}`)!.data.subarray(0, t.width * 32));
    const written = appendLeafHashes(this.size, edge, batch);
    for (const t of written) this.tiles.set(`${t.tile.level}/${t.tile.n}`, t);
    this.size += batch.length;
    return written;
  }
  reader(size = this.size): HashReader {
    return tileHashReader(size, memoryTileReader(this.tiles.values()));
  }
  tile(level: number, n: number): TileData | undefined {
    return this.tiles.get(`${level}/${n}`);
  }
}

/** The FormatError `fn` throws (the test fails if it throws anything else, or nothing). */
export function formatErrorOf(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error("expected a FormatError");
}

/** What `run` throws as [name, code, message], or null when it throws nothing. */
export function refusal(run: () => unknown): [string, string, string] | null {
  try {
    run();
  } catch (e) {
    return [(e as CodedError).name, (e as CodedError).code, (e as CodedError).message];
  }
  return null;
}

/** The error `fn` throws (the test fails if it throws nothing). */
export function caught(fn: () => unknown): { code: string; message: string } & Error {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string } & Error;
  }
  throw new Error("expected an error");
}
