/**
 * Checking shown content against a leaf (lib/core/log/notice-leaf-verify.ts): content and
 * salts come from an untrusted portal, so nothing malformed may throw — each is a mismatch
 * naming the path. Values and salts are those of test/log/testdata/leaf-golden.json.
 */
import { describe, expect, it } from "vitest";
import { buildCommittedNoticeLeaf, commitmentPaths, decodeLeaf, digestMatches, verifyFieldCommitments, type NoticeLeaf } from "../../lib/core/log/notice-leaf";
import { commitValue } from "../../lib/core/log/commitment";
import { fromHex, toBase64, utf8 } from "../../lib/core/log/encoding";
import { readJson } from "./helpers";

interface Vector {
  name: string;
  leaf: string;
  input?: { fields: Record<string, string>; salts: Record<string, string>; attachments: { name: string; nameSalt: string; sha256: string; size: number }[] };
}
const vectors = readJson<{ vectors: Vector[] }>("leaf-golden.json").vectors;
const amend = vectors.find((v) => v.name === "amend-en")!;
const leaf = decodeLeaf(utf8(amend.leaf)) as NoticeLeaf;
const input = amend.input!;
const values: Record<string, string> = { ...input.fields, "attachments/0/name": input.attachments[0]!.name, "attachments/1/name": input.attachments[1]!.name };
const salts: Record<string, Uint8Array> = {
  ...Object.fromEntries(Object.entries(input.salts).map(([k, v]) => [k, fromHex(v)])),
  "attachments/0/name": fromHex(input.attachments[0]!.nameSalt),
  "attachments/1/name": fromHex(input.attachments[1]!.nameSalt),
};

describe("shown content checked against a leaf", () => {
  it("matches the golden values and salts", () => {
    expect(verifyFieldCommitments(leaf, values, salts)).toEqual({ mismatched: [], withheld: [] });
  });

  it("reports a salt that is not a Uint8Array, or a value that is not a well-formed string, as a mismatch without throwing", () => {
    const path = "title";
    expect(verifyFieldCommitments(leaf, values, { ...salts, [path]: Array.from(salts[path]!) as unknown as Uint8Array }).mismatched).toEqual([path]);
    expect(verifyFieldCommitments(leaf, values, { ...salts, [path]: new Uint8Array(33) }).mismatched).toEqual([path]);
    expect(verifyFieldCommitments(leaf, { ...values, [path]: 7 as unknown as string }, salts).mismatched).toEqual([path]);
    expect(verifyFieldCommitments(leaf, { ...values, [path]: "\ud800" }, salts).mismatched).toEqual([path]);
    expect(verifyFieldCommitments(leaf, { ...values, "attachments/1/name": "\udc00" }, salts).mismatched).toEqual(["attachments/1/name"]);
  });

  it("skips every withheld path, fields and attachment names alike, and names it", () => {
    const { title: _t, ...noTitle } = values;
    const withheld = new Set(["title", "attachments/0/name"]);
    expect(verifyFieldCommitments(leaf, { ...noTitle, "attachments/0/name": "other.pdf" }, salts, withheld)).toEqual({ mismatched: [], withheld: ["title", "attachments/0/name"] });
  });

  it("reads an attachment's commitment at its index, beyond nine too", () => {
    const names = Array.from({ length: 12 }, (_, i) => `file-${i}.pdf`);
    const nameSalts = names.map((_, i) => new Uint8Array(32).fill(i + 1));
    const many = buildCommittedNoticeLeaf({
      ...leaf,
      attachments: names.map((name, i) => ({ sha256: "ab".repeat(32), size: i, name: toBase64(commitValue(nameSalts[i]!, name)) })),
    });
    const shownValues = { ...values, ...Object.fromEntries(names.map((n, i) => [`attachments/${i}/name`, n])) };
    const shownSalts = { ...salts, ...Object.fromEntries(nameSalts.map((s, i) => [`attachments/${i}/name`, s])) };
    expect(verifyFieldCommitments(many, shownValues, shownSalts)).toEqual({ mismatched: [], withheld: [] });
    expect(verifyFieldCommitments(many, { ...shownValues, "attachments/11/name": names[1]! }, shownSalts).mismatched).toEqual(["attachments/11/name"]);
  });

  it("lists commitment paths in code-unit order whatever the member order of the leaf object", () => {
    const reordered = { ...leaf, fields: { title: leaf.fields.title!, Zeta: leaf.fields.body!, body: leaf.fields.body!, aZ: leaf.fields.body!, ab: leaf.fields.body! } };
    expect(commitmentPaths(reordered)).toEqual(["Zeta", "aZ", "ab", "body", "title", "attachments/0/name", "attachments/1/name"]);
  });

  it("matches a file digest only when both hash and size agree", () => {
    const a = leaf.attachments[0]!;
    expect(digestMatches(a, { sha256: a.sha256, size: a.size })).toBe(true);
    expect(digestMatches(a, { sha256: a.sha256, size: a.size + 1 })).toBe(false);
    expect(digestMatches(a, { sha256: leaf.attachments[1]!.sha256, size: a.size })).toBe(false);
  });
});
