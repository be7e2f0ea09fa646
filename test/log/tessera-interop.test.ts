/**
 * Interop with a log written by another implementation (transparency-dev/tessera test data,
 * copied from ../shared/vectors/tessera-log): its checkpoints, tiles, entry bundles and
 * tlog-proof must all verify with lib/core/log, and fail when one byte changes.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  ProofError,
  hashLeaf,
  memoryTileReader,
  openCheckpoint,
  parseTilePath,
  parseVerifierKey,
  proveConsistency,
  proveInclusion,
  tileHashReader,
  toHex,
  treeHash,
  verifyConsistency,
  verifyInclusion,
  verifyTlogProof,
  type TileData,
} from "@/lib/core/log";
import { testdata } from "./helpers";

const ORIGIN = "example.com/log/testdata";
const verifier = parseVerifierKey("example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx");
const ENTRIES = "one two three four five six seven eit nain ten ileven twelf threeten fourten fivten".split(" ");
const read = (path: string) => new Uint8Array(readFileSync(testdata(`tessera-log/${path}`)));

/** Entry bundles: each entry prefixed with its 2-byte big-endian length (tlog-tiles). */
function parseEntryBundle(bytes: Uint8Array): Uint8Array[] {
  const entries: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    entries.push(bytes.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
}

function checkpoints() {
  return Array.from({ length: 16 }, (_, n) => openCheckpoint(read(`checkpoint.${n}`), ORIGIN, [verifier]).checkpoint);
}

describe("a Tessera log", () => {
  it("has 16 checkpoints that verify under its key, sizes 0..15", () => {
    expect(checkpoints().map((c) => c.size)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(openCheckpoint(read("checkpoint"), ORIGIN, [verifier]).checkpoint.size).toBe(15);
  });

  it("has entry bundles holding the documented entries", () => {
    const entries = parseEntryBundle(read("tile/entries/000.p/15"));
    expect(entries.map((e) => new TextDecoder().decode(e))).toEqual(ENTRIES);
  });

  it("has level-0 tiles that are the RFC 6962 leaf hashes of its entries", () => {
    for (let width = 1; width <= 15; width++) {
      const tile = read(`tile/0/000.p/${width}`);
      const expected = ENTRIES.slice(0, width)
        .map((e) => toHex(hashLeaf(new TextEncoder().encode(e))))
        .join("");
      expect(toHex(tile)).toBe(expected);
      expect(parseTilePath(`0/000.p/${width}`).tile.width).toBe(width);
    }
  });

  it("matches every checkpoint root from its tiles, with valid proofs between them", async () => {
    const tiles: TileData[] = Array.from({ length: 15 }, (_, i) => ({
      tile: { level: 0, n: 0, width: i + 1 },
      data: read(`tile/0/000.p/${i + 1}`),
    }));
    const cps = checkpoints();
    for (const cp of cps) {
      const reader = tileHashReader(cp.size, memoryTileReader(tiles));
      expect(toHex(await treeHash(cp.size, reader)), `size ${cp.size}`).toBe(toHex(cp.rootHash));
      for (let index = 0; index < cp.size; index++) {
        const leaf = hashLeaf(new TextEncoder().encode(ENTRIES[index]!));
        verifyInclusion(index, cp.size, leaf, await proveInclusion(index, cp.size, reader), cp.rootHash);
      }
      for (const older of cps.slice(0, cp.size)) {
        verifyConsistency(older.size, cp.size, await proveConsistency(older.size, cp.size, reader), older.rootHash, cp.rootHash);
      }
    }
  });

  it("has a tlog-proof for index 2 that verifies, and fails for another entry", () => {
    const proof = new TextDecoder().decode(read("index2.tlog-proof"));
    const result = verifyTlogProof(proof, new TextEncoder().encode("three"), ORIGIN, [verifier]);
    expect(result.proof.index).toBe(2);
    expect(result.checkpoint.size).toBe(15);
    expect(() => verifyTlogProof(proof, new TextEncoder().encode("thref"), ORIGIN, [verifier])).toThrow(ProofError);
    expect(() => verifyTlogProof(proof, new TextEncoder().encode("three"), "example.com/other", [verifier])).toThrow(ProofError);
  });

  it("rejects the tlog-proof, a checkpoint or a tile with one byte changed", async () => {
    const proof = new TextDecoder().decode(read("index2.tlog-proof"));
    const entry = new TextEncoder().encode("three");
    for (let at = 0; at < proof.length; at++) {
      const c = proof[at]!;
      if (c === "\n") continue;
      const mutated = proof.slice(0, at) + (c === "A" ? "B" : "A") + proof.slice(at + 1);
      expect(() => verifyTlogProof(mutated, entry, ORIGIN, [verifier]), `byte ${at}`).toThrow();
    }
    const cp = new TextDecoder().decode(read("checkpoint.15"));
    const tamperedRoot = cp.replace(/\n(.)/, (_m, c: string) => `\n${c === "1" ? "2" : "1"}`);
    expect(() => openCheckpoint(tamperedRoot, ORIGIN, [verifier])).toThrow(ProofError);

    const tile = read("tile/0/000.p/15");
    tile[70] = tile[70]! ^ 1;
    const reader = tileHashReader(15, memoryTileReader([{ tile: { level: 0, n: 0, width: 15 }, data: tile }]));
    expect(toHex(await treeHash(15, reader))).not.toBe(toHex(checkpoints()[15]!.rootHash));
  });
});
