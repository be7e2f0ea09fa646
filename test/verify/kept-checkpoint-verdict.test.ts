/**
 * The verdict on a kept checkpoint and the one shown now (lib/core/verify/kept-checkpoint-verdict.ts),
 * on real signed checkpoints of real trees: a fork of the same size is a split view, a smaller
 * checkpoint the source will not prove consistent is a rollback, a consistent one passes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { judgeKeptCheckpoint, verifyBundle, type StepResult } from "@/lib/core/verify";
import { checkpointAt, sampleLog, type SampleLog } from "./fixtures";
import { cosign, demoWitnesses, policyOf } from "./witness-fixtures";

let s: SampleLog;
let log: { origin: string; verifierKey: string };
/** The same key's checkpoint of size 8 over other entries: a second history. */
let forked: string;

beforeAll(async () => {
  s = await sampleLog();
  log = { origin: s.bundle.log.origin, verifierKey: s.verifierKey };
  const fork = await sampleLog({ signerKey: s.signerKey, fillerSeed: "fork" });
  forked = fork.bundle.checkpoint;
});

/** The bundle's steps run against `kept`, as the callers run them before asking for the verdict. */
function stepsAgainst(kept: string, proof?: string[]): StepResult[] {
  return verifyBundle(s.bundle, { verifierKey: s.verifierKey, earlier: { checkpoint: kept, ...(proof ? { proof } : {}) } });
}
const consistency = (results: readonly StepResult[]) => results.find((r) => r.step === "consistency");

describe("judgeKeptCheckpoint", () => {
  it("passes a kept checkpoint equal to the current one, and one the source proves consistent", async () => {
    const same = judgeKeptCheckpoint({ kept: s.bundle.checkpoint, current: s.bundle.checkpoint, log, proof: undefined }, stepsAgainst(s.bundle.checkpoint));
    expect(same.split).toBeNull();
    expect(consistency(same.results)).toMatchObject({ status: "ok", code: "same-tree" });

    const grew = judgeKeptCheckpoint(
      { kept: s.earlier.checkpoint, current: s.bundle.checkpoint, log, proof: s.earlier.proof },
      stepsAgainst(s.earlier.checkpoint, s.earlier.proof),
    );
    expect(grew.split).toBeNull();
    expect(consistency(grew.results)).toMatchObject({ status: "ok", code: "consistent" });
  });

  it("gives the split-view verdict for a forked checkpoint of the same size, with both notes as evidence", () => {
    const steps = stepsAgainst(forked);
    const { results, split } = judgeKeptCheckpoint({ kept: forked, current: s.bundle.checkpoint, log, proof: undefined }, steps);
    expect(split).toEqual({ origin: log.origin, verifierKey: log.verifierKey, older: forked, newer: s.bundle.checkpoint, reason: "same-size-different-roots" });
    expect(consistency(results)).toMatchObject({ status: "failed", code: "two-histories" });
    expect(results).toEqual(steps);
  });

  it("gives the split-view verdict when the proof between the two fails", async () => {
    const fork = await sampleLog({ signerKey: s.signerKey, fillerSeed: "fork" });
    const keptFork = await checkpointAt(fork.log, 3, s.signer);
    // A proof of the real tree 3 → 8 cannot join the forked tree of 3 to it.
    const { split } = judgeKeptCheckpoint({ kept: keptFork, current: s.bundle.checkpoint, log, proof: s.earlier.proof }, stepsAgainst(keptFork, s.earlier.proof));
    expect(split).toMatchObject({ reason: "consistency-proof-fails", older: keptFork, newer: s.bundle.checkpoint, proof: s.earlier.proof });
    // The same proof from the real kept checkpoint of 3: no split.
    expect(judgeKeptCheckpoint({ kept: s.earlier.checkpoint, current: s.bundle.checkpoint, log, proof: s.earlier.proof }, []).split).toBeNull();
  });

  it("names the witnesses behind each history when given a policy", () => {
    const [daily, archives] = demoWitnesses();
    const policy = policyOf([daily, archives]);
    const current = cosign(s.bundle.checkpoint, [daily, archives]);
    const { split } = judgeKeptCheckpoint({ kept: forked, current, log, proof: undefined, policy }, []);
    expect(split?.cosigners).toEqual({ older: [], newer: ["海平日报", "海平市档案馆"], olderMeetsQuorum: false, newerMeetsQuorum: true });
    expect(split?.witnessesOnBoth).toEqual([]);
  });

  it("gives the rollback verdict when the current checkpoint is older and the source gives no proof", () => {
    const steps = verifyBundle(s.bundle, { verifierKey: s.verifierKey, earlier: { checkpoint: s.bundle.checkpoint } });
    const older = s.earlier.checkpoint;
    const { results, split } = judgeKeptCheckpoint({ kept: s.bundle.checkpoint, current: older, log, proof: null }, steps);
    expect(split).toEqual({ origin: log.origin, verifierKey: log.verifierKey, older, newer: s.bundle.checkpoint, reason: "rolled-back" });
    expect(consistency(results)).toMatchObject({ status: "failed", code: "rolled-back" });
    expect(consistency(results)?.detail).toContain("checkpoint of 8 entries; the server now shows 3");
    // The input is left as it was.
    expect(consistency(steps)).toMatchObject({ status: "ok" });
  });

  it("fails a newer checkpoint the source will not prove consistent, without calling it a rollback", () => {
    const { results, split } = judgeKeptCheckpoint({ kept: s.earlier.checkpoint, current: s.bundle.checkpoint, log, proof: null }, stepsAgainst(s.earlier.checkpoint));
    expect(split).toBeNull();
    expect(consistency(results)).toMatchObject({ status: "failed", code: "no-consistency-proof-served" });
  });

  it("says in full which checkpoint the source would not extend, leaving every other step as it was", () => {
    const steps = stepsAgainst(s.earlier.checkpoint);
    const { results } = judgeKeptCheckpoint({ kept: s.earlier.checkpoint, current: s.bundle.checkpoint, log, proof: null }, steps);
    expect(consistency(results)).toEqual({
      ...consistency(steps),
      status: "failed",
      code: "no-consistency-proof-served",
      detail: "the server gives no proof that its checkpoint of 8 entries extends the one of 3 this browser verified",
    });
    expect(results.filter((r) => r.step !== "consistency")).toEqual(steps.filter((r) => r.step !== "consistency"));
  });

  it("says in full what a rollback is, leaving every other step as it was", () => {
    const steps = verifyBundle(s.bundle, { verifierKey: s.verifierKey, earlier: { checkpoint: s.bundle.checkpoint } });
    const { results } = judgeKeptCheckpoint({ kept: s.bundle.checkpoint, current: s.earlier.checkpoint, log, proof: null }, steps);
    expect(consistency(results)?.detail).toBe("this browser verified a checkpoint of 8 entries; the server now shows 3 and gives no proof that it extends to it");
    expect(results.filter((r) => r.step !== "consistency")).toEqual(steps.filter((r) => r.step !== "consistency"));
  });

  it("keeps the reason of a consistency step that already failed", () => {
    const failed: StepResult = { step: "consistency", status: "failed", code: "bad-proof", detail: "a consistency proof hash is not a base64 SHA-256 hash" };
    for (const [kept, current] of [
      [s.bundle.checkpoint, s.earlier.checkpoint],
      [s.earlier.checkpoint, s.bundle.checkpoint],
    ] as const) {
      expect(judgeKeptCheckpoint({ kept, current, log, proof: null }, [failed]).results).toEqual([failed]);
    }
  });

  it("calls nothing a rollback when no proof was asked for: an older checkpoint in a file proves nothing", () => {
    const steps = stepsAgainst(s.earlier.checkpoint);
    const { results, split } = judgeKeptCheckpoint({ kept: s.bundle.checkpoint, current: s.earlier.checkpoint, log, proof: undefined }, steps);
    expect(split).toBeNull();
    expect(results).toEqual(steps);
  });

  it("gives no verdict on a note that does not verify under the log key", async () => {
    const stranger = await sampleLog({ fillerSeed: "fork" });
    const { split } = judgeKeptCheckpoint({ kept: stranger.bundle.checkpoint, current: s.bundle.checkpoint, log, proof: null }, []);
    expect(split).toBeNull();
  });
});
