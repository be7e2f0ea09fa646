/**
 * The witnesses step and the verdict under a witness policy, on real cosignatures: fresh
 * witness keys cosigning real signed checkpoints, and the production cosignatures of the
 * transparency.dev armored witnesses. Each forgery must fail the step, never count as absent.
 */
import { describe, expect, it } from "vitest";
import {
  formatKeyId,
  formatVerifierKey,
  keyId,
  parseSignerKey,
  signNote,
  fromBase64,
  generateCosignatureKey,
  parseCosignatureSignerKey,
  parseCosignatureVerifierKey,
  parseWitnessPolicy,
  toBase64,
} from "@/lib/core/log";
import { checkWitnesses, describeQuorumRule, findTwoHistories, quorumRule, summarize, verifyBundle, type StepResult } from "@/lib/core/verify";
import { readJson } from "../log/helpers";
import { sampleLog } from "./fixtures";
import { cosign, demoWitnesses, makeWitness, policyOf, type TestWitness } from "./witness-fixtures";

const witnessStep = (results: StepResult[]) => results.find((r) => r.step === "witnesses")!;
const T = 1_780_000_000;

/** Replaces the base64 of the signature line by `name` with `change(bytes)`. */
function mutateLine(note: string, name: string, change: (raw: Uint8Array) => void): string {
  return note
    .split("\n")
    .map((line) => {
      if (!line.startsWith(`— ${name} `)) return line;
      const raw = fromBase64(line.slice(`— ${name} `.length));
      change(raw);
      return `— ${name} ${toBase64(raw)}`;
    })
    .join("\n");
}

describe("witnesses step with a policy", () => {
  it("counts only the witnesses the quorum draws on: one outside every group is listed, never waited for", async () => {
    const { bundle } = await sampleLog();
    const [daily, archives] = demoWitnesses();
    // 海平市档案馆 is in the policy but in no quorum group.
    const policy = parseWitnessPolicy(`witness 海平日报 ${daily.verifierKey}\nwitness 海平市档案馆 ${archives.verifierKey}\nquorum 海平日报\n`);
    const met = witnessStep(verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, [daily]) }, { policy }));
    expect(met).toMatchObject({ status: "ok", code: "quorum-met", detail: "cosigned by 1 of 1: 海平日报" });
    expect(met.witnesses!.map((w) => [w.name, w.status, w.counts])).toEqual([
      ["海平日报", "verified", true],
      ["海平市档案馆", "absent", false],
    ]);
    const waiting = verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, [archives]) }, { policy });
    expect(summarize(waiting).waitingFor).toEqual(["海平日报"]);
    // Cosigned by neither: still waiting only for the one the quorum draws on.
    const neither = verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, []) }, { policy });
    expect(summarize(neither).waitingFor).toEqual(["海平日报"]);
  });

  it("is ok when the quorum is met, naming each witness with its cosignature time", async () => {
    const { bundle } = await sampleLog();
    const [daily, archives] = demoWitnesses();
    const results = verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, [daily, archives], T) }, { policy: policyOf([daily, archives]) });
    expect(witnessStep(results)).toMatchObject({
      status: "ok",
      code: "quorum-met",
      detail: "cosigned by 2 of 2: 海平日报, 海平市档案馆",
      witnesses: [
        { name: "海平日报", keyName: "witness.haiping-daily.example", status: "verified", timestamp: T },
        { name: "海平市档案馆", keyName: "witness.haiping-archives.example", status: "verified", timestamp: T },
      ],
    });
    expect(witnessStep(results).witnesses![0]!.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(summarize(results)).toEqual({ ok: true, failedStep: null, unchecked: [], waitingFor: null });
  });

  it("waits for witnesses, naming who has not cosigned, when the quorum is not met", async () => {
    const { bundle } = await sampleLog();
    const [daily, archives] = demoWitnesses();
    const results = verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, [daily]) }, { policy: policyOf([daily, archives]) });
    expect(witnessStep(results)).toMatchObject({
      status: "waiting",
      code: "quorum-not-met",
      detail: "waiting for witnesses: cosigned by 1 of 2: 海平日报; not yet cosigned by 海平市档案馆",
    });
    expect(summarize(results)).toEqual({ ok: false, failedStep: null, unchecked: [], waitingFor: ["海平市档案馆"] });
    // The same cosignatures meet a policy of any one, and a log-signed note alone meets none.
    expect(witnessStep(verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, [daily]) }, { policy: policyOf([daily, archives], "any") })).code).toBe("quorum-met");
    expect(summarize(verifyBundle(bundle, { policy: policyOf([daily, archives]) })).waitingFor).toEqual(["海平日报", "海平市档案馆"]);
  });

  it("fails on a forged or altered cosignature by a policy witness", async () => {
    const { bundle, earlier } = await sampleLog();
    const [daily, archives] = demoWitnesses();
    const policy = policyOf([daily, archives], "any");
    const good = cosign(bundle.checkpoint, [daily, archives]);
    // An impostor's key under the witness's name and key ID.
    const impostor = parseCosignatureSignerKey(generateCosignatureKey(daily.signer.name).signerKey);
    const stolenId = impostor.cosign(bundle.checkpoint.slice(0, bundle.checkpoint.lastIndexOf("\n\n") + 1), T).replace(/^— \S+ /, "");
    const idBytes = fromBase64(
      good
        .split("\n")
        .find((l) => l.startsWith(`— ${daily.signer.name} `))!
        .split(" ")[2]!,
    ).subarray(0, 4);
    const forgedLine = `— ${daily.signer.name} ${toBase64(new Uint8Array([...idBytes, ...fromBase64(stolenId.trim()).subarray(4)]))}\n`;
    // A real cosignature of another checkpoint (size 3) copied onto this one.
    const other = cosign(earlier.checkpoint, [daily]);
    const copiedLine = other.split("\n").find((l) => l.startsWith(`— ${daily.signer.name} `))! + "\n";
    const cases: [string, string][] = [
      ["signature byte", mutateLine(good, daily.signer.name, (raw) => (raw[4 + 8 + 10]! ^= 1))],
      ["timestamp", mutateLine(good, daily.signer.name, (raw) => (raw[4 + 7]! ^= 1))],
      ["impostor key", bundle.checkpoint + forgedLine],
      ["copied from another checkpoint", bundle.checkpoint + copiedLine],
    ];
    for (const [what, note] of cases) {
      expect(note, what).not.toBe(good);
      const results = verifyBundle({ ...bundle, checkpoint: note }, { policy });
      expect(witnessStep(results), what).toMatchObject({ status: "failed", code: "bad-cosignature" });
      expect(witnessStep(results).witnesses!.find((w) => w.name === "海平日报")!.status, what).toBe("invalid");
      expect(summarize(results)).toMatchObject({ ok: false, failedStep: "witnesses" });
    }
    expect(witnessStep(verifyBundle({ ...bundle, checkpoint: good }, { policy })).status).toBe("ok");
  });

  it("lists signers outside the policy without counting them", async () => {
    const { bundle } = await sampleLog();
    const [daily, archives] = demoWitnesses();
    const stranger = makeWitness("stranger", "witness.stranger.example");
    const results = verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, [stranger, daily]) }, { policy: policyOf([daily, archives]) });
    expect(witnessStep(results)).toMatchObject({ status: "waiting", code: "quorum-not-met" });
    expect(witnessStep(results).witnesses!.map((w) => [w.name, w.status])).toEqual([
      ["海平日报", "verified"],
      ["海平市档案馆", "absent"],
      ["witness.stranger.example", "unknown"],
    ]);
    expect(witnessStep(results).detail).toContain("1 signature(s) by keys outside the policy were not checked");
  });

  it("accepts a witness published as a 0x01 vkey, and not a plain note signature in place of a cosignature", async () => {
    const { bundle } = await sampleLog();
    const [daily] = demoWitnesses();
    const asNoteKey = formatVerifierKey(daily.signer.name, parseCosignatureVerifierKey(daily.verifierKey).publicKey);
    expect(asNoteKey).not.toBe(daily.verifierKey);
    const policy = parseWitnessPolicy(`witness 海平日报 ${asNoteKey}\nquorum 海平日报\n`);
    expect(witnessStep(verifyBundle({ ...bundle, checkpoint: cosign(bundle.checkpoint, [daily]) }, { policy })).code).toBe("quorum-met");
    // The same Ed25519 key signing the note the 0x01 way is not a cosignature (no timestamp,
    // another key ID): it is listed as an unknown signer and the quorum is not met.
    const seed = fromBase64(daily.signerKey.split("+").slice(4).join("+")).subarray(1); // base64 may hold "+"
    const pub = parseCosignatureVerifierKey(daily.verifierKey).publicKey;
    const noteSigner = parseSignerKey(`PRIVATE+KEY+${daily.signer.name}+${formatKeyId(keyId(daily.signer.name, pub))}+${toBase64(new Uint8Array([1, ...seed]))}`);
    const text = bundle.checkpoint.slice(0, bundle.checkpoint.lastIndexOf("\n\n") + 1);
    const noteSigned = bundle.checkpoint + signNote(text, [noteSigner]).slice(text.length + 1);
    const step = witnessStep(verifyBundle({ ...bundle, checkpoint: noteSigned }, { policy }));
    expect(step).toMatchObject({ status: "waiting", code: "quorum-not-met" });
    expect(step.witnesses!.map((w) => w.status)).toEqual(["absent", "unknown"]);
  });

  it("reads --witness keys as a quorum of any one of them, and reports a bad key", async () => {
    const { bundle } = await sampleLog();
    const [daily, archives] = demoWitnesses();
    const note = cosign(bundle.checkpoint, [archives]);
    const step = witnessStep(verifyBundle({ ...bundle, checkpoint: note }, { witnesses: [daily.verifierKey, archives.verifierKey] }));
    expect(step).toMatchObject({ status: "ok", code: "quorum-met", detail: "cosigned by 1 of 2: witness.haiping-archives.example" });
    expect(witnessStep(verifyBundle(bundle, { witnesses: [daily.verifierKey] }))).toMatchObject({ status: "waiting" });
    expect(witnessStep(verifyBundle(bundle, { witnesses: ["not a key"] }))).toMatchObject({ status: "failed", code: "bad-witness-key" });
    // No policy and no keys: nothing required, cosignatures listed unchecked.
    expect(witnessStep(verifyBundle({ ...bundle, checkpoint: note }))).toMatchObject({ status: "info", code: "no-known-witness" });
  });

  it("says the quorum rule in words", () => {
    const ws: TestWitness[] = [...demoWitnesses(), makeWitness("大学", "witness.university.example")];
    const text = ws.map((w) => `witness ${w.name} ${w.verifierKey}`).join("\n");
    expect(describeQuorumRule(quorumRule(parseWitnessPolicy(`${text}\ngroup g all 海平日报 海平市档案馆\nquorum g\n`)))).toBe("all of: 海平日报, 海平市档案馆");
    expect(describeQuorumRule(quorumRule(parseWitnessPolicy(`${text}\ngroup a any 海平市档案馆 大学\ngroup g 2 海平日报 a\nquorum g\n`)))).toBe(
      "all of: 海平日报, (any of: 海平市档案馆, 大学)",
    );
    expect(describeQuorumRule(quorumRule(parseWitnessPolicy(`${text}\ngroup g 2 海平日报 海平市档案馆 大学\nquorum g\n`)))).toBe("2 of: 海平日报, 海平市档案馆, 大学");
    expect(describeQuorumRule(quorumRule(parseWitnessPolicy(`${text}\nquorum none\n`)))).toBe("no cosignature needed");
  });
});

interface Vectors {
  witnessKeysAsPublished: string[];
  cases: { note: string; logKey?: string; expect: { name: string; valid?: boolean; timestamp?: number }[] }[];
}

describe("witnesses step on production cosignatures", () => {
  const vectors = readJson<Vectors>("cosignature.json");
  const names = ["floral-sky", "weathered-rain", "small-breeze", "autumn-wood"];
  const policyText = (quorum: string) =>
    vectors.witnessKeysAsPublished.map((k, i) => `witness ${names[i]} ${k}`).join("\n") + `\ngroup aw ${quorum} ${names.join(" ")}\nquorum aw\n`;
  const prod = vectors.cases.find((c) => c.logKey)!;
  const log = { origin: prod.note.split("\n")[0]!, verifierKey: prod.logKey! };

  it("verifies the armored witnesses' cosignatures with their published keys", () => {
    const step = checkWitnesses(prod.note, log, parseWitnessPolicy(policyText("2")));
    expect(step).toMatchObject({ status: "ok", code: "quorum-met", detail: "cosigned by 2 of 4: floral-sky, weathered-rain" });
    const stamps = Object.fromEntries(prod.expect.filter((e) => e.timestamp).map((e) => [e.name, e.timestamp]));
    expect(step.witnesses!.find((w) => w.name === "weathered-rain")!.timestamp).toBe(stamps["ArmoredWitness-weathered-rain"]);
    const all = checkWitnesses(prod.note, log, parseWitnessPolicy(policyText("all")));
    expect(all).toMatchObject({ status: "waiting", code: "quorum-not-met" });
    expect(all.detail).toContain("not yet cosigned by small-breeze, autumn-wood");
  });

  it("fails when a byte of a production cosignature, or of the checkpoint body, changes", () => {
    const policy = parseWitnessPolicy(policyText("2"));
    const flipped = mutateLine(prod.note, "ArmoredWitness-floral-sky", (raw) => (raw[40]! ^= 0x20));
    expect(checkWitnesses(flipped, log, policy)).toMatchObject({ status: "failed", code: "bad-cosignature" });
    // Other witnesses' lines on an otherwise valid note stay independent of the log key: a
    // note whose body changed no longer opens under the log key at all.
    const body = prod.note.replace("\n59\n", "\n60\n");
    expect(() => checkWitnesses(body, log, policy)).toThrow();
  });
});

describe("two histories with cosigned checkpoints", () => {
  it("names the witnesses on each side, and any that cosigned both", async () => {
    const a = await sampleLog();
    const fork = await sampleLog({ signerKey: a.signerKey, fillerSeed: "fork" });
    const [daily, archives] = demoWitnesses();
    const policy = policyOf([daily, archives]);
    const log = { origin: a.bundle.log.origin, verifierKey: a.verifierKey };
    const found = findTwoHistories(cosign(a.bundle.checkpoint, [daily, archives]), cosign(fork.bundle.checkpoint, [daily]), log, undefined, policy);
    expect(found).toMatchObject({
      verdict: "split",
      reason: "same-size-different-roots",
      evidence: { cosigners: { older: ["海平日报", "海平市档案馆"], newer: ["海平日报"], olderMeetsQuorum: true, newerMeetsQuorum: false }, witnessesOnBoth: ["海平日报"] },
    });
    // Without a policy the verdict is the same, with no witness weight.
    const plain = findTwoHistories(a.bundle.checkpoint, fork.bundle.checkpoint, log);
    expect(plain).toMatchObject({ verdict: "split" });
    expect(plain.verdict === "split" && plain.evidence.cosigners).toBe(undefined);
  });
});

describe("witnesses step, every answer in full", () => {
  it("says there is nothing to check when no witness is required and none cosigned, with keys or without", async () => {
    const { bundle } = await sampleLog();
    const none = { step: "witnesses", status: "info", code: "no-cosignatures", detail: "the checkpoint carries no witness cosignatures", witnesses: [] };
    expect(checkWitnesses(bundle.checkpoint, bundle.log)).toEqual(none);
    // An empty --witness list requires nothing either.
    expect(checkWitnesses(bundle.checkpoint, bundle.log, [])).toEqual(none);
  });

  it("lists cosignatures unchecked when no witness is required, counting them", async () => {
    const { bundle } = await sampleLog();
    const [daily, archives] = demoWitnesses();
    const step = checkWitnesses(cosign(bundle.checkpoint, [daily, archives]), bundle.log, []);
    expect(step).toMatchObject({
      step: "witnesses",
      status: "info",
      code: "no-known-witness",
      detail: "no witness policy was given; 2 signature(s) by other keys were not checked",
    });
    expect(step.witnesses!.map((w) => [w.name, w.status])).toEqual([
      [daily.signer.name, "unknown"],
      [archives.signer.name, "unknown"],
    ]);
  });

  it("says why a witness key is not usable", async () => {
    const { bundle } = await sampleLog();
    let why = "";
    try {
      parseCosignatureVerifierKey("not a key");
    } catch (e) {
      why = (e as Error).message;
    }
    expect(why).not.toBe("");
    expect(checkWitnesses(bundle.checkpoint, bundle.log, ["not a key"])).toEqual({
      step: "witnesses",
      status: "failed",
      code: "bad-witness-key",
      detail: `a witness key is not usable: ${why}`,
    });
  });

  it("names the forged witness, and the unknown signers next to a met or a missed quorum", async () => {
    const { bundle } = await sampleLog();
    const [daily, archives] = demoWitnesses();
    const stranger = makeWitness("stranger", "witness.stranger.example");
    const policy = policyOf([daily, archives]);
    const forged = mutateLine(cosign(bundle.checkpoint, [daily, archives]), daily.signer.name, (raw) => (raw[30]! ^= 1));
    expect(checkWitnesses(forged, bundle.log, policy).detail).toBe("the cosignature(s) of 海平日报 do not verify: forged or altered");
    expect(checkWitnesses(cosign(bundle.checkpoint, [daily, stranger, archives]), bundle.log, policy).detail).toBe(
      "cosigned by 2 of 2: 海平日报, 海平市档案馆; 1 signature(s) by keys outside the policy were not checked",
    );
    expect(checkWitnesses(cosign(bundle.checkpoint, [stranger]), bundle.log, policy).detail).toBe(
      "waiting for witnesses: cosigned by 0 of 2; not yet cosigned by 海平日报, 海平市档案馆; 1 signature(s) by keys outside the policy were not checked",
    );
  });
});
