/**
 * The consistency step (lib/core/verify/step-consistency.ts) on checkpoints another
 * implementation signed: transparency-dev/tessera's test log (test/log/testdata/tessera-log),
 * 15 entries with a signed checkpoint at every size, and proofs built from its own tiles.
 * Every answer is checked whole: status, code, the sentence shown to people and both trees.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  formatHash,
  memoryTileReader,
  openCheckpoint,
  parseVerifierKey,
  proveConsistency,
  signCheckpoint,
  tileHashReader,
  type Checkpoint,
  type Hash,
  type TileData,
} from "@/lib/core/log";
import { checkConsistency } from "@/lib/core/verify/step-consistency";
import { testdata } from "../log/helpers";
import { sampleLog } from "./fixtures";

const LOG = { origin: "example.com/log/testdata", verifierKey: "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx" };
const note = (size: number) => readFileSync(testdata(`tessera-log/checkpoint.${size}`), "utf8");
const tree = (size: number) => {
  const c: Checkpoint = openCheckpoint(note(size), LOG.origin, [parseVerifierKey(LOG.verifierKey)]).checkpoint;
  return { size: c.size, rootHash: formatHash(c.rootHash) };
};

let proof5to15: string[];

beforeAll(async () => {
  const tiles: TileData[] = [{ tile: { level: 0, n: 0, width: 15 }, data: new Uint8Array(readFileSync(testdata("tessera-log/tile/0/000.p/15"))) }];
  proof5to15 = (await proveConsistency(5, 15, tileHashReader(15, memoryTileReader(tiles)))).map(formatHash);
});

describe("checkConsistency on a Tessera log", () => {
  it("says there is nothing to compare with when no checkpoint was kept", () => {
    expect(checkConsistency(note(15), LOG, undefined)).toEqual({
      step: "consistency",
      status: "info",
      code: "no-earlier-checkpoint",
      detail: "no earlier checkpoint was kept to compare with; keep this one for next time",
    });
  });

  it("passes a kept checkpoint of the same tree", () => {
    expect(checkConsistency(note(15), LOG, { checkpoint: readFileSync(testdata("tessera-log/checkpoint"), "utf8") })).toEqual({
      step: "consistency",
      status: "ok",
      code: "same-tree",
      detail: "the kept checkpoint is the same tree of 15 entries",
      checkpoint: tree(15),
      earlierCheckpoint: tree(15),
    });
  });

  it("passes a log that grew from the kept checkpoint, and one the kept checkpoint extends, with the tree sizes in order", () => {
    expect(checkConsistency(note(15), LOG, { checkpoint: note(5), proof: proof5to15 })).toEqual({
      step: "consistency",
      status: "ok",
      code: "consistent",
      detail: "the log grew from the kept checkpoint (5 → 15 entries) without rewriting it",
      checkpoint: tree(15),
      earlierCheckpoint: tree(5),
    });
    expect(checkConsistency(note(5), LOG, { checkpoint: note(15), proof: proof5to15 })).toEqual({
      step: "consistency",
      status: "ok",
      code: "consistent",
      detail: "the log is a prefix of the newer kept checkpoint (5 → 15 entries) without rewriting it",
      checkpoint: tree(5),
      earlierCheckpoint: tree(15),
    });
  });

  it("reports different sizes without a proof as not checked, smaller size first either way", () => {
    for (const [current, kept] of [
      [15, 5],
      [5, 15],
    ] as const) {
      expect(checkConsistency(note(current), LOG, { checkpoint: note(kept) })).toEqual({
        step: "consistency",
        status: "skipped",
        code: "no-consistency-proof",
        detail: "sizes 5 and 15 differ and no consistency proof was given; consistency was not checked",
        checkpoint: tree(current),
        earlierCheckpoint: tree(kept),
      });
    }
  });

  it("fails a proof hash that is not a base64 SHA-256 hash", () => {
    expect(checkConsistency(note(15), LOG, { checkpoint: note(5), proof: [...proof5to15.slice(1), "AAAA"] })).toEqual({
      step: "consistency",
      status: "failed",
      code: "bad-proof",
      detail: "a consistency proof hash is not a base64 SHA-256 hash",
      checkpoint: tree(15),
      earlierCheckpoint: tree(5),
    });
  });

  it("fails a proof that does not join the two trees, in either direction, naming the proof's failure", () => {
    const wrong = [...proof5to15];
    wrong[0] = proof5to15[1]!;
    for (const [current, kept] of [
      [15, 5],
      [5, 15],
    ] as const) {
      expect(checkConsistency(note(current), LOG, { checkpoint: note(kept), proof: wrong })).toEqual({
        step: "consistency",
        status: "failed",
        code: "inconsistent",
        detail: "no consistency between sizes 5 and 15 (root-mismatch): the log may show two histories",
        checkpoint: tree(current),
        earlierCheckpoint: tree(kept),
      });
    }
    // A proof between other sizes is no proof for these.
    expect(checkConsistency(note(15), LOG, { checkpoint: note(6), proof: proof5to15 })).toMatchObject({ status: "failed", code: "inconsistent" });
    expect(checkConsistency(note(15), LOG, { checkpoint: note(5), proof: proof5to15.slice(1) }).detail).toBe(
      "no consistency between sizes 5 and 15 (proof-too-short): the log may show two histories",
    );
  });

  it("fails a kept checkpoint that does not verify under the log key, saying why", () => {
    const open = (text: string) => {
      try {
        openCheckpoint(text, LOG.origin, [parseVerifierKey(LOG.verifierKey)]);
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    };
    const altered = note(5).replace(/\n\d+\n/, "\n6\n");
    const why = open(altered);
    expect(why).not.toBe("");
    expect(checkConsistency(note(15), LOG, { checkpoint: altered, proof: proof5to15 })).toEqual({
      step: "consistency",
      status: "failed",
      code: "earlier-checkpoint-invalid",
      detail: `the kept checkpoint does not verify under the log key: ${why}`,
    });
  });
});

describe("checkConsistency against a split view", () => {
  it("fails two checkpoints of one size whose roots differ in a single byte", async () => {
    const { bundle, signer, verifierKey } = await sampleLog();
    const log = { origin: bundle.log.origin, verifierKey };
    const c = openCheckpoint(bundle.checkpoint, log.origin, [parseVerifierKey(log.verifierKey)]).checkpoint;
    const root = Uint8Array.from(c.rootHash) as Hash;
    root[31]! ^= 1;
    const fork = signCheckpoint({ origin: log.origin, size: c.size, rootHash: root, extensions: [] }, signer);
    expect(checkConsistency(bundle.checkpoint, log, { checkpoint: fork })).toEqual({
      step: "consistency",
      status: "failed",
      code: "two-histories",
      detail: "two different roots for the same size 8: the log shows two histories",
      checkpoint: { size: 8, rootHash: formatHash(c.rootHash) },
      earlierCheckpoint: { size: 8, rootHash: formatHash(root) },
    });
  });
});
