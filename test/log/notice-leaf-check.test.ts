/**
 * The leaf schema check (lib/core/log/notice-leaf-check.ts, patterns and limits in
 * lib/core/log/notice-leaf-schema.ts) at its limits, and the message each refusal carries:
 * the CLI and the browser verifier show it next to the code. test/log/notice-leaf.test.ts
 * checks the codes for malformed bytes; this file checks records just inside and just
 * outside every bound, starting from the golden leaves of test/log/testdata/leaf-golden.json.
 */
import { describe, expect, it } from "vitest";
import {
  MAX_WITHHOLD,
  attachmentNamePath,
  decodeLeaf,
  encodeLeaf,
  isCommitment,
  isLoggedAt,
  isWithholdPath,
  type LeafRecord,
  type NoticeLeaf,
  type RedactLeaf,
} from "../../lib/core/log/notice-leaf";
import { utf8 } from "../../lib/core/log/encoding";
import type { CodedError } from "../../lib/core/log/errors";
import { readJson } from "./helpers";

const golden = readJson<{ vectors: { name: string; leaf: string }[] }>("leaf-golden.json").vectors;
const PUBLISH = decodeLeaf(utf8(golden[0]!.leaf)) as NoticeLeaf;
const AMEND = decodeLeaf(utf8(golden[1]!.leaf)) as NoticeLeaf;
const REDACT = decodeLeaf(utf8(golden[3]!.leaf)) as RedactLeaf;
const COMMIT = PUBLISH.fields.number!;

/** [code, message] of the InputError encodeLeaf throws for `record`, or null when it is encoded. */
function refusal(record: unknown): [string, string] | null {
  try {
    encodeLeaf(record as LeafRecord);
  } catch (e) {
    expect((e as CodedError).name).toBe("InputError");
    return [(e as CodedError).code, (e as CodedError).message];
  }
  return null;
}

function without<T extends object>(record: T, key: string): Partial<T> {
  const copy = { ...record } as Record<string, unknown>;
  delete copy[key];
  return copy as Partial<T>;
}

describe("a leaf record", () => {
  it("must be an object with the notice schema and a kind", () => {
    for (const value of [null, [], "leaf", 7]) expect(refusal(value)).toEqual(["leaf-not-object", "a leaf must be a JSON object"]);
    expect(refusal(without(PUBLISH, "schema"))).toEqual(["leaf-missing-member", 'missing member "schema"']);
    expect(refusal({ ...PUBLISH, schema: "gongshi/notice/v2" })).toEqual(["leaf-bad-schema", 'unsupported schema; expected "gongshi/notice/v1"']);
    expect(refusal(without(PUBLISH, "kind"))).toEqual(["leaf-missing-member", 'missing member "kind"']);
    expect(refusal(without(REDACT, "kind"))).toEqual(["leaf-missing-member", 'missing member "kind"']);
    expect(refusal({ ...PUBLISH, kind: "delete" })).toEqual(["leaf-bad-kind", "unknown kind"]);
    expect(refusal({ ...AMEND, kind: "correct" })).toBeNull();
  });

  it("names an unknown or missing member by its path, quoted and cut at 40 characters", () => {
    expect(refusal({ ...PUBLISH, comment: 1 })).toEqual(["leaf-unknown-member", 'unknown member "comment"']);
    expect(refusal({ ...REDACT, version: 2 })).toEqual(["leaf-unknown-member", 'unknown member "version"']);
    expect(refusal(without(PUBLISH, "supersedes"))).toEqual(["leaf-missing-member", 'missing member "supersedes"']);
    expect(refusal(without(REDACT, "basis"))).toEqual(["leaf-missing-member", 'missing member "basis"']);
    const attachment = PUBLISH.attachments[0]!;
    expect(refusal({ ...PUBLISH, attachments: [{ ...attachment, type: "pdf" }] })).toEqual(["leaf-unknown-member", 'unknown member "attachments/0/type"']);
    expect(refusal({ ...AMEND, attachments: [AMEND.attachments[0], without(attachment, "size")] })).toEqual(["leaf-missing-member", 'missing member "attachments/1/size"']);
    const forty = "m".repeat(40);
    expect(refusal({ ...PUBLISH, [forty]: 1 })).toEqual(["leaf-unknown-member", `unknown member "${forty}"`]);
    expect(refusal({ ...PUBLISH, [forty + "xyz"]: 1 })).toEqual(["leaf-unknown-member", `unknown member "${forty}…"`]);
  });
});

describe("a notice version", () => {
  it("has version 1 when published and a later version otherwise", () => {
    const integer = ["leaf-bad-version", "version must be an integer >= 1"];
    const order = ["leaf-bad-version", "publish has version 1; amend, correct and retract have version > 1"];
    expect(refusal({ ...PUBLISH, version: 0 })).toEqual(integer);
    expect(refusal({ ...PUBLISH, version: "1" })).toEqual(integer);
    expect(refusal({ ...AMEND, version: "3" })).toEqual(integer);
    expect(refusal({ ...AMEND, version: 0 })).toEqual(integer);
    expect(refusal({ ...AMEND, version: -2 })).toEqual(integer);
    expect(refusal({ ...PUBLISH, version: 2 })).toEqual(order);
    expect(refusal({ ...AMEND, version: 1 })).toEqual(order);
    expect(refusal({ ...AMEND, version: 2 ** 53 - 1 })).toBeNull();
  });

  it("supersedes nothing when published, and a log index otherwise, from 0 up", () => {
    const message = ["leaf-bad-supersedes", "supersedes is null for publish, else the log index of the superseded version"];
    expect(refusal({ ...PUBLISH, supersedes: 0 })).toEqual(message);
    expect(refusal({ ...AMEND, supersedes: null })).toEqual(message);
    expect(refusal({ ...AMEND, supersedes: "7" })).toEqual(message);
    expect(refusal({ ...AMEND, supersedes: 0 })).toBeNull();
  });

  it("names a bad agency, notice id or log time", () => {
    expect(refusal({ ...PUBLISH, agency: ["pudong"] })).toEqual(["leaf-bad-agency", "bad agency id"]);
    expect(refusal({ ...PUBLISH, notice: ["PD-1"] })).toEqual(["leaf-bad-notice", "bad notice id"]);
    expect(refusal({ ...PUBLISH, loggedAt: "2026-13-01T00:00:00.000Z" })).toEqual(["leaf-bad-logged-at", "loggedAt must be a real UTC time as YYYY-MM-DDTHH:MM:SS.sssZ"]);
  });

  it("has agency and notice ids of 1 to 64 characters from their alphabets", () => {
    for (const agency of ["a", "0", "z9-", "a".repeat(64), "0-a-z-9"]) expect(refusal({ ...PUBLISH, agency }), agency).toBeNull();
    for (const agency of ["", "-a", "a_b", "A", "a".repeat(65)]) expect(refusal({ ...PUBLISH, agency })?.[0], agency).toBe("leaf-bad-agency");
    for (const notice of ["A", "z", "0", "Z_-a9", "N".repeat(64)]) expect(refusal({ ...PUBLISH, notice }), notice).toBeNull();
    for (const notice of ["", "_A", "A.B", "N".repeat(65)]) expect(refusal({ ...PUBLISH, notice })?.[0], notice).toBe("leaf-bad-notice");
  });

  it("has fields: an object of at most 64 named commitments", () => {
    expect(refusal({ ...PUBLISH, fields: null })).toEqual(["leaf-bad-fields", "fields must be an object"]);
    expect(refusal({ ...PUBLISH, fields: [COMMIT] })).toEqual(["leaf-bad-fields", "fields must be an object"]);
    expect(refusal({ ...PUBLISH, fields: "x" })).toEqual(["leaf-bad-fields", "fields must be an object"]);
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, COMMIT]));
    expect(refusal({ ...PUBLISH, fields: many(64) })).toBeNull();
    expect(refusal({ ...PUBLISH, fields: many(65) })).toEqual(["leaf-bad-fields", "at most 64 fields"]);
    expect(refusal({ ...PUBLISH, fields: {} })).toBeNull();
    expect(refusal({ ...PUBLISH, fields: { Title: COMMIT } })).toEqual(["leaf-bad-field-name", 'bad field name "Title"']);
    expect(refusal({ ...PUBLISH, fields: { title: COMMIT.slice(1) } })).toEqual(["leaf-bad-commitment", "field title: not a base64 32-byte commitment"]);
    // A commitment inside an array would pass a pattern test on its string form.
    expect(refusal({ ...PUBLISH, fields: { title: [COMMIT] } })?.[0]).toBe("leaf-bad-commitment");
  });

  it("has field names of 1 to 32 letters and digits, starting with a lowercase letter", () => {
    for (const name of ["a", "z", "aZ", "aA", "a0", "a9", "q".repeat(32), "constructor"]) expect(refusal({ ...PUBLISH, fields: { [name]: COMMIT } }), name).toBeNull();
    for (const name of ["A", "0a", "a-b", "a_b", "q".repeat(33)]) expect(refusal({ ...PUBLISH, fields: { [name]: COMMIT } })?.[0], name).toBe("leaf-bad-field-name");
  });

  it("has attachments: an array of at most 100 objects, each named by its index when wrong", () => {
    const a = PUBLISH.attachments[0]!;
    expect(refusal({ ...PUBLISH, attachments: {} })).toEqual(["leaf-bad-attachments", "attachments must be an array"]);
    expect(refusal({ ...PUBLISH, attachments: Array(100).fill(a) })).toBeNull();
    expect(refusal({ ...PUBLISH, attachments: Array(101).fill(a) })).toEqual(["leaf-bad-attachments", "at most 100 attachments"]);
    expect(refusal({ ...PUBLISH, attachments: [a, 1] })).toEqual(["leaf-bad-attachment", "attachments/1 must be an object"]);
    expect(refusal({ ...PUBLISH, attachments: [a, null] })).toEqual(["leaf-bad-attachment", "attachments/1 must be an object"]);
    expect(refusal({ ...PUBLISH, attachments: [{ ...a, sha256: a.sha256.toUpperCase() }] })).toEqual([
      "leaf-bad-attachment",
      "attachments/0/sha256 must be 64 lowercase hex digits",
    ]);
    expect(refusal({ ...PUBLISH, attachments: [{ ...a, sha256: [a.sha256] }] })?.[1]).toBe("attachments/0/sha256 must be 64 lowercase hex digits");
    expect(refusal({ ...PUBLISH, attachments: [a, { ...a, size: -1 }] })).toEqual(["leaf-bad-attachment", "attachments/1/size must be an integer >= 0"]);
    expect(refusal({ ...PUBLISH, attachments: [a, { ...a, size: "1" }] })?.[1]).toBe("attachments/1/size must be an integer >= 0");
    expect(refusal({ ...PUBLISH, attachments: [{ ...a, name: "x" }] })).toEqual(["leaf-bad-commitment", "attachments/0/name: not a base64 32-byte commitment"]);
    expect(refusal({ ...PUBLISH, attachments: [{ ...a, size: 0, sha256: "0123456789abcdef".repeat(4) }] })).toBeNull();
  });
});

describe("a redaction", () => {
  it("names its target, a log index from 0 up", () => {
    expect(refusal({ ...REDACT, target: -1 })).toEqual(["leaf-bad-target", "target must be a log index (integer >= 0)"]);
    expect(refusal({ ...REDACT, target: "3" })?.[0]).toBe("leaf-bad-target");
    expect(refusal({ ...REDACT, target: 0 })).toBeNull();
  });

  it("withholds 1 to 164 known paths, sorted and without duplicates", () => {
    const fieldNames = Array.from({ length: 64 }, (_, i) => `f${String(i).padStart(2, "0")}`);
    const all = [...Array.from({ length: 100 }, (_, i) => attachmentNamePath(i)), ...fieldNames].sort((x, y) => (x < y ? -1 : 1));
    expect(all).toHaveLength(MAX_WITHHOLD);
    expect(MAX_WITHHOLD).toBe(164);
    expect(refusal({ ...REDACT, withhold: all })).toBeNull();
    expect(refusal({ ...REDACT, withhold: [...all, "zz"] })).toEqual(["leaf-bad-withhold", "withhold must hold 1..164 paths"]);
    expect(refusal({ ...REDACT, withhold: [] })).toEqual(["leaf-bad-withhold", "withhold must hold 1..164 paths"]);
    expect(refusal({ ...REDACT, withhold: "body" })).toEqual(["leaf-bad-withhold", "withhold must be an array"]);
    expect(refusal({ ...REDACT, withhold: ["body", "x-y"] })).toEqual(["leaf-bad-withhold", "unknown withhold path"]);
    // A path inside an array would pass a pattern test on its string form.
    expect(refusal({ ...REDACT, withhold: [["body"]] })).toEqual(["leaf-bad-withhold", "unknown withhold path"]);
    expect(refusal({ ...REDACT, withhold: ["body", "body"] })).toEqual(["leaf-bad-withhold", "withhold must be sorted by code unit and contain no duplicates"]);
    expect(refusal({ ...REDACT, withhold: ["title", "body"] })?.[1]).toBe("withhold must be sorted by code unit and contain no duplicates");
    expect(refusal({ ...REDACT, withhold: ["aB", "ab"] })).toBeNull();
  });

  it("withholds fields by name and attachment names by an index from 0 to 99", () => {
    for (const path of ["attachments/0/name", "attachments/9/name", "attachments/10/name", "attachments/99/name", "title", "a"]) expect(isWithholdPath(path), path).toBe(true);
    for (const path of ["attachments/100/name", "attachments/01/name", "attachments/0/sha256", "xattachments/0/name", "attachments/0/namex", "Title"]) {
      expect(isWithholdPath(path), path).toBe(false);
    }
  });

  it("gives a basis of 1 to 500 characters that cannot break or reorder the display", () => {
    const message = ["leaf-bad-basis", "basis must be 1..500 characters without control characters"];
    for (const basis of ["§", "😀".repeat(500), "a\u00a0b", "a\u202fb", "a\u2065b", "a\u206ab", "a\u200eb", "\u00a0"]) expect(refusal({ ...REDACT, basis }), basis).toBeNull();
    for (const basis of [
      "",
      "法".repeat(501),
      "a\u0000",
      "a\u001fb",
      "a\u007f",
      "a\u0085",
      "a\u009fb",
      "a\u2028",
      "a\u2029",
      "a\u202a",
      "a\u202cb",
      "a\u202e",
      "a\u2066",
      "a\u2069",
      "\ud800",
    ]) {
      expect(refusal({ ...REDACT, basis }), JSON.stringify(basis)).toEqual(message);
    }
    expect(refusal({ ...REDACT, basis: 13 })).toEqual(message);
    expect(refusal({ ...REDACT, basis: ["§ 13"] })).toEqual(message);
  });
});

describe("the schema's value checks", () => {
  it("accept a commitment of any canonical base64 of 32 bytes", () => {
    for (const last of "AEIMQUYcgkosw048") expect(isCommitment("+/AZaz09" + "B".repeat(34) + last + "="), last).toBe(true);
    for (const bad of ["+/AZaz09" + "B".repeat(34) + "B=", "-" + "B".repeat(41) + "A=", "B".repeat(43) + "=", "B".repeat(44), "B".repeat(42) + "A==", 7, ["B".repeat(42) + "A="]]) {
      expect(isCommitment(bad), String(bad)).toBe(false);
    }
  });

  it("accept only a real instant written as toISOString writes it", () => {
    expect(isLoggedAt("2026-02-28T23:59:59.999Z")).toBe(true);
    expect(isLoggedAt("2028-02-29T00:00:00.000Z")).toBe(true);
    // toISOString's own form for years outside 0000–9999 is not the leaf's form.
    expect(isLoggedAt(new Date(Date.UTC(10000, 0, 1)).toISOString())).toBe(false);
    expect(isLoggedAt(new Date(Date.UTC(-1, 0, 1)).toISOString())).toBe(false);
    for (const bad of [
      "2026-02-29T00:00:00.000Z",
      "2026-13-01T00:00:00.000Z",
      "2026-00-10T00:00:00.000Z",
      "02026-01-01T00:00:00.000Z",
      "x2026-01-01T00:00:00.000Z",
      "2026-01-01T00:00:00.000Zx",
      0,
    ]) {
      expect(isLoggedAt(bad), String(bad)).toBe(false);
    }
  });
});
