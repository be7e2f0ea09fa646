/**
 * Proof generation (lib/core/log/proof-generate.ts): what it refuses, and, for every index
 * and size up to 24 leaves, the same proofs as the RFC 6962 reference (test/log/reference.ts),
 * read from storage in one call. test/log/oracle.test.ts sweeps far larger trees, too slowly
 * to run for every change.
 */
import { describe, expect, it } from "vitest";
import { EMPTY_ROOT, proveConsistency, proveInclusion, toHex, treeHash, type CodedError, type HashReader } from "@/lib/core/log";
import { StoredHashLog, leafHashes } from "./helpers";
import { refMTH, refPath, refProof } from "./reference";

const SIZE = 24;
const hashes = leafHashes(SIZE);

async function storedLog() {
  const log = new StoredHashLog();
  for (const h of hashes) await log.append(h);
  return log;
}

/** A reader over `log` that counts its calls. */
function counting(log: HashReader): HashReader & { calls: number } {
  const reader = {
    calls: 0,
    readHashes(indexes: readonly number[]) {
      reader.calls++;
      return log.readHashes(indexes);
    },
  };
  return reader;
}

async function refusal(run: () => Promise<unknown>): Promise<[string, string, string] | null> {
  try {
    await run();
  } catch (e) {
    return [(e as CodedError).name, (e as CodedError).code, (e as CodedError).message];
  }
  return null;
}

describe("proof generation", () => {
  it("gives the reference root, inclusion and consistency proofs for every size up to 24, in one read each", async () => {
    const log = await storedLog();
    for (let size = 1; size <= SIZE; size++) {
      const reader = counting(log);
      expect(toHex(await treeHash(size, reader)), `root ${size}`).toBe(toHex(refMTH(hashes.slice(0, size))));
      for (let index = 0; index < size; index++) {
        expect((await proveInclusion(index, size, reader)).map(toHex), `${index}@${size}`).toEqual(refPath(index, hashes.slice(0, size)).map(toHex));
      }
      for (let from = 1; from < size; from++) {
        expect((await proveConsistency(from, size, reader)).map(toHex), `${from}->${size}`).toEqual(refProof(from, hashes.slice(0, size)).map(toHex));
      }
      // One read per result, none for a one-leaf proof (no sibling).
      expect(reader.calls, `reads for size ${size}`).toBe(1 + size - (size === 1 ? 1 : 0) + (size - 1));
    }
  });

  it("needs no read for the empty tree, an empty proof, or a one-leaf tree's proof", async () => {
    const never: HashReader = {
      readHashes() {
        throw new Error("nothing should be read");
      },
    };
    expect(await treeHash(0, never)).toBe(EMPTY_ROOT);
    expect(await proveConsistency(0, 5, never)).toEqual([]);
    expect(await proveConsistency(0, 0, never)).toEqual([]);
    expect(await proveConsistency(7, 7, never)).toEqual([]);
    expect(await proveInclusion(0, 1, never)).toEqual([]);
  });

  it("refuses an index outside the tree and sizes out of order, naming them", async () => {
    const log = await storedLog();
    expect(await refusal(() => proveInclusion(5, 5, log))).toEqual(["InputError", "index-out-of-range", "index 5 is not below size 5"]);
    expect(await refusal(() => proveInclusion(-1, 5, log))).toEqual(["InputError", "bad-index", "index must be a non-negative integer, got -1"]);
    expect((await refusal(() => proveInclusion(0, 2 ** 52 + 1, log)))?.[1]).toBe("bad-size");
    expect(await refusal(() => proveConsistency(6, 5, log))).toEqual(["InputError", "bad-range", "from 6 is greater than to 5"]);
    expect(await refusal(() => proveConsistency(-1, 5, log))).toEqual(["InputError", "bad-from", "from must be a non-negative integer, got -1"]);
    expect((await refusal(() => proveConsistency(0, -5, log)))?.[1]).toBe("bad-size");
    expect((await refusal(() => treeHash(1.5, log)))?.[1]).toBe("bad-size");
  });

  it("refuses a reader that answers with too few hashes", async () => {
    const log = await storedLog();
    const short: HashReader = { readHashes: async (indexes) => (await log.readHashes(indexes)).slice(1) };
    expect((await refusal(() => proveInclusion(3, 20, short)))?.slice(0, 2)).toEqual(["InputError", "bad-reader"]);
    expect((await refusal(() => treeHash(20, short)))?.[1]).toBe("bad-reader");
  });
});
