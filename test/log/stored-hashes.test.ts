/** The stored-hash layout (lib/core/log/stored-hashes.ts): its bounds, and how it holds a hash reader to its contract. */
import { describe, expect, it } from "vitest";
import {
  MAX_TREE_SIZE,
  hashChildren,
  readExactly,
  splitStoredHashIndex,
  storedHashCount,
  storedHashIndex,
  storedHashesForLeaf,
  toHex,
  type CodedError,
  type Hash,
} from "@/lib/core/log";
import { StoredHashLog, leafHashes } from "./helpers";

async function refusal(run: () => unknown): Promise<[string, string, string] | null> {
  try {
    await run();
  } catch (e) {
    return [(e as CodedError).name, (e as CodedError).code, (e as CodedError).message];
  }
  return null;
}

describe("stored-hash index arithmetic", () => {
  it("refuses negative or fractional levels, positions and indexes, naming the argument", async () => {
    expect(await refusal(() => storedHashIndex(-1, 0))).toEqual(["InputError", "bad-level", "level must be a non-negative integer, got -1"]);
    expect(await refusal(() => storedHashIndex(0, 1.5))).toEqual(["InputError", "bad-n", "n must be a non-negative integer, got 1.5"]);
    expect(await refusal(() => splitStoredHashIndex(-3))).toEqual(["InputError", "bad-index", "index must be a non-negative integer, got -3"]);
  });

  it("counts the stored hashes of the largest supported tree, and refuses a larger one", async () => {
    // Every leaf but the last of 2^52 leaves, plus the hashes leaf 2^52 − 1 completes (52 of them).
    expect(storedHashCount(MAX_TREE_SIZE)).toBe(storedHashIndex(0, MAX_TREE_SIZE - 1) + 1 + 52);
    expect(storedHashCount(MAX_TREE_SIZE)).toBe(2 * MAX_TREE_SIZE - 1);
    expect(await refusal(() => storedHashCount(MAX_TREE_SIZE + 1))).toEqual(["InputError", "bad-size", `tree size ${MAX_TREE_SIZE + 1} exceeds ${MAX_TREE_SIZE}`]);
    expect(await refusal(() => storedHashCount(-1))).toEqual(["InputError", "bad-size", "size must be a non-negative integer, got -1"]);
    expect([0, 1, 2, 3, 4, 5, 8].map(storedHashCount)).toEqual([0, 1, 3, 4, 7, 8, 15]);
  });
});

describe("the hashes one appended leaf writes", () => {
  it("are the leaf hash and the root of every subtree it completes, read in one call", async () => {
    const log = new StoredHashLog();
    const hashes = leafHashes(8);
    for (const h of hashes.slice(0, 7)) await log.append(h);
    const calls: number[][] = [];
    const written = await storedHashesForLeaf(7, hashes[7]!, {
      readHashes(indexes) {
        calls.push([...indexes]);
        return log.readHashes(indexes);
      },
    });
    expect(calls).toEqual([[storedHashIndex(2, 0), storedHashIndex(1, 2), storedHashIndex(0, 6)]]);
    const pair = hashChildren(hashes[6]!, hashes[7]!);
    const four = hashChildren(log.stored[storedHashIndex(1, 2)]!, pair);
    expect(written.map(toHex)).toEqual([hashes[7]!, pair, four, hashChildren(log.stored[storedHashIndex(2, 0)]!, four)].map(toHex));
  });

  it("need no read at all when the leaf completes nothing", async () => {
    const never = {
      readHashes(): Hash[] {
        throw new Error("no hash is needed");
      },
    };
    const [h] = leafHashes(1);
    expect(await storedHashesForLeaf(0, h!, never)).toEqual([h]);
    expect(await storedHashesForLeaf(6, h!, never)).toEqual([h]);
    expect(await readExactly(never, [])).toEqual([]);
  });

  it("cannot be made for a leaf past the largest supported tree", async () => {
    const [h] = leafHashes(1);
    expect((await refusal(() => storedHashesForLeaf(MAX_TREE_SIZE, h!, new StoredHashLog())))?.[1]).toBe("bad-size");
  });

  it("cannot be made for a leaf before the first", async () => {
    const [h] = leafHashes(1);
    expect(await refusal(() => storedHashesForLeaf(-1, h!, new StoredHashLog()))).toEqual(["InputError", "bad-n", "n must be a non-negative integer, got -1"]);
    expect((await refusal(() => storedHashesForLeaf(0.5, h!, new StoredHashLog())))?.[1]).toBe("bad-n");
  });

  it("hold a reader that answers with the wrong number of hashes to its contract", async () => {
    const hashes = leafHashes(2);
    const short = { readHashes: () => [] as Hash[] };
    expect(await refusal(() => storedHashesForLeaf(1, hashes[1]!, short))).toEqual(["InputError", "bad-reader", "hash reader returned 0 hashes for 1 indexes"]);
    const long = { readHashes: () => hashes };
    expect(await refusal(() => readExactly(long, [0]))).toEqual(["InputError", "bad-reader", "hash reader returned 2 hashes for 1 indexes"]);
  });
});
