/**
 * The browser verifier's choice of checkpoint under the built-in witness policy, on real
 * signed and cosigned checkpoints: the server's claims are checked, never believed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { formatHash, generateKey, parseSignerKey, proveConsistency } from "@/lib/core/log";
import { checkNewestExtendsWitnessed, chooseCheckpoint } from "@/lib/browser/verify/choose-checkpoint";
import { checkpointAt, sampleLog, type SampleLog } from "../verify/fixtures";
import { cosign, demoWitnesses, makeWitness, policyOf } from "../verify/witness-fixtures";

const [daily, archives] = demoWitnesses();
const policy = policyOf([daily, archives]);
let s: SampleLog;
let log: { origin: string; verifierKey: string };
/** Log-signed checkpoints of the sample log (the version is entry 5). */
const at = (size: number) => checkpointAt(s.log, size, s.signer);

beforeAll(async () => {
  s = await sampleLog();
  log = { origin: s.bundle.log.origin, verifierKey: s.verifierKey };
});

describe("chooseCheckpoint", () => {
  it("takes the newest checkpoint without a policy, or when it meets the quorum", async () => {
    const newest = await at(8);
    expect(chooseCheckpoint({ newest, witnessed: null, index: 5, log, policy: null })).toEqual({ use: "newest" });
    expect(chooseCheckpoint({ newest: cosign(newest, [daily, archives]), witnessed: null, index: 5, log, policy })).toEqual({ use: "newest" });
  });

  it("takes the witnessed checkpoint when it meets the quorum and covers the version", async () => {
    const witnessed = cosign(await at(6), [daily, archives]);
    const choice = chooseCheckpoint({ newest: cosign(await at(8), [daily]), witnessed: { size: 6, checkpoint: witnessed }, index: 5, log, policy });
    expect(choice).toEqual({ use: "witnessed", checkpoint: witnessed, size: 6 });
  });

  it("waits for witnesses, naming who has not cosigned, when no quorum checkpoint covers the version", async () => {
    const newest = cosign(await at(8), [daily]);
    const wait = { use: "wait", cosigned: ["海平日报"], missing: ["海平市档案馆"], total: 2 };
    expect(chooseCheckpoint({ newest, witnessed: null, index: 5, log, policy })).toEqual(wait);
    // Too small to hold entry 5.
    expect(chooseCheckpoint({ newest, witnessed: { size: 5, checkpoint: cosign(await at(5), [daily, archives]) }, index: 5, log, policy })).toEqual(wait);
  });

  it("passes over a witnessed claim that does not hold up", async () => {
    const newest = cosign(await at(7), [daily]);
    const other = parseSignerKey(generateKey(s.bundle.log.origin).signerKey);
    const stranger = makeWitness("stranger", "witness.stranger.example");
    const claims: [string, string][] = [
      ["signed by another key", cosign(await checkpointAt(s.log, 6, other), [daily, archives])],
      ["short of the quorum", cosign(await at(6), [daily, stranger])],
      ["larger than the newest", cosign(await at(8), [daily, archives])],
      ["not a note", "size 6, trust me"],
    ];
    for (const [what, checkpoint] of claims) {
      expect(chooseCheckpoint({ newest, witnessed: { size: 6, checkpoint }, index: 5, log, policy }).use, what).toBe("wait");
    }
  });

  it("chooses a checkpoint carrying a forged cosignature, so that the witnesses step reports it", async () => {
    const forge = (note: string) => note.replace(/(— witness\.haiping-archives\.example \S{20})(.)/, (_, head: string, c: string) => head + (c === "A" ? "B" : "A"));
    const newest = forge(cosign(await at(8), [daily, archives]));
    expect(newest).not.toBe(cosign(await at(8), [daily, archives]));
    expect(chooseCheckpoint({ newest, witnessed: null, index: 5, log, policy })).toEqual({ use: "newest" });
    const claim = forge(cosign(await at(6), [daily, archives]));
    expect(chooseCheckpoint({ newest: await at(8), witnessed: { size: 6, checkpoint: claim }, index: 5, log, policy }).use).toBe("witnessed");
  });
});

describe("checkNewestExtendsWitnessed", () => {
  it("accepts the newest checkpoint when the log proves it extends the witnessed one", async () => {
    const proof = (await proveConsistency(6, 8, s.log.reader())).map(formatHash);
    expect(checkNewestExtendsWitnessed(cosign(await at(6), [daily, archives]), await at(8), proof, log, policy)).toEqual({ ok: true });
  });

  it("fails without a proof, and keeps both notes as evidence when the newest is another history", async () => {
    const witnessed = cosign(await at(6), [daily, archives]);
    expect(checkNewestExtendsWitnessed(witnessed, await at(8), null, log, policy)).toMatchObject({ ok: false, result: { status: "failed", code: "witnessed-unproven" } });
    const fork = await sampleLog({ signerKey: s.signerKey, fillerSeed: "fork" });
    const forkNewest = await checkpointAt(fork.log, 8, s.signer);
    const proof = (await proveConsistency(6, 8, fork.log.reader())).map(formatHash);
    const result = checkNewestExtendsWitnessed(witnessed, forkNewest, proof, log, policy);
    expect(result).toMatchObject({
      ok: false,
      result: { step: "witnesses", status: "failed", code: "witnessed-split" },
      split: { reason: "consistency-proof-fails", older: witnessed, newer: forkNewest, cosigners: { older: ["海平日报", "海平市档案馆"], newer: [] } },
    });
  });
});
