/** tlog-policy parsing and quorum evaluation, and the tlog-witness wire formats. */
import { describe, expect, it } from "vitest";
import {
  formatAddCheckpointRequest,
  generateCosignatureKey,
  generateKey,
  parseAddCheckpointRequest,
  parseSignatureLines,
  parseTlogSize,
  parseWitnessPolicy,
  policyAllowsLog,
  quorumMet,
  quorumWitnesses,
  sha256Hash,
  utf8,
  type Hash,
} from "@/lib/core/log";
import { readJson } from "./helpers";

const log = generateKey("example.gov/log").verifierKey;
const [a, b, c, d] = ["a.example/w", "b.example/w", "c.example/w", "d.example/w"].map((n) => generateCosignatureKey(n).verifierKey) as [string, string, string, string];

describe("policyAllowsLog", () => {
  it("allows any log when the policy names none, else only a log it names", () => {
    expect(policyAllowsLog(parseWitnessPolicy("quorum none\n"), log)).toBe(true);
    expect(policyAllowsLog(parseWitnessPolicy(`log ${log}\nquorum none\n`), log)).toBe(true);
    expect(policyAllowsLog(parseWitnessPolicy(`log ${log}\nquorum none\n`), generateKey("example.gov/log").verifierKey)).toBe(false);
  });
});

describe("parseWitnessPolicy", () => {
  const text = [
    "# Gongshi demo policy",
    `log ${log} https://notices.example.gov`,
    "",
    `witness 海平日报 ${a} http://127.0.0.1:3101`,
    `\twitness  archives\t${b}`,
    `witness X ${c}`,
    `witness Y ${d}`,
    "group press-and-archives all 海平日报 archives",
    "group others 1 X Y",
    "group top 2 press-and-archives others",
    "quorum top",
  ].join("\n");

  it("reads logs, witnesses with opaque names and URLs, nested groups and the quorum", () => {
    const policy = parseWitnessPolicy(text);
    expect(policy.logs.map((l) => [l.verifier.name, l.url])).toEqual([["example.gov/log", "https://notices.example.gov"]]);
    expect(policy.witnesses.map((w) => [w.name, w.url])).toEqual([
      ["海平日报", "http://127.0.0.1:3101"],
      ["archives", null],
      ["X", null],
      ["Y", null],
    ]);
    expect(policy.quorum).toBe("top");
    expect(quorumWitnesses(policy).map((w) => w.name)).toEqual(["海平日报", "archives", "X", "Y"]);
  });

  it("evaluates k-of-n, all and any, nested", () => {
    const policy = parseWitnessPolicy(text);
    expect(quorumMet(policy, new Set(["海平日报", "archives", "X"]))).toBe(true);
    expect(quorumMet(policy, new Set(["海平日报", "archives", "Y"]))).toBe(true);
    expect(quorumMet(policy, new Set(["海平日报", "archives"]))).toBe(false);
    expect(quorumMet(policy, new Set(["海平日报", "X", "Y"]))).toBe(false);
    expect(quorumMet(policy, new Set())).toBe(false);
  });

  it("quorum none needs no one; a single witness as quorum needs it", () => {
    expect(quorumMet(parseWitnessPolicy(`log ${log}\nquorum none\n`), new Set())).toBe(true);
    const single = parseWitnessPolicy(`witness w ${a}\nquorum w\n`);
    expect(quorumMet(single, new Set(["w"]))).toBe(true);
    expect(quorumMet(single, new Set(["other"]))).toBe(false);
  });

  it("accepts the production witness keys published as 0x01 vkeys", () => {
    const keys = readJson<{ witnessKeysAsPublished: string[] }>("cosignature.json").witnessKeysAsPublished;
    const policy = parseWitnessPolicy(keys.map((k, i) => `witness w${i} ${k}`).join("\n") + "\ngroup g 3 w0 w1 w2 w3\nquorum g\n");
    expect(policy.witnesses).toHaveLength(4);
  });

  const bad: [string, string, RegExp][] = [
    ["no quorum", `witness w ${a}\n`, /no quorum/],
    ["two quorums", `witness w ${a}\nquorum w\nquorum w\n`, /line 3: .*exactly one quorum/],
    ["undefined quorum", `quorum w\n`, /line 1: "w" is not defined/],
    ["use before definition", `group g any w\nwitness w ${a}\nquorum g\n`, /line 1: "w" is not defined/],
    ["duplicate name", `witness w ${a}\nwitness w ${b}\nquorum w\n`, /line 2: the name "w" is already defined/],
    ["duplicate witness key", `witness w ${a}\nwitness v ${a}\nquorum w\n`, /line 2: this witness key/],
    ["duplicate log key", `log ${log}\nlog ${log}\nquorum none\n`, /line 2: this log key/],
    ["member twice", `witness w ${a}\ngroup g 1 w w\nquorum g\n`, /line 2: "w" is listed twice/],
    ["none as member", `witness w ${a}\ngroup g any w none\nquorum g\n`, /line 2: "none" cannot be a group member/],
    ["threshold too high", `witness w ${a}\ngroup g 2 w\nquorum g\n`, /line 2: the threshold/],
    ["threshold zero", `witness w ${a}\ngroup g 0 w\nquorum g\n`, /line 2: "0" is not all, any or a number/],
    ["empty group", `group g any\nquorum none\n`, /line 1: expected/],
    ["bad key", `witness w ${a.slice(0, -2)}\nquorum w\n`, /line 1: .*key/],
    ["wrong key id", `witness w ${a.replace(/\+[0-9a-f]{8}\+/, "+00000000+")}\nquorum w\n`, /line 1: .*key ID/],
    ["unknown keyword", `witnes w ${a}\nquorum none\n`, /line 1: unknown keyword "witnes"/],
    ["witness URL with credentials", `witness w ${a} https://user:pw@w.example\nquorum w\n`, /line 1: the URL of witness w is not a plain http\(s\) URL/],
    ["witness URL of another scheme", `witness w ${a} file:///etc/passwd\nquorum w\n`, /line 1: the URL of witness w/],
    ["control character", `witness w ${a}\r\nquorum w\n`, /line 1: control characters/],
  ];
  for (const [what, policy, message] of bad) {
    it(`refuses: ${what}`, () => expect(() => parseWitnessPolicy(policy)).toThrow(message));
  }
});

describe("tlog-witness wire formats", () => {
  const proof = [sha256Hash(utf8("a")), sha256Hash(utf8("b"))] as Hash[];
  const checkpoint = "example.gov/log\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u2014 example.gov/log AAAAAQ==\n";

  it("round-trips an add-checkpoint request", () => {
    const body = formatAddCheckpointRequest({ oldSize: 3, proof, signedCheckpoint: checkpoint });
    expect(body.startsWith("old 3\n")).toBe(true);
    const parsed = parseAddCheckpointRequest(body);
    expect(parsed.oldSize).toBe(3);
    expect(parsed.proof).toEqual(proof);
    expect(parsed.signedCheckpoint).toBe(checkpoint);
    expect(parseAddCheckpointRequest(`old 0\n\n${checkpoint}`).proof).toEqual([]);
  });

  for (const body of [
    `old 03\n\n${checkpoint}`,
    `old -1\n\n${checkpoint}`,
    `old 3\n${checkpoint}`,
    `Old 3\n\n${checkpoint}`,
    `old 3 \n\n${checkpoint}`,
    `old 3\nnot-base64\n\n${checkpoint}`,
    `old 3\n\n`,
    `old 3\n${"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n".repeat(64)}\n${checkpoint}`,
  ]) {
    it(`refuses a malformed request: ${JSON.stringify(body.slice(0, 20))}`, () => expect(() => parseAddCheckpointRequest(body)).toThrow());
  }

  it("reads text/x.tlog.size bodies strictly", () => {
    expect(parseTlogSize("42\n")).toBe(42);
    for (const body of ["42", "042\n", "-1\n", "4 2\n", "\n"]) expect(() => parseTlogSize(body)).toThrow();
  });

  it("reads signature lines and refuses anything else", () => {
    const lines = parseSignatureLines("\u2014 w.example AAAAAQE=\n\u2014 v.example AAAAAgI=\n");
    expect(lines.map((l) => [l.name, l.keyId])).toEqual([
      ["w.example", 1],
      ["v.example", 2],
    ]);
    for (const body of ["", "\u2014 w.example AAAAAQE=", "- w.example AAAAAQE=\n", "\u2014 w.example !!!\n", "\u2014 AAAAAQE=\n"]) {
      expect(() => parseSignatureLines(body)).toThrow();
    }
  });
});
