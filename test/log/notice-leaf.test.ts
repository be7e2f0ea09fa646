import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import {
  attachmentDigest,
  attachmentMatches,
  buildNoticeLeaf,
  buildRedactLeaf,
  commitAttachments,
  commitFields,
  commitmentPaths,
  decodeLeaf,
  encodeCommittedNoticeLeaf,
  encodeLeaf,
  MAX_LEAF_SIZE,
  verifyFieldCommitments,
  type LeafRecord,
  type NoticeKind,
  type NoticeLeaf,
  type NoticeVersionInput,
  type RedactLeaf,
} from "../../lib/core/log/notice-leaf";
import { commitValue, newSalt, SALT_SIZE } from "../../lib/core/log/commitment";
import { FormatError, InputError } from "../../lib/core/log/errors";
import { concatBytes, fromHex, fromUtf8, toBase64, toHex, utf8 } from "../../lib/core/log/encoding";
import { hashLeaf } from "../../lib/core/log/hash";

interface GoldenAttachment {
  file: string;
  sha256: string;
  size: number;
  name: string;
  nameSalt: string;
}
interface GoldenInput {
  kind: NoticeKind;
  agency: string;
  notice: string;
  version: number;
  loggedAt: string;
  supersedes: number | null;
  fields: Record<string, string>;
  salts: Record<string, string>;
  attachments: GoldenAttachment[];
}
interface GoldenVector {
  name: string;
  input?: GoldenInput;
  redact?: RedactLeaf;
  leaf: string;
  leafHash: string;
}

const golden = JSON.parse(readFileSync(new URL("./testdata/leaf-golden.json", import.meta.url), "utf8")) as { vectors: GoldenVector[] };
const noticeVectors = golden.vectors.filter((v) => v.input !== undefined);
const redactVectors = golden.vectors.filter((v) => v.redact !== undefined);

function toInput(g: GoldenInput): NoticeVersionInput {
  return {
    ...g,
    salts: Object.fromEntries(Object.entries(g.salts).map(([k, v]) => [k, fromHex(v)])),
    attachments: g.attachments.map((a) => ({ sha256: a.sha256, size: a.size, name: a.name, nameSalt: fromHex(a.nameSalt) })),
  };
}

/** The values and salts a verifier receives, keyed by commitment path. */
function shown(g: GoldenInput): { values: Record<string, string>; salts: Record<string, Uint8Array> } {
  const values: Record<string, string> = { ...g.fields };
  const salts: Record<string, Uint8Array> = Object.fromEntries(Object.entries(g.salts).map(([k, v]) => [k, fromHex(v)]));
  g.attachments.forEach((a, i) => {
    values[`attachments/${i}/name`] = a.name;
    salts[`attachments/${i}/name`] = fromHex(a.nameSalt);
  });
  return { values, salts };
}

const nodeSha256 = (...parts: Uint8Array[]) =>
  createHash("sha256")
    .update(concatBytes(...parts))
    .digest();

describe("golden leaves (test/log/testdata/leaf-golden.json)", () => {
  it("has the four required kinds of vector, then the reason vectors (appended: earlier vectors never change)", () => {
    expect(golden.vectors.map((v) => v.name)).toEqual(["publish-zh", "amend-en", "retract-en", "redact-zh", "amend-reason-zh", "retract-reason-en"]);
  });

  it("commits reason and reasonDetail as ordinary fields: each verifies, and each can be withheld alone", () => {
    for (const name of ["amend-reason-zh", "retract-reason-en"]) {
      const input = golden.vectors.find((v) => v.name === name)!.input!;
      const leaf = decodeLeaf(utf8(golden.vectors.find((v) => v.name === name)!.leaf)) as NoticeLeaf;
      expect(commitmentPaths(leaf).filter((p) => p.startsWith("reason"))).toEqual(["reason", "reasonDetail"]);
      const { values, salts } = shown(input);
      const { reasonDetail: _detail, ...withoutDetail } = values;
      expect(verifyFieldCommitments(leaf, withoutDetail, salts, new Set(["reasonDetail"]))).toEqual({ mismatched: [], withheld: ["reasonDetail"] });
      expect(verifyFieldCommitments(leaf, { ...values, reason: `${values.reason} ` }, salts).mismatched).toEqual(["reason"]);
    }
  });

  for (const v of noticeVectors) {
    const input = v.input!;
    it(`${v.name}: builds and encodes to the frozen bytes and leaf hash`, () => {
      const bytes = encodeLeaf(buildNoticeLeaf(toInput(input)));
      expect(fromUtf8(bytes)).toBe(v.leaf);
      expect(toHex(hashLeaf(bytes))).toBe(v.leafHash);
    });

    it(`${v.name}: commitments agree with an independent SHA-256 and the bytes with the JCS oracle`, () => {
      const leaf = JSON.parse(v.leaf) as NoticeLeaf;
      expect(canonicalize(leaf)).toBe(v.leaf);
      for (const [name, value] of Object.entries(input.fields)) {
        expect(leaf.fields[name]).toBe(toBase64(nodeSha256(fromHex(input.salts[name]!), utf8(value))));
      }
      input.attachments.forEach((a, i) => {
        expect(leaf.attachments[i]!.name).toBe(toBase64(nodeSha256(fromHex(a.nameSalt), utf8(a.name))));
        expect(createHash("sha256").update(utf8(a.file)).digest("hex")).toBe(a.sha256);
      });
      expect(createHash("sha256").update(Uint8Array.of(0)).update(utf8(v.leaf)).digest("hex")).toBe(v.leafHash);
    });

    it(`${v.name}: decodes, re-encodes identically, and its content verifies`, () => {
      const bytes = utf8(v.leaf);
      const leaf = decodeLeaf(bytes) as NoticeLeaf;
      expect(leaf).toEqual(buildNoticeLeaf(toInput(input)));
      expect(toHex(encodeLeaf(leaf))).toBe(toHex(bytes));
      const { values, salts } = shown(input);
      expect(verifyFieldCommitments(leaf, values, salts)).toEqual({ mismatched: [], withheld: [] });
    });

    it(`${v.name}: attachments match their files and nothing else`, () => {
      const leaf = decodeLeaf(utf8(v.leaf)) as NoticeLeaf;
      input.attachments.forEach((a, i) => {
        const file = utf8(a.file);
        expect(attachmentDigest(file)).toEqual({ sha256: a.sha256, size: a.size });
        expect(attachmentMatches(leaf.attachments[i]!, file)).toBe(true);
        expect(attachmentMatches(leaf.attachments[i]!, concatBytes(file, Uint8Array.of(0)))).toBe(false);
        expect(attachmentMatches({ sha256: a.sha256, size: a.size + 1 }, file)).toBe(false);
      });
    });
  }

  for (const v of redactVectors) {
    it(`${v.name}: builds, encodes, hashes and decodes`, () => {
      const { schema: _schema, kind: _kind, ...rest } = v.redact!;
      const unsorted = { ...rest, withhold: [...rest.withhold].reverse().concat(rest.withhold) };
      const bytes = encodeLeaf(buildRedactLeaf(unsorted));
      expect(fromUtf8(bytes)).toBe(v.leaf);
      expect(canonicalize(v.redact)).toBe(v.leaf);
      expect(toHex(hashLeaf(bytes))).toBe(v.leafHash);
      expect(decodeLeaf(bytes)).toEqual(v.redact);
    });
  }
});

describe("commitValue", () => {
  it("is SHA-256(salt || UTF-8(value)), with no normalization", () => {
    const salt = fromHex("00".repeat(31) + "01");
    for (const value of ["", "公示", "e\u0301", "é", "😀\n"]) {
      expect(toHex(commitValue(salt, value))).toBe(toHex(nodeSha256(salt, utf8(value))));
    }
    expect(toHex(commitValue(salt, "e\u0301"))).not.toBe(toHex(commitValue(salt, "é")));
  });

  it("requires a 32-byte salt and a well-formed string", () => {
    for (const length of [0, 16, 31, 33, 64]) {
      expect(() => commitValue(new Uint8Array(length), "x")).toThrow(InputError);
    }
    expect(() => commitValue(new Uint8Array(SALT_SIZE), "a\ud800")).toThrow(InputError);
  });

  it("newSalt gives fresh 32-byte salts", () => {
    const a = newSalt();
    const b = newSalt();
    expect(a.length).toBe(32);
    expect(toHex(a)).not.toBe(toHex(b));
  });
});

describe("verifyFieldCommitments names exactly the field that does not match", () => {
  for (const v of noticeVectors) {
    const input = v.input!;
    const leaf = buildNoticeLeaf(toInput(input));

    it(`${v.name}: every one-character change of every value`, () => {
      for (const path of commitmentPaths(leaf)) {
        const { values, salts } = shown(input);
        const chars = [...values[path]!];
        chars.forEach((ch, i) => {
          const changed = [...chars];
          const next = ch.codePointAt(0)! + 1;
          changed[i] = String.fromCodePoint(next >= 0xd800 && next <= 0xdfff ? 0xe000 : next);
          const result = verifyFieldCommitments(leaf, { ...values, [path]: changed.join("") }, salts);
          expect(result.mismatched, `${path}[${i}]`).toEqual([path]);
        });
        const appended = verifyFieldCommitments(leaf, { ...values, [path]: values[path] + " " }, salts);
        expect(appended.mismatched).toEqual([path]);
      }
    });

    it(`${v.name}: every one-bit change of every salt`, () => {
      for (const path of commitmentPaths(leaf)) {
        const { values, salts } = shown(input);
        for (let bit = 0; bit < SALT_SIZE * 8; bit++) {
          const salt = Uint8Array.from(salts[path]!);
          salt[bit >> 3]! ^= 1 << (bit & 7);
          expect(verifyFieldCommitments(leaf, values, { ...salts, [path]: salt }).mismatched).toEqual([path]);
        }
      }
    });
  }

  const input = noticeVectors[1]!.input!;
  const leaf = buildNoticeLeaf(toInput(input));

  it("reports a missing value or salt, a short salt, and swapped salts as mismatches, without throwing", () => {
    const { values, salts } = shown(input);
    const { title: _t, ...noTitle } = values;
    expect(verifyFieldCommitments(leaf, noTitle, salts).mismatched).toEqual(["title"]);
    const { body: _b, ...noBodySalt } = salts;
    expect(verifyFieldCommitments(leaf, values, noBodySalt).mismatched).toEqual(["body"]);
    expect(verifyFieldCommitments(leaf, values, { ...salts, reason: salts.reason!.slice(1) }).mismatched).toEqual(["reason"]);
    const swapped = { ...salts, number: salts.language!, language: salts.number! };
    expect(verifyFieldCommitments(leaf, values, swapped).mismatched).toEqual(["language", "number"]);
  });

  it("skips withheld paths and reports them separately", () => {
    const { values, salts } = shown(input);
    const { body: _b, ...rest } = values;
    const withheld = new Set(["body", "attachments/1/name", "category"]);
    expect(verifyFieldCommitments(leaf, { ...rest, "attachments/1/name": "wrong" }, salts, withheld)).toEqual({
      mismatched: [],
      withheld: ["body", "attachments/1/name"],
    });
  });

  it("reports a shown value the leaf does not commit to", () => {
    const { values, salts } = shown(input);
    const extra = { ...values, category: "roads", "attachments/2/name": "x.pdf", constructor: "x" };
    expect(verifyFieldCommitments(leaf, extra, salts).mismatched).toEqual(["attachments/2/name", "category", "constructor"]);
  });
});

describe("encode and decode round trip", () => {
  it("random notices round-trip and match the JCS oracle", () => {
    const kinds: NoticeKind[] = ["publish", "amend", "correct", "retract"];
    for (let i = 0; i < 50; i++) {
      const kind = kinds[i % 4]!;
      const fields: Record<string, string> = {};
      const salts: Record<string, Uint8Array> = {};
      for (let f = 0; f < (i % 7) + (i === 49 ? 57 : 0); f++) {
        fields[`f${f}x${i}`] = `值${f} "${i}"\n😀`;
        salts[`f${f}x${i}`] = newSalt();
      }
      const leaf = buildNoticeLeaf({
        kind,
        agency: `a${i}`,
        notice: `N_${i}-x`,
        version: kind === "publish" ? 1 : i + 2,
        loggedAt: new Date(Date.UTC(2026, 0, 1) + i * 86_399_123).toISOString(),
        supersedes: kind === "publish" ? null : i * 1000,
        fields,
        salts,
        attachments: Array.from({ length: i % 3 }, (_, a) => ({
          sha256: toHex(nodeSha256(utf8(`${i}/${a}`))),
          size: a * 1_000_000,
          name: `附件${a}.pdf`,
          nameSalt: newSalt(),
        })),
      });
      const bytes = encodeLeaf(leaf);
      expect(fromUtf8(bytes)).toBe(canonicalize(leaf));
      expect(decodeLeaf(bytes)).toEqual(leaf);
    }
  });

  it("decoding returns a copy with no aliasing to the parsed input", () => {
    const leaf = buildNoticeLeaf(toInput(noticeVectors[0]!.input!));
    const copy = decodeLeaf(encodeLeaf(leaf)) as NoticeLeaf;
    copy.fields.title = "changed";
    expect(leaf.fields.title).not.toBe("changed");
  });
});

// --- Malformed leaves. Each starts from a valid golden leaf, which is first shown to decode,
// so every rejection below is caused by the one change it names.
const PUBLISH = golden.vectors[0]!.leaf;
const AMEND = golden.vectors[1]!.leaf;
const REDACT = golden.vectors[3]!.leaf;
const COMMIT = "LOmHh2tBDxO9icfYgZpINv7TqKVLXtf/wJF/PD1AhTA="; // the publish leaf's "number"
const B64_31 = toBase64(new Uint8Array(31).fill(7));
const B64_33 = toBase64(new Uint8Array(33).fill(7));

function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length, `"${from}" occurs once`).toBe(2);
  return text.replace(from, to);
}

function replaceBytes(text: string, from: string, to: number[]): Uint8Array {
  const bytes = utf8(text);
  const at = text.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  const offset = utf8(text.slice(0, at)).length;
  return concatBytes(bytes.slice(0, offset), Uint8Array.from(to), bytes.slice(offset + utf8(from).length));
}

const manyFields = (n: number) => "{" + Array.from({ length: n }, (_, i) => `"f${String(i).padStart(3, "0")}":"${COMMIT}"`).join(",") + "}";
const att = `{"name":"${COMMIT}","sha256":"${"a".repeat(64)}","size":1}`;

type Malformed = [name: string, leaf: () => string | Uint8Array, code: string];
const malformed: Malformed[] = [
  ["members out of order", () => edit(PUBLISH, '"kind":"publish","loggedAt"', '"loggedAt"').replace('"notice"', '"kind":"publish","notice"'), "leaf-not-canonical"],
  [
    "fields out of order",
    () =>
      edit(PUBLISH, '"body":"90IREyqbq5LRtox2FFV2JITa27IKtT5c5BT/ANoeHWk=","category"', '"category"').replace(
        '"title"',
        '"body":"90IREyqbq5LRtox2FFV2JITa27IKtT5c5BT/ANoeHWk=","title"',
      ),
    "leaf-not-canonical",
  ],
  ["a space after a colon", () => edit(PUBLISH, '"kind":', '"kind": '), "leaf-not-canonical"],
  ["a trailing newline", () => PUBLISH + "\n", "leaf-not-canonical"],
  ["leading whitespace", () => " " + PUBLISH, "leaf-not-canonical"],
  ["an escaped letter", () => edit(PUBLISH, '"pudong-planning"', '"\\u0070udong-planning"'), "leaf-not-canonical"],
  ["an escaped slash", () => edit(PUBLISH, '"gongshi/notice/v1"', '"gongshi\\/notice\\/v1"'), "leaf-not-canonical"],
  ["an escaped non-ASCII character", () => edit(REDACT, "《", "\\u300a"), "leaf-not-canonical"],
  ["version 1.0", () => edit(PUBLISH, '"version":1}', '"version":1.0}'), "leaf-not-canonical"],
  ["version 1e0", () => edit(PUBLISH, '"version":1}', '"version":1e0}'), "leaf-not-canonical"],
  ["supersedes -0", () => edit(AMEND, '"supersedes":7', '"supersedes":-0'), "leaf-not-canonical"],
  ["a duplicate member", () => edit(PUBLISH, '{"agency":', '{"agency":"other","agency":'), "leaf-not-canonical"],
  ["a duplicate field", () => edit(PUBLISH, '"title":', `"title":"${COMMIT}","title":`), "leaf-not-canonical"],
  ["an unknown member", () => edit(PUBLISH, '"kind"', '"comment":"x","kind"'), "leaf-unknown-member"],
  ["a redact member in a notice", () => edit(PUBLISH, '"kind"', '"basis":"x","kind"'), "leaf-unknown-member"],
  ["a notice member in a redact", () => edit(REDACT, '"withhold"', '"version":2,"withhold"'), "leaf-unknown-member"],
  ["an unknown attachment member", () => edit(PUBLISH, '"size":54}', '"size":54,"type":"pdf"}'), "leaf-unknown-member"],
  ["a missing member", () => edit(PUBLISH, '"supersedes":null,', ""), "leaf-missing-member"],
  ["a missing schema", () => edit(PUBLISH, '"schema":"gongshi/notice/v1",', ""), "leaf-missing-member"],
  ["a missing attachment size", () => edit(PUBLISH, ',"size":54', ""), "leaf-missing-member"],
  ["a missing redact basis", () => edit(REDACT, /"basis":"[^"]*",/.exec(REDACT)![0], ""), "leaf-missing-member"],
  ["another schema", () => edit(PUBLISH, "gongshi/notice/v1", "gongshi/notice/v2"), "leaf-bad-schema"],
  ["an unknown kind", () => edit(PUBLISH, '"publish"', '"delete"'), "leaf-bad-kind"],
  ["a JSON array", () => "[]", "leaf-not-object"],
  ["JSON null", () => "null", "leaf-not-object"],
  ["a JSON string", () => '"gongshi/notice/v1"', "leaf-not-object"],
  ["a bare duplicate-key object", () => '{"a":1,"a":1}', "leaf-missing-member"],
  ["truncated JSON", () => PUBLISH.slice(0, -1), "leaf-bad-json"],
  ["empty input", () => "", "leaf-bad-json"],
  ["a byte order mark", () => "\ufeff" + PUBLISH, "leaf-bad-json"],
  ["a string version", () => edit(PUBLISH, '"version":1}', '"version":"1"}'), "leaf-bad-version"],
  ["version 1.5", () => edit(PUBLISH, '"version":1}', '"version":1.5}'), "leaf-bad-version"],
  ["version 0", () => edit(PUBLISH, '"version":1}', '"version":0}'), "leaf-bad-version"],
  ["an unsafe version", () => edit(AMEND, '"version":2}', '"version":9007199254740993}'), "leaf-bad-version"],
  ["publish with version 2", () => edit(PUBLISH, '"version":1}', '"version":2}'), "leaf-bad-version"],
  ["amend with version 1", () => edit(AMEND, '"version":2}', '"version":1}'), "leaf-bad-version"],
  ["publish superseding something", () => edit(PUBLISH, '"supersedes":null', '"supersedes":0'), "leaf-bad-supersedes"],
  ["amend superseding nothing", () => edit(AMEND, '"supersedes":7', '"supersedes":null'), "leaf-bad-supersedes"],
  ["supersedes -1", () => edit(AMEND, '"supersedes":7', '"supersedes":-1'), "leaf-bad-supersedes"],
  ["supersedes as a string", () => edit(AMEND, '"supersedes":7', '"supersedes":"7"'), "leaf-bad-supersedes"],
  ["an uppercase agency", () => edit(PUBLISH, '"pudong-planning"', '"Pudong-planning"'), "leaf-bad-agency"],
  ["an agency with a newline", () => edit(PUBLISH, '"pudong-planning"', '"pudong-planning\\n"'), "leaf-bad-agency"],
  ["an agency of 65 characters", () => edit(PUBLISH, '"pudong-planning"', `"${"a".repeat(65)}"`), "leaf-bad-agency"],
  ["a notice id with a space", () => edit(PUBLISH, '"PD-2026-017"', '"PD 2026-017"'), "leaf-bad-notice"],
  ["a notice id starting with '-'", () => edit(PUBLISH, '"PD-2026-017"', '"-PD"'), "leaf-bad-notice"],
  ["the date 2026-02-30", () => edit(PUBLISH, "2026-02-14T09:30:00.123Z", "2026-02-30T09:30:00.123Z"), "leaf-bad-logged-at"],
  ["hour 24", () => edit(PUBLISH, "2026-02-14T09:30:00.123Z", "2026-02-14T24:00:00.000Z"), "leaf-bad-logged-at"],
  ["a time without milliseconds", () => edit(PUBLISH, "2026-02-14T09:30:00.123Z", "2026-02-14T09:30:00Z"), "leaf-bad-logged-at"],
  ["a time with an offset", () => edit(PUBLISH, "2026-02-14T09:30:00.123Z", "2026-02-14T17:30:00.123+08:00"), "leaf-bad-logged-at"],
  ["a lowercase t", () => edit(PUBLISH, "2026-02-14T09:30:00.123Z", "2026-02-14t09:30:00.123Z"), "leaf-bad-logged-at"],
  ["a bad base64 character", () => edit(PUBLISH, COMMIT, COMMIT.replace("/", "_")), "leaf-bad-commitment"],
  ["non-zero base64 padding bits", () => edit(PUBLISH, COMMIT, COMMIT.slice(0, 42) + "B="), "leaf-bad-commitment"],
  ["a 31-byte commitment", () => edit(PUBLISH, COMMIT, B64_31), "leaf-bad-commitment"],
  ["a 33-byte commitment", () => edit(PUBLISH, COMMIT, B64_33), "leaf-bad-commitment"],
  ["an unpadded commitment", () => edit(PUBLISH, COMMIT, COMMIT.slice(0, 43)), "leaf-bad-commitment"],
  ["a bad attachment name commitment", () => edit(PUBLISH, "MAz0ZPqXIZcuxOCr4zOP8fXn4/xymKAqXf0acJlITUA=", B64_31), "leaf-bad-commitment"],
  ["a numeric commitment", () => edit(PUBLISH, `"${COMMIT}"`, "1"), "leaf-bad-commitment"],
  ["an uppercase field name", () => edit(PUBLISH, '"title"', '"Title"'), "leaf-bad-field-name"],
  ["a __proto__ field", () => edit(PUBLISH, '"title"', '"__proto__"'), "leaf-bad-field-name"],
  ["a field name of 33 characters", () => edit(PUBLISH, '"title"', `"t${"x".repeat(32)}"`), "leaf-bad-field-name"],
  ["a lone surrogate field name", () => edit(PUBLISH, '"title"', '"\\ud800"'), "leaf-bad-field-name"],
  ["fields as an array", () => edit(AMEND, /"fields":\{[^}]*\}/.exec(AMEND)![0], '"fields":[]'), "leaf-bad-fields"],
  ["65 fields", () => edit(AMEND, /"fields":\{[^}]*\}/.exec(AMEND)![0], `"fields":${manyFields(65)}`), "leaf-bad-fields"],
  ["attachments as an object", () => edit(AMEND, /"attachments":\[.*?\]/.exec(AMEND)![0], '"attachments":{}'), "leaf-bad-attachments"],
  ["101 attachments", () => edit(AMEND, /"attachments":\[.*?\]/.exec(AMEND)![0], `"attachments":[${Array(101).fill(att).join(",")}]`), "leaf-bad-attachments"],
  ["an attachment that is not an object", () => edit(AMEND, /"attachments":\[.*?\]/.exec(AMEND)![0], '"attachments":[1]'), "leaf-bad-attachment"],
  ["uppercase attachment hex", () => edit(PUBLISH, "de40a3a61f52", "DE40A3A61F52"), "leaf-bad-attachment"],
  ["a short attachment hash", () => edit(PUBLISH, "de40a3a61f52", "de40a3a61f5"), "leaf-bad-attachment"],
  ["a negative attachment size", () => edit(PUBLISH, '"size":54', '"size":-54'), "leaf-bad-attachment"],
  ["a fractional attachment size", () => edit(PUBLISH, '"size":54', '"size":54.5'), "leaf-bad-attachment"],
  ["invalid UTF-8 (0xFF)", () => replaceBytes(REDACT, "华", [0xff, 0xff, 0xff]), "leaf-bad-utf8"],
  ["an overlong '/'", () => replaceBytes(PUBLISH, "/", [0xc0, 0xaf]), "leaf-bad-utf8"],
  ["a UTF-8-encoded surrogate (CESU-8)", () => replaceBytes(REDACT, "《", [0xed, 0xa0, 0x80]), "leaf-bad-utf8"],
  ["a truncated multi-byte character", () => replaceBytes(REDACT, "《", [0xe3, 0x80]), "leaf-bad-utf8"],
  ["a negative target", () => edit(REDACT, '"target":3', '"target":-1'), "leaf-bad-target"],
  ["a fractional target", () => edit(REDACT, '"target":3', '"target":3.5'), "leaf-bad-target"],
  ["an empty withhold", () => edit(REDACT, '["attachments/0/name","body"]', "[]"), "leaf-bad-withhold"],
  ["withhold as a string", () => edit(REDACT, '["attachments/0/name","body"]', '"body"'), "leaf-bad-withhold"],
  ["an unsorted withhold", () => edit(REDACT, '["attachments/0/name","body"]', '["body","attachments/0/name"]'), "leaf-bad-withhold"],
  ["a duplicate withhold path", () => edit(REDACT, '["attachments/0/name","body"]', '["body","body"]'), "leaf-bad-withhold"],
  ["a withhold index with a leading zero", () => edit(REDACT, "attachments/0/name", "attachments/00/name"), "leaf-bad-withhold"],
  ["a withhold index of 100", () => edit(REDACT, "attachments/0/name", "attachments/100/name"), "leaf-bad-withhold"],
  ["withholding an attachment hash", () => edit(REDACT, "attachments/0/name", "attachments/0/sha256"), "leaf-bad-withhold"],
  ["an empty basis", () => edit(REDACT, /"basis":"[^"]*"/.exec(REDACT)![0], '"basis":""'), "leaf-bad-basis"],
  ["a basis with a newline", () => edit(REDACT, "; PIPL", "\\nPIPL"), "leaf-bad-basis"],
  ["a basis with DEL", () => edit(REDACT, "; PIPL", ";\u007fPIPL"), "leaf-bad-basis"],
  ["a basis with U+202E", () => edit(REDACT, "; PIPL", ";\u202ePIPL"), "leaf-bad-basis"],
  ["a basis with a lone surrogate", () => edit(REDACT, "; PIPL", ";\\ud800PIPL"), "leaf-bad-basis"],
  ["a basis of 501 characters", () => edit(REDACT, /"basis":"[^"]*"/.exec(REDACT)![0], `"basis":"${"法".repeat(501)}"`), "leaf-bad-basis"],
  ["a numeric basis", () => edit(REDACT, /"basis":"[^"]*"/.exec(REDACT)![0], '"basis":13'), "leaf-bad-basis"],
  ["a leaf over 64 KiB", () => edit(PUBLISH, '"publish"', `"${"x".repeat(MAX_LEAF_SIZE)}"`), "leaf-too-large"],
];

describe("decodeLeaf rejects malformed leaves with FormatError", () => {
  it("accepts the unmodified leaves these are made from", () => {
    for (const text of [PUBLISH, AMEND, REDACT]) expect(() => decodeLeaf(utf8(text))).not.toThrow();
    expect(decodeLeaf(utf8(edit(REDACT, /"basis":"[^"]*"/.exec(REDACT)![0], `"basis":"${"法".repeat(500)}"`))).kind).toBe("redact");
    expect(decodeLeaf(utf8(edit(AMEND, /"fields":\{[^}]*\}/.exec(AMEND)![0], `"fields":${manyFields(64)}`))).kind).toBe("amend");
    expect(decodeLeaf(utf8(edit(AMEND, /"attachments":\[.*?\]/.exec(AMEND)![0], `"attachments":[${Array(100).fill(att).join(",")}]`))).kind).toBe("amend");
  });

  for (const [name, make, code] of malformed) {
    it(`rejects ${name} (${code})`, () => {
      const leaf = make();
      const bytes = typeof leaf === "string" ? utf8(leaf) : leaf;
      let error: unknown;
      try {
        decodeLeaf(bytes);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).code).toBe(code);
    });
  }
});

describe("encodeLeaf and the builders reject invalid records with InputError", () => {
  const base = buildNoticeLeaf(toInput(noticeVectors[1]!.input!));
  const redact = redactVectors[0]!.redact!;
  const cases: [string, () => unknown, string][] = [
    ["an extra member", () => encodeLeaf({ ...base, extra: 1 } as unknown as LeafRecord), "leaf-unknown-member"],
    ["a fractional version", () => encodeLeaf({ ...base, version: 2.5 }), "leaf-bad-version"],
    ["an undefined supersedes", () => encodeLeaf({ ...base, supersedes: undefined } as unknown as LeafRecord), "leaf-bad-supersedes"],
    ["a Date loggedAt", () => encodeLeaf({ ...base, loggedAt: new Date() } as unknown as LeafRecord), "leaf-bad-logged-at"],
    ["an unsorted withhold", () => encodeLeaf({ ...redact, withhold: ["body", "attachments/0/name"] }), "leaf-bad-withhold"],
    ["a redact of nothing", () => buildRedactLeaf({ ...redact, withhold: [] }), "leaf-bad-withhold"],
    ["a field without a salt", () => buildNoticeLeaf({ ...toInput(noticeVectors[2]!.input!), salts: {} }), "salt-mismatch"],
    ["a salt without a field", () => buildNoticeLeaf({ ...toInput(noticeVectors[2]!.input!), salts: { reason: newSalt(), title: newSalt() } }), "salt-mismatch"],
    ["a 31-byte salt", () => buildNoticeLeaf({ ...toInput(noticeVectors[2]!.input!), salts: { reason: new Uint8Array(31) } }), "bad-salt"],
    ["a lone surrogate in a value", () => buildNoticeLeaf({ ...toInput(noticeVectors[2]!.input!), fields: { reason: "\udc00" } }), "bad-value"],
    [
      "a __proto__ field",
      () =>
        buildNoticeLeaf({
          ...toInput(noticeVectors[2]!.input!),
          fields: JSON.parse('{"__proto__":"x"}') as Record<string, string>,
          salts: JSON.parse('{"__proto__":1}') as Record<string, Uint8Array>,
        }),
      "leaf-bad-field-name",
    ],
    ["a bad field name", () => buildNoticeLeaf({ ...toInput(noticeVectors[2]!.input!), fields: { Reason: "x" }, salts: { Reason: newSalt() } }), "leaf-bad-field-name"],
  ];
  for (const [name, run, code] of cases) {
    it(`rejects ${name} (${code})`, () => {
      expect(run).toThrow(InputError);
      expect(run).toThrow(expect.objectContaining({ code }));
    });
  }
});

describe("the committer's path: commitments first, then the leaf bytes", () => {
  for (const v of noticeVectors) {
    it(`${v.name}: commitFields and commitAttachments, then encodeCommittedNoticeLeaf, give the frozen bytes`, () => {
      const { fields, salts, attachments, ...rest } = toInput(v.input!);
      const bytes = encodeCommittedNoticeLeaf({ ...rest, fields: commitFields(fields, salts), attachments: commitAttachments(attachments) });
      expect(fromUtf8(bytes)).toBe(v.leaf);
    });
  }

  it("names the field whose name is refused, and refuses salts that do not pair with the fields", () => {
    const message = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return [(e as InputError).name, (e as InputError).code, (e as InputError).message];
      }
      return null;
    };
    expect(message(() => commitFields({ Reason: "x" }, { Reason: newSalt() }))).toEqual(["InputError", "leaf-bad-field-name", 'bad field name "Reason"']);
    expect(message(() => commitFields({ a: "x", b: "y" }, { b: newSalt(), c: newSalt() }))).toEqual(["InputError", "salt-mismatch", "exactly one salt is needed per field"]);
    // The same names in another order pair up.
    const s = newSalt();
    expect(commitFields({ b: "y", a: "x" }, { a: s, b: s })).toEqual({ a: toBase64(commitValue(s, "x")), b: toBase64(commitValue(s, "y")) });
    expect(commitFields({ a: "x", b: "y" }, { b: s, a: s })).toEqual({ a: toBase64(commitValue(s, "x")), b: toBase64(commitValue(s, "y")) });
  });
});

describe("decodeLeaf before parsing", () => {
  const fail = (bytes: unknown) => {
    try {
      decodeLeaf(bytes as Uint8Array);
    } catch (e) {
      return [(e as FormatError).name, (e as FormatError).code, (e as FormatError).message];
    }
    return null;
  };

  it("takes only bytes, and at most 65535 of them", () => {
    expect(fail(PUBLISH)).toEqual(["InputError", "bad-bytes", "leaf bytes must be a Uint8Array"]);
    expect(fail(Array.from(utf8(PUBLISH)))).toEqual(["InputError", "bad-bytes", "leaf bytes must be a Uint8Array"]);
    // A leaf of exactly the limit is parsed (and here refused only for its padding); one byte more is refused unread.
    const padded = (n: number) => utf8(PUBLISH + " ".repeat(n - utf8(PUBLISH).length));
    expect(fail(padded(MAX_LEAF_SIZE))?.[1]).toBe("leaf-not-canonical");
    expect(fail(padded(MAX_LEAF_SIZE + 1))).toEqual(["FormatError", "leaf-too-large", "a leaf is at most 65535 bytes"]);
  });

  it("says which layer failed: UTF-8, JSON, or the canonical form", () => {
    expect(fail(Uint8Array.of(0x7b, 0xff, 0x7d))).toEqual(["FormatError", "leaf-bad-utf8", "leaf is not valid UTF-8"]);
    expect(fail(utf8("{"))).toEqual(["FormatError", "leaf-bad-json", "leaf is not valid JSON"]);
    expect(fail(utf8(PUBLISH + " "))).toEqual([
      "FormatError",
      "leaf-not-canonical",
      "leaf is not in RFC 8785 canonical form (whitespace, member order, escapes, number form or duplicate members)",
    ]);
    expect(fail(utf8("[]"))).toEqual(["FormatError", "leaf-not-object", "a leaf must be a JSON object"]);
  });
});
