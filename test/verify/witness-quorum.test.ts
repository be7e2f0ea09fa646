/**
 * What "cosigned by k of n" means (lib/core/verify/witness-quorum.ts), on real cosignatures by
 * fresh cosignature/v1 keys over a real signed checkpoint: the policy a --witness list stands
 * for, the tally of a note's lines against a policy, and the words for both.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ed25519 } from "@noble/curves/ed25519.js";
import {
  cosignatureKeyId,
  formatCosignatureVerifierKey,
  formatKeyId,
  openNote,
  parseCosignatureSignerKey,
  parseCosignatureVerifierKey,
  parseVerifierKey,
  parseWitnessPolicy,
  toBase64,
} from "@/lib/core/log";
import { describeQuorumRule, describeTally, policyFromWitnessKeys, quorumRule, tallyCosignatures, tallyNote } from "@/lib/core/verify";
import { sampleLog, type SampleLog } from "./fixtures";
import { cosign, demoWitnesses, makeWitness, policyOf, type TestWitness } from "./witness-fixtures";

let s: SampleLog;
let log: { origin: string; verifierKey: string };
let daily: TestWitness;
let archives: TestWitness;

beforeAll(async () => {
  s = await sampleLog();
  log = { origin: s.bundle.log.origin, verifierKey: s.verifierKey };
  [daily, archives] = demoWitnesses();
});

/** The note with the cosignature line of `witness` replaced by one whose signature bytes are altered. */
function forgedBy(witness: TestWitness, note: string): string {
  return note
    .split("\n")
    .map((line) => {
      if (!line.startsWith(`— ${witness.signer.name} `)) return line;
      const raw = Buffer.from(line.split(" ")[2]!, "base64");
      raw[20]! ^= 1;
      return `— ${witness.signer.name} ${raw.toString("base64")}`;
    })
    .join("\n");
}

/**
 * Two cosignature keys whose 4-byte key IDs are equal under different key names. The names were
 * found by a birthday search over names for these two fixed keys (about 2^16 SHA-256 per side);
 * the collision itself is checked here.
 */
function collidingWitnesses(): [TestWitness, TestWitness] {
  const seeds = [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)] as const;
  const keys = seeds.map((seed) => ed25519.getPublicKey(seed));
  const names = ["witness-a-13161.example", "witness-b-72823.example"] as const;
  expect(cosignatureKeyId(names[0], keys[0]!)).toBe(cosignatureKeyId(names[1], keys[1]!));
  return [witnessOf(names[0], seeds[0], keys[0]!), witnessOf(names[1], seeds[1], keys[1]!)];
}

/** A witness with a given seed: generateCosignatureKey's key texts, for a seed of the test's choosing. */
function witnessOf(keyName: string, seed: Uint8Array, publicKey: Uint8Array): TestWitness {
  const signerKey = `PRIVATE+KEY+${keyName}+${formatKeyId(cosignatureKeyId(keyName, publicKey))}+${toBase64(Uint8Array.of(0x04, ...seed))}`;
  return { name: keyName, signer: parseCosignatureSignerKey(signerKey), signerKey, verifierKey: formatCosignatureVerifierKey(keyName, publicKey) };
}

describe("policyFromWitnessKeys", () => {
  it("reads no keys as a policy that needs no cosignature", () => {
    expect(policyFromWitnessKeys([])).toEqual({ logs: [], witnesses: [], groups: [], quorum: "none" });
  });

  it("reads keys as witnesses under their key names with a quorum of any one, each key once", () => {
    const policy = policyFromWitnessKeys([daily.verifierKey, archives.verifierKey, daily.verifierKey]);
    // Verifiers hold functions: compared by the key they were read from.
    const witnesses = policy.witnesses.map(({ verifier, ...rest }) => ({ ...rest, key: verifier.cosignatureKey }));
    expect({ ...policy, witnesses }).toEqual({
      logs: [],
      witnesses: [
        { name: "witness.haiping-daily.example", key: parseCosignatureVerifierKey(daily.verifierKey).cosignatureKey, url: null },
        { name: "witness.haiping-archives.example", key: parseCosignatureVerifierKey(archives.verifierKey).cosignatureKey, url: null },
      ],
      groups: [{ name: "any witness", threshold: 1, members: ["witness.haiping-daily.example", "witness.haiping-archives.example"] }],
      quorum: "any witness",
    });
  });

  it("names a second key of the same name (a rotated key) by name and key ID", () => {
    const rotated = makeWitness("海平日报", daily.signer.name);
    const id = formatKeyId(parseCosignatureVerifierKey(rotated.verifierKey).keyId);
    expect(policyFromWitnessKeys([daily.verifierKey, rotated.verifierKey]).witnesses.map((w) => w.name)).toEqual([daily.signer.name, `${daily.signer.name}+${id}`]);
  });

  it("throws on a key that is not a witness key", () => {
    expect(() => policyFromWitnessKeys(["not a key"])).toThrow();
  });
});

describe("tallying a note's cosignatures", () => {
  it("counts a verified witness with its timestamp, and names an absent one as missing", () => {
    const tally = tallyNote(cosign(s.bundle.checkpoint, [daily], 1_780_000_123), log, policyOf([daily, archives]));
    expect(tally).toEqual({
      reports: [
        { name: "海平日报", keyName: daily.signer.name, keyId: formatKeyId(daily.signer.keyId), counts: true, status: "verified", timestamp: 1_780_000_123 },
        { name: "海平市档案馆", keyName: archives.signer.name, keyId: formatKeyId(archives.signer.keyId), counts: true, status: "absent" },
      ],
      cosigned: ["海平日报"],
      missing: ["海平市档案馆"],
      invalid: [],
      quorumMet: false,
      total: 2,
    });
  });

  it("neither counts nor waits for a witness the quorum does not draw on", () => {
    const policy = parseWitnessPolicy(`witness 海平日报 ${daily.verifierKey}\nwitness 海平市档案馆 ${archives.verifierKey}\nquorum 海平日报\n`);
    const both = tallyNote(cosign(s.bundle.checkpoint, [daily, archives]), log, policy);
    expect([both.cosigned, both.missing, both.quorumMet, both.total]).toEqual([["海平日报"], [], true, 1]);
    const none = tallyNote(s.bundle.checkpoint, log, policy);
    expect([none.cosigned, none.missing, none.quorumMet, none.total]).toEqual([[], ["海平日报"], false, 1]);
  });

  it("fails the quorum on a forged line even by a witness the quorum does not draw on", () => {
    const policy = parseWitnessPolicy(`witness 海平日报 ${daily.verifierKey}\nwitness 海平市档案馆 ${archives.verifierKey}\nquorum 海平日报\n`);
    const note = forgedBy(archives, cosign(s.bundle.checkpoint, [daily, archives]));
    const tally = tallyNote(note, log, policy);
    expect(tally.reports.map((r) => [r.name, r.status, r.counts])).toEqual([
      ["海平日报", "verified", true],
      ["海平市档案馆", "invalid", false],
    ]);
    expect([tally.cosigned, tally.missing, tally.invalid, tally.quorumMet, tally.total]).toEqual([["海平日报"], [], ["海平市档案馆"], false, 1]);
    // Without the forged line the same policy is met.
    expect(tallyNote(cosign(s.bundle.checkpoint, [daily]), log, policy).quorumMet).toBe(true);
  });

  it("counts a forged witness the quorum draws on as missing, and keeps a rotated key of the same name apart", () => {
    const rotated = makeWitness("海平日报2", daily.signer.name);
    const policy = policyFromWitnessKeys([daily.verifierKey, rotated.verifierKey]);
    const note = forgedBy(daily, cosign(s.bundle.checkpoint, [daily])) + cosign(s.bundle.checkpoint, [rotated]).slice(s.bundle.checkpoint.length);
    const tally = tallyNote(note, log, policy);
    const [first, second] = policy.witnesses.map((w) => w.name);
    expect(tally.reports.map((r) => [r.name, r.status])).toEqual([
      [first, "invalid"],
      [second, "verified"],
    ]);
    expect([tally.cosigned, tally.missing, tally.invalid, tally.quorumMet]).toEqual([[second], [first], [first], false]);
  });

  it("lists a signer the policy does not name once, even under a policy witness's key name", () => {
    const sameName = makeWitness("impostor", daily.signer.name);
    const stranger = makeWitness("stranger", "witness.stranger.example");
    const note = cosign(s.bundle.checkpoint, [sameName, stranger]);
    const opened = openNote(note, [parseVerifierKey(log.verifierKey)]);
    const tally = tallyCosignatures(opened.text, [...opened.unverified, ...opened.unverified], policyOf([daily]));
    expect(tally.reports).toEqual([
      { name: "海平日报", keyName: daily.signer.name, keyId: formatKeyId(daily.signer.keyId), counts: true, status: "absent" },
      { name: daily.signer.name, keyName: daily.signer.name, keyId: formatKeyId(sameName.signer.keyId), status: "unknown", counts: false },
      { name: "witness.stranger.example", keyName: "witness.stranger.example", keyId: formatKeyId(stranger.signer.keyId), status: "unknown", counts: false },
    ]);
  });

  it("tells apart two witness keys whose key IDs collide by their names, as a note line names both", () => {
    const [first, second] = collidingWitnesses();
    const policy = parseWitnessPolicy(`witness first ${first.verifierKey}\nwitness second ${second.verifierKey}\nquorum first\n`);
    // A forged line by the second does not make the first, with the same key ID, forged too.
    const tally = tallyNote(forgedBy(second, cosign(s.bundle.checkpoint, [first, second])), log, policy);
    expect(tally.reports.map((r) => [r.name, r.status])).toEqual([
      ["first", "verified"],
      ["second", "invalid"],
    ]);
    // A signer outside the policy with a policy witness's key ID, under another name, is listed as unknown.
    const alone = tallyNote(cosign(s.bundle.checkpoint, [first, second]), log, parseWitnessPolicy(`witness first ${first.verifierKey}\nquorum first\n`));
    expect(alone.reports.map((r) => [r.name, r.status])).toEqual([
      ["first", "verified"],
      [second.signer.name, "unknown"],
    ]);
  });

  it("says the tally in words, with the names only when someone cosigned", () => {
    expect(describeTally({ cosigned: [], total: 3 })).toBe("cosigned by 0 of 3");
    expect(describeTally({ cosigned: ["海平日报", "海平市档案馆"], total: 3 })).toBe("cosigned by 2 of 3: 海平日报, 海平市档案馆");
  });
});

describe("the quorum rule", () => {
  const ws = () => [daily, archives, makeWitness("大学", "witness.university.example")];
  const policy = (rest: string) =>
    parseWitnessPolicy(
      `${ws()
        .map((w) => `witness ${w.name} ${w.verifierKey}`)
        .join("\n")}\n${rest}`,
    );

  it("is a tree of groups and witnesses down from the quorum, or from a named group", () => {
    const p = policy("group a any 海平市档案馆 大学\ngroup g 2 海平日报 a\nquorum g\n");
    const inner = {
      kind: "group",
      name: "a",
      threshold: 1,
      members: [
        { kind: "witness", name: "海平市档案馆" },
        { kind: "witness", name: "大学" },
      ],
    };
    expect(quorumRule(p)).toEqual({ kind: "group", name: "g", threshold: 2, members: [{ kind: "witness", name: "海平日报" }, inner] });
    expect(quorumRule(p, "a")).toEqual(inner);
    expect(quorumRule(p, "none")).toEqual({ kind: "none" });
  });

  it("says a lone witness by its name, a one-member group by its member, and k of n otherwise", () => {
    expect(describeQuorumRule(quorumRule(policy("quorum 海平日报\n")))).toBe("海平日报");
    expect(describeQuorumRule(quorumRule(policy("group g 1 大学\nquorum g\n")))).toBe("大学");
    expect(describeQuorumRule(quorumRule(policy("group g any 海平日报 大学\nquorum g\n")))).toBe("any of: 海平日报, 大学");
    expect(describeQuorumRule(quorumRule(policy("group g 2 海平日报 海平市档案馆 大学\nquorum g\n")))).toBe("2 of: 海平日报, 海平市档案馆, 大学");
    expect(describeQuorumRule(quorumRule(policy("group g all 海平日报 大学\nquorum g\n")))).toBe("all of: 海平日报, 大学");
    expect(describeQuorumRule(quorumRule(policy("group a all 海平日报 大学\ngroup g 1 a\nquorum g\n")))).toBe("(all of: 海平日报, 大学)");
  });
});
