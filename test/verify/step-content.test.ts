/**
 * The content step (lib/core/verify/step-content.ts) on the frozen golden leaves of
 * test/log/testdata/leaf-golden.json: the shown values and salts of each vector must rebuild its
 * leaf byte for byte, and each kind of difference must be named by its commitment path.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hashLeaf, toHex } from "@/lib/core/log";
import type { ShownVersion, WithheldField } from "@/lib/core/verify";
import { checkContent } from "@/lib/core/verify/step-content";

interface GoldenInput {
  kind: string;
  agency: string;
  notice: string;
  version: number;
  loggedAt: string;
  fields: Record<string, string>;
  salts: Record<string, string>;
  attachments: { sha256: string; size: number; name: string; nameSalt: string }[];
}
interface Golden {
  name: string;
  input?: GoldenInput;
  leaf: string;
  leafHash: string;
}
const vectors = (JSON.parse(readFileSync("test/log/testdata/leaf-golden.json", "utf8")) as { vectors: Golden[] }).vectors;
const vector = (name: string) => vectors.find((v) => v.name === name)!;
const b64 = (hex: string) => Buffer.from(hex, "hex").toString("base64");
const leafOf = (name: string) => Buffer.from(vector(name).leaf, "utf8").toString("base64");

/** The version as a page shows it, from a golden vector's input. */
function shownOf(name: string): ShownVersion {
  const input = vector(name).input!;
  return {
    notice: input.notice,
    agency: input.agency,
    version: input.version,
    kind: input.kind,
    loggedAt: input.loggedAt,
    fields: { ...input.fields },
    salts: Object.fromEntries(Object.entries(input.salts).map(([k, v]) => [k, b64(v)])),
    attachments: input.attachments.map((a) => ({ sha256: a.sha256, size: a.size, name: a.name, nameSalt: b64(a.nameSalt) })),
    withheld: [],
  };
}

const OK_DETAIL = "every field and attachment name reproduces its commitment in the log entry";

describe("checkContent on the golden leaves", () => {
  it("rebuilds every notice vector's leaf byte for byte from what is shown", () => {
    const notices = vectors.filter((v) => v.input && v.input.kind !== "redact");
    expect(notices.map((v) => v.name)).toEqual(expect.arrayContaining(["publish-zh", "amend-en", "retract-en"]));
    for (const v of notices) {
      const { result, rebuiltLeaf } = checkContent(shownOf(v.name), leafOf(v.name));
      expect(result, v.name).toEqual({ step: "content", status: "ok", code: "content-ok", detail: OK_DETAIL, fields: [], withheld: [] });
      expect(new TextDecoder().decode(rebuiltLeaf), v.name).toBe(v.leaf);
      expect(toHex(hashLeaf(rebuiltLeaf!)), v.name).toBe(v.leafHash);
    }
  });

  it("rebuilds the same leaf with a field and an attachment name withheld, from the leaf's stored commitments", () => {
    const shown = shownOf("publish-zh");
    const withheld: WithheldField[] = [
      { path: "attachments/0/name", basis: "PIPL Art. 13", at: "2026-04-01T02:15:30.500Z", logIndex: 9 },
      { path: "body", basis: "PIPL Art. 13", at: "2026-04-01T02:15:30.500Z", logIndex: null },
    ];
    delete (shown.fields as Record<string, string>).body;
    delete (shown.salts as Record<string, string>).body;
    const redacted: ShownVersion = { ...shown, attachments: [{ ...shown.attachments[0]!, name: "", nameSalt: "" }], withheld };
    const { result, rebuiltLeaf } = checkContent(redacted, leafOf("publish-zh"));
    // Reported in commitment order (fields first), each with its own basis and date.
    expect(result).toEqual({
      step: "content",
      status: "ok",
      code: "content-ok",
      detail: "every shown field reproduces its commitment; 2 withheld by a redaction",
      fields: [],
      withheld: [withheld[1], withheld[0]],
    });
    expect(new TextDecoder().decode(rebuiltLeaf)).toBe(vector("publish-zh").leaf);
  });

  it("refuses a redaction's leaf and bytes that are not a notice record", () => {
    expect(checkContent(shownOf("publish-zh"), leafOf("redact-zh"))).toEqual({
      result: { step: "content", status: "failed", code: "leaf-unreadable", detail: "the log entry is a redaction, not a notice version" },
    });
    const broken = checkContent(shownOf("publish-zh"), Buffer.from(vector("publish-zh").leaf + "\n").toString("base64")).result;
    expect(broken).toMatchObject({ step: "content", status: "failed", code: "leaf-unreadable" });
    expect(broken.detail).toMatch(/^the log entry's leaf is not a valid notice record: .+/);
    expect(checkContent(shownOf("publish-zh"), "not base64").result.code).toBe("leaf-unreadable");
  });

  it("names each shown metadata member that differs from the leaf, and gives no leaf", () => {
    const changes: [keyof ShownVersion, unknown][] = [
      ["notice", "PD-2026-018"],
      ["agency", "pudong-housing"],
      ["version", 2],
      ["kind", "amend"],
      ["loggedAt", "2026-02-14T09:30:00.124Z"],
    ];
    for (const [member, value] of changes) {
      const outcome = checkContent({ ...shownOf("publish-zh"), [member]: value }, leafOf("publish-zh"));
      expect(outcome, member).toEqual({
        result: {
          step: "content",
          status: "failed",
          code: "content-mismatch",
          detail: `shown content does not match the log entry: "${member}"`,
          fields: [member],
          withheld: [],
        },
      });
    }
    // A page that shows no log time is not contradicted by the leaf's.
    const { loggedAt, ...noTime } = shownOf("publish-zh");
    expect(loggedAt).toBeDefined();
    expect(checkContent(noTime, leafOf("publish-zh")).result.status).toBe("ok");
  });

  it("names a changed file hash or size, and a dropped or added attachment, by position", () => {
    const base = shownOf("amend-en");
    const [first, second] = base.attachments;
    const cases: [ShownVersion["attachments"], string[]][] = [
      [[{ ...first!, sha256: "0".repeat(64) }, second!], ["attachments/0/sha256"]],
      [[first!, { ...second!, size: second!.size + 1 }], ["attachments/1/size"]],
      [
        [{ ...first!, sha256: "0".repeat(64), size: 1 }, second!],
        ["attachments/0/sha256", "attachments/0/size"],
      ],
      [[first!], ["attachments/1/name", "attachments/1"]],
      [
        [first!, second!, first!],
        ["attachments/2/name", "attachments/2"],
      ],
    ];
    for (const [attachments, fields] of cases) {
      const { result, rebuiltLeaf } = checkContent({ ...base, attachments }, leafOf("amend-en"));
      expect(result, fields.join()).toMatchObject({ status: "failed", code: "content-mismatch", fields });
      expect(result.detail).toBe(`shown content does not match the log entry: ${fields.map((f) => `"${f}"`).join(", ")}`);
      expect(rebuiltLeaf).toBeUndefined();
    }
  });

  it("treats a salt that is not 32 bytes of canonical base64 as not matching, without throwing", () => {
    for (const salt of [Buffer.alloc(16).toString("base64"), "not base64", Buffer.alloc(33).toString("base64")]) {
      const shown = shownOf("retract-en");
      const { result } = checkContent({ ...shown, salts: { reason: salt } }, leafOf("retract-en"));
      expect(result, salt).toMatchObject({ status: "failed", code: "content-mismatch", fields: ["reason"] });
    }
  });

  it("checks a field's salt given under an attachment name's path against the attachment's own name salt", () => {
    // The attachment's nameSalt is what counts for its name; a stray salt under that path does not override it.
    const shown = shownOf("publish-zh");
    const stray = { ...shown, salts: { ...shown.salts, "attachments/0/name": Buffer.alloc(32, 7).toString("base64") } };
    expect(checkContent(stray, leafOf("publish-zh")).result.status).toBe("ok");
  });
});
