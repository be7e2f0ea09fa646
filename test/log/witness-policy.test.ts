/** tlog-policy parsing and quorum evaluation, and the tlog-witness wire formats. */
import { describe, expect, it } from "vitest";
import {
  FormatError,
  MAX_POLICY_BYTES,
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
  formatVerifierKey,
  parseCosignatureVerifierKey,
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

describe("policyAllowsLog with several logs", () => {
  it("allows each log the policy names, not only one that every entry names", () => {
    const other = generateKey("example.gov/other-log").verifierKey;
    const policy = parseWitnessPolicy(`log ${log}\nlog ${other}\nquorum none\n`);
    expect(policyAllowsLog(policy, log)).toBe(true);
    expect(policyAllowsLog(policy, other)).toBe(true);
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

/** The message of the FormatError a policy is refused with (its code is always bad-policy). */
function refusal(policy: string): string {
  try {
    parseWitnessPolicy(policy);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    expect((e as FormatError).code).toBe("bad-policy");
    return (e as FormatError).message;
  }
  throw new Error("the policy was accepted");
}

describe("parseWitnessPolicy: limits", () => {
  it("reads a policy of exactly the size limit and refuses one character more", () => {
    const quorum = "quorum none\n";
    const exact = "#" + "x".repeat(MAX_POLICY_BYTES - quorum.length - 2) + "\n" + quorum;
    expect(exact).toHaveLength(MAX_POLICY_BYTES);
    expect(parseWitnessPolicy(exact).quorum).toBe("none");
    expect(refusal("#" + exact)).toBe("policy is larger than 65536 bytes");
  });

  it("counts groups toward the 100 entries", () => {
    const lines = ["quorum none", `witness w ${a}`, ...Array.from({ length: 99 }, (_, i) => `group g${i} any w`)];
    expect(parseWitnessPolicy(lines.join("\n")).groups).toHaveLength(99);
    expect(refusal([...lines, "group g99 any w"].join("\n"))).toBe("policy line 102: more than 100 entries");
  });

  it("reads 100 entries and refuses the 101st, naming its line", () => {
    const keys = Array.from({ length: 101 }, (_, i) => generateCosignatureKey(`w${i}.example`).verifierKey);
    const lines = ["quorum none", ...keys.slice(0, 100).map((k, i) => `witness w${i} ${k}`)];
    expect(parseWitnessPolicy(lines.join("\n")).witnesses).toHaveLength(100);
    expect(refusal([...lines, `witness w100 ${keys[100]}`].join("\n"))).toBe("policy line 102: more than 100 entries");
    // The quorum line is no entry: after the 100th it is read like before the first.
    const quorumLast = [...lines.slice(1), "quorum w99"];
    expect(parseWitnessPolicy(quorumLast.join("\n")).quorum).toBe("w99");
  });
});

describe("parseWitnessPolicy: lines", () => {
  it("skips comments, blank and whitespace-only lines, and reads a last line without a newline", () => {
    const policy = parseWitnessPolicy(`# a comment\n\n \t \n  # indented comment\nwitness w ${a}\n\nquorum w`);
    expect(policy.witnesses.map((w) => w.name)).toEqual(["w"]);
    expect(policy.quorum).toBe("w");
  });

  it("allows tabs but no other control character, and counts lines from 1", () => {
    expect(parseWitnessPolicy(`witness\tw\t${a}\nquorum\tw\n`).quorum).toBe("w");
    for (const c of ["\u0000", "\u0008", "\u000b", "\u000c", "\r", "\u001f", "\u007f"]) {
      expect(refusal(`# ok\nwitness w ${a}${c}\nquorum w\n`), JSON.stringify(c)).toBe("policy line 2: control characters other than tab are not allowed");
    }
    expect(parseWitnessPolicy(`# \u0080 and \u00a0 are not control characters here\nquorum none\n`).quorum).toBe("none");
  });

  it("refuses a policy without a quorum line", () => {
    expect(refusal(`witness w ${a}\n`)).toBe("policy has no quorum line");
    expect(refusal("")).toBe("policy has no quorum line");
  });

  it.each([
    ["log without a key", "log\nquorum none\n", "policy line 1: expected: log <vkey> [<url>]"],
    ["log with two URLs", `log ${log} https://a.example https://b.example\nquorum none\n`, "policy line 1: expected: log <vkey> [<url>]"],
    ["witness without a key", "witness w\nquorum none\n", "policy line 1: expected: witness <name> <vkey> [<url>]"],
    ["witness with two URLs", `witness w ${a} https://a.example https://b.example\nquorum none\n`, "policy line 1: expected: witness <name> <vkey> [<url>]"],
    ["group without members", `witness w ${a}\ngroup g 1\nquorum g\n`, "policy line 2: expected: group <name> <k|all|any> <member>..."],
    ["quorum without a name", "quorum\n", "policy line 1: expected: quorum <name>"],
    ["quorum with two names", `witness w ${a}\nwitness v ${b}\nquorum w v\n`, "policy line 3: expected: quorum <name>"],
    ["two quorum lines", "quorum none\nquorum none\n", "policy line 2: a policy has exactly one quorum line"],
    ["an undefined quorum", "quorum w\n", 'policy line 1: "w" is not defined on an earlier line'],
    ["a group name already used", `witness w ${a}\ngroup w any w\nquorum w\n`, 'policy line 2: the name "w" is already defined'],
    ["a witness named none", `witness none ${a}\nquorum none\n`, 'policy line 1: the name "none" is already defined'],
    ["an undefined member", `witness w ${a}\ngroup g any w v\nquorum g\n`, 'policy line 2: "v" is not defined on an earlier line'],
    ["a member listed twice", `witness w ${a}\ngroup g any w w\nquorum g\n`, 'policy line 2: "w" is listed twice'],
    ["none as a member", `witness w ${a}\ngroup g any none w\nquorum g\n`, 'policy line 2: "none" cannot be a group member'],
    ["a threshold with a leading zero", `witness w ${a}\ngroup g 01 w\nquorum g\n`, 'policy line 2: "01" is not all, any or a number'],
    ["a threshold of five digits", `witness w ${a}\ngroup g 10000 w\nquorum g\n`, 'policy line 2: "10000" is not all, any or a number'],
    ["a threshold above the members", `witness w ${a}\nwitness v ${b}\ngroup g 3 w v\nquorum g\n`, "policy line 3: the threshold must be between 1 and 2"],
    ["a four-digit threshold above the members", `witness w ${a}\ngroup g 9999 w\nquorum g\n`, "policy line 2: the threshold must be between 1 and 1"],
    ["an unknown keyword", "quorum none\ncosigner w\n", 'policy line 2: unknown keyword "cosigner"'],
    ["a log key listed twice", `log ${log}\nlog ${log} https://a.example\nquorum none\n`, "policy line 2: this log key is already listed"],
    ["a witness key listed twice", `witness w ${a}\nwitness v ${a}\nquorum w\n`, "policy line 2: this witness key is already listed"],
    ["a witness key in both its 0x04 and its 0x01 form", `witness w ${a}\nwitness v ${noteFormOf(a)}\nquorum w\n`, "policy line 2: this witness key is already listed"],
    ["a bad log key", `log ${log.replace(/\+[0-9a-f]{8}\+/, "+00000000+")}\nquorum none\n`, "policy line 1: verifier key ID does not match the key"],
    ["a bad witness key", `witness w ${a.replace(/\+[0-9a-f]{8}\+/, "+00000000+")}\nquorum none\n`, "policy line 1: witness key ID does not match the key"],
  ])("refuses %s, naming the line", (_what, policy, message) => {
    expect(refusal(policy)).toBe(message);
  });

  it("reads the URL of a log and of a witness, or none", () => {
    const policy = parseWitnessPolicy(`log ${log} https://log.example/\nwitness w ${a} https://w.example/prefix\nwitness v ${b}\nquorum none\n`);
    expect(policy.logs[0]!.url).toBe("https://log.example/");
    expect(policy.logs[0]!.verifier.key).toBe(log);
    expect(policy.witnesses.map((w) => [w.name, w.url, w.verifier.key])).toEqual([
      ["w", "https://w.example/prefix", a],
      ["v", null, b],
    ]);
    expect(parseWitnessPolicy(`log ${log}\nquorum none\n`).logs[0]!.url).toBeNull();
  });

  it("lets a log's key also be a witness key: the two lists are kept apart", () => {
    const policy = parseWitnessPolicy(`log ${log}\nwitness w ${log}\nquorum w\n`);
    expect([policy.logs.length, policy.witnesses.length]).toEqual([1, 1]);
  });

  it("accepts a witness URL only as plain http or https", () => {
    for (const url of ["http://w.example", "https://w.example/a/b", "http://127.0.0.1:3101"]) {
      expect(parseWitnessPolicy(`witness w ${a} ${url}\nquorum w\n`).witnesses[0]!.url).toBe(url);
    }
    for (const url of ["ftp://w.example", "file:///etc/passwd", "https://w.example/?a=b", "https://w.example/#x", "https://user@w.example", "https://:pw@w.example", "w.example"]) {
      expect(refusal(`witness w ${a} ${url}\nquorum w\n`), url).toBe("policy line 1: the URL of witness w is not a plain http(s) URL");
    }
  });
});

describe("quorums", () => {
  it("reads all, any and a number as thresholds", () => {
    const policy = parseWitnessPolicy(`witness w ${a}\nwitness v ${b}\nwitness u ${c}\ngroup all3 all w v u\ngroup any3 any w v u\ngroup two 2 w v u\nquorum two\n`);
    expect(policy.groups.map((g) => [g.name, g.threshold, g.members])).toEqual([
      ["all3", 3, ["w", "v", "u"]],
      ["any3", 1, ["w", "v", "u"]],
      ["two", 2, ["w", "v", "u"]],
    ]);
  });

  it("is met by exactly k of n members and not by k - 1", () => {
    const policy = parseWitnessPolicy(`witness w ${a}\nwitness v ${b}\nwitness u ${c}\ngroup two 2 w v u\nquorum two\n`);
    expect(quorumMet(policy, new Set(["w", "u"]))).toBe(true);
    expect(quorumMet(policy, new Set(["v"]))).toBe(false);
    expect(quorumMet(policy, new Set(["w", "v", "u"]))).toBe(true);
    // A name outside the group does not count toward it.
    expect(quorumMet(policy, new Set(["w", "two"]))).toBe(false);
  });

  it("draws only on the witnesses the quorum reaches", () => {
    const text = `witness w ${a}\nwitness v ${b}\nwitness u ${c}\ngroup inner any v\ngroup outer 1 inner u\n`;
    expect(quorumWitnesses(parseWitnessPolicy(text + "quorum outer\n")).map((w) => w.name)).toEqual(["v", "u"]);
    expect(quorumWitnesses(parseWitnessPolicy(text + "quorum w\n")).map((w) => w.name)).toEqual(["w"]);
    expect(quorumWitnesses(parseWitnessPolicy(text + "quorum none\n"))).toEqual([]);
  });
});

/** The same Ed25519 key as a 0x01 note vkey (with its 0x01 key ID). */
function noteFormOf(vkey: string): string {
  const witness = parseCosignatureVerifierKey(vkey);
  return formatVerifierKey(witness.name, witness.publicKey);
}
