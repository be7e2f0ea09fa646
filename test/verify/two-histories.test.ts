/**
 * findTwoHistories (lib/core/verify/two-histories.ts) on checkpoints another implementation
 * signed: transparency-dev/tessera's test log (test/log/testdata/tessera-log), with consistency
 * proofs built from its own tiles. The answer is evidence handed on, so it is checked whole.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { formatHash, memoryTileReader, openCheckpoint, parseVerifierKey, proveConsistency, tileHashReader, type TileData } from "@/lib/core/log";
import { findTwoHistories } from "@/lib/core/verify";
import { testdata } from "../log/helpers";

const LOG = { origin: "example.com/log/testdata", verifierKey: "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx" };
const note = (size: number) => readFileSync(testdata(`tessera-log/checkpoint.${size}`), "utf8");
const tree = (size: number) => {
  const c = openCheckpoint(note(size), LOG.origin, [parseVerifierKey(LOG.verifierKey)]).checkpoint;
  return { size: c.size, rootHash: formatHash(c.rootHash) };
};

let proof5to15: string[];

beforeAll(async () => {
  const tiles: TileData[] = [{ tile: { level: 0, n: 0, width: 15 }, data: new Uint8Array(readFileSync(testdata("tessera-log/tile/0/000.p/15"))) }];
  proof5to15 = (await proveConsistency(5, 15, tileHashReader(15, memoryTileReader(tiles)))).map(formatHash);
});

describe("findTwoHistories on a Tessera log", () => {
  it("finds one history in two notes of the same tree, and in two sizes joined by a proof, in either order", () => {
    expect(findTwoHistories(note(15), readFileSync(testdata("tessera-log/checkpoint"), "utf8"), LOG)).toEqual({ verdict: "consistent", older: tree(15), newer: tree(15) });
    for (const [first, second] of [
      [5, 15],
      [15, 5],
    ]) {
      expect(findTwoHistories(note(first!), note(second!), LOG, proof5to15)).toEqual({ verdict: "consistent", older: tree(5), newer: tree(15) });
    }
  });

  it("concludes nothing from two sizes without a proof, or with hashes that are not hashes", () => {
    const unproven = { verdict: "unproven", reason: "no-consistency-proof", older: tree(5), newer: tree(15) };
    expect(findTwoHistories(note(15), note(5), LOG)).toEqual(unproven);
    expect(findTwoHistories(note(15), note(5), LOG, [...proof5to15.slice(1), "AAAA"])).toEqual(unproven);
  });

  it("keeps both notes, smaller first, and a copy of the failing proof as evidence", () => {
    const wrong = [proof5to15[1]!, ...proof5to15.slice(1)];
    const found = findTwoHistories(note(15), note(5), LOG, wrong);
    expect(found).toEqual({
      verdict: "split",
      reason: "consistency-proof-fails",
      evidence: { origin: LOG.origin, verifierKey: LOG.verifierKey, older: note(5), newer: note(15), proof: wrong },
    });
    if (found.verdict === "split") expect(found.evidence.proof).not.toBe(wrong);
    // A proof for other sizes fails for these as well.
    expect(findTwoHistories(note(6), note(15), LOG, proof5to15)).toMatchObject({ verdict: "split", reason: "consistency-proof-fails" });
  });

  it("says which note does not verify, and why", () => {
    const altered = note(5).replace(/\n5\n/, "\n6\n");
    let why = "";
    try {
      openCheckpoint(altered, LOG.origin, [parseVerifierKey(LOG.verifierKey)]);
    } catch (e) {
      why = (e as Error).message;
    }
    expect(why).not.toBe("");
    expect(findTwoHistories(note(15), altered, LOG)).toEqual({ verdict: "invalid", which: "second", code: "bad-signature", detail: why });
    expect(findTwoHistories(altered, note(15), LOG)).toMatchObject({ verdict: "invalid", which: "first" });
  });
});

describe("split evidence without a policy", () => {
  it("holds no proof member for two roots of one size, and no witness weight", async () => {
    const { sampleLog } = await import("./fixtures");
    const a = await sampleLog();
    const b = await sampleLog({ signerKey: a.signerKey, fillerSeed: "fork" });
    const log = { origin: a.bundle.log.origin, verifierKey: a.verifierKey };
    const found = findTwoHistories(a.bundle.checkpoint, b.bundle.checkpoint, log);
    expect(found.verdict === "split" && Object.keys(found.evidence)).toEqual(["origin", "verifierKey", "older", "newer"]);
  });
});
