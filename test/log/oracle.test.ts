/**
 * Two independent oracles: the naive recursive RFC 6962 reference (test/log/reference.ts) and
 * merkletreejs configured with the RFC 6962 prefixes (pre-hashed 0x00 leaves, 0x01
 * concatenator, odd nodes carried up, never duplicated or sorted).
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { MerkleTree } from "merkletreejs";
import { proveConsistency, proveInclusion, toHex, treeHash, verifyConsistency, verifyInclusion } from "@/lib/core/log";
import { StoredHashLog, TileLog, leafHashes } from "./helpers";
import { refMTH, refPath, refProof } from "./reference";

const MAX_SIZE = 300;
const MAX_CONSISTENCY = 130;

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest();
function merkletreejsRoot(leaves: Uint8Array[]): string {
  const tree = new MerkleTree(
    leaves.map((l) => Buffer.from(l)),
    sha256,
    {
      hashLeaves: false,
      sortPairs: false,
      sortLeaves: false,
      duplicateOdd: false,
      concatenator: (parts: Buffer[]) => Buffer.concat([Buffer.from([1]), ...parts]),
    },
  );
  return tree.getRoot().toString("hex");
}

describe("against the oracles", () => {
  const hashes = leafHashes(MAX_SIZE);

  it(`agrees on every root up to size ${MAX_SIZE}, with merkletreejs too`, async () => {
    const stored = new StoredHashLog();
    const tiles = new TileLog();
    for (let size = 1; size <= MAX_SIZE; size++) {
      await stored.append(hashes[size - 1]!);
      tiles.append([hashes[size - 1]!]);
      const expected = toHex(refMTH(hashes.slice(0, size)));
      expect(toHex(await treeHash(size, stored)), `size ${size}`).toBe(expected);
      expect(toHex(await treeHash(size, tiles.reader())), `tiles size ${size}`).toBe(expected);
      expect(merkletreejsRoot(hashes.slice(0, size)), `merkletreejs size ${size}`).toBe(expected);
    }
  });

  it(`generates and verifies every inclusion proof up to size ${MAX_SIZE}`, async () => {
    const stored = new StoredHashLog();
    for (const h of hashes) await stored.append(h);
    for (let size = 1; size <= MAX_SIZE; size++) {
      const root = await treeHash(size, stored);
      for (let index = 0; index < size; index++) {
        const proof = await proveInclusion(index, size, stored);
        if (index % 37 === 0 || size <= 64) {
          expect(proof.map(toHex)).toEqual(refPath(index, hashes.slice(0, size)).map(toHex));
        }
        verifyInclusion(index, size, hashes[index]!, proof, root);
      }
    }
  });

  it(`generates and verifies every consistency pair up to size ${MAX_CONSISTENCY}`, async () => {
    const stored = new StoredHashLog();
    for (const h of hashes.slice(0, MAX_CONSISTENCY)) await stored.append(h);
    const roots = [await treeHash(0, stored)];
    for (let n = 1; n <= MAX_CONSISTENCY; n++) roots.push(await treeHash(n, stored));
    let pairs = 0;
    for (let to = 1; to <= MAX_CONSISTENCY; to++) {
      for (let from = 0; from <= to; from++) {
        const proof = await proveConsistency(from, to, stored);
        if (from > 0) expect(proof.map(toHex), `${from}->${to}`).toEqual(refProof(from, hashes.slice(0, to)).map(toHex));
        verifyConsistency(from, to, proof, roots[from]!, roots[to]!);
        pairs++;
      }
    }
    expect(pairs).toBe((MAX_CONSISTENCY * (MAX_CONSISTENCY + 3)) / 2);
  });
});
