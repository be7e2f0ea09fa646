import { describe, expect, it } from "vitest";
import { diffAttachments, diffFields, diffText, type DiffSegment } from "@/lib/shared/notices/version-diff";

const side = (segments: DiffSegment[], keep: "del" | "ins") =>
  segments
    .filter((s) => s.op === "same" || s.op === keep)
    .map((s) => s.text)
    .join("");

describe("diffText", () => {
  it("marks a changed English word, keeping the rest", () => {
    const segments = diffText("Comments close on 30 September.", "Comments close on 31 October.", "en");
    expect(side(segments, "del")).toBe("Comments close on 30 September.");
    expect(side(segments, "ins")).toBe("Comments close on 31 October.");
    expect(segments[0]).toEqual({ op: "same", text: "Comments close on " });
    expect(segments.filter((s) => s.op === "del").map((s) => s.text.trim())).toEqual(["30 September"]);
  });

  it("diffs Chinese by words, not by the whole sentence", () => {
    const before = "任命赵立新为海平市市场监管管理局副局长";
    const after = "任命赵立新为海平市市场监督管理局副局长";
    const segments = diffText(before, after, "zh-CN");
    expect(side(segments, "del")).toBe(before);
    expect(side(segments, "ins")).toBe(after);
    const changed = segments
      .filter((s) => s.op !== "same")
      .map((s) => s.text)
      .join("");
    expect(changed.length).toBeLessThan(8);
    expect(segments.find((s) => s.op === "same")?.text).toContain("任命");
  });

  it("reconstructs both sides for multi-line Markdown, and identical text is one same segment", () => {
    const before = "## 一、总体情况\n\n- 甲\n- 乙\n";
    const after = "## 一、总体情况\n\n- 甲\n- 丙\n- 乙\n";
    const segments = diffText(before, after);
    expect(side(segments, "del")).toBe(before);
    expect(side(segments, "ins")).toBe(after);
    expect(diffText(before, before)).toEqual([{ op: "same", text: before }]);
  });

  it("adjacent segments never share an op", () => {
    const segments = diffText("a b c d e", "a x y d z");
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.op).not.toBe(segments[i - 1]!.op);
  });
});

describe("diffFields", () => {
  it("orders fields for reading and classifies each", () => {
    const changes = diffFields({ title: "A", body: "x y", number: "1" }, { title: "A", body: "x z", extra: "e" });
    expect(changes.map((c) => [c.name, c.change])).toEqual([
      ["title", "same"],
      ["number", "removed"],
      ["body", "changed"],
      ["extra", "added"],
    ]);
  });

  it("never counts a version's reason as a change of the notice (it belongs to that version only)", () => {
    const changes = diffFields({ title: "A", body: "b", reason: "first amendment", reasonDetail: "d" }, { title: "A", body: "b", reason: "second amendment" });
    expect(changes.map((c) => [c.name, c.change])).toEqual([
      ["title", "same"],
      ["body", "same"],
    ]);
  });
});

describe("diffAttachments", () => {
  it("matches by file name and compares digests", () => {
    const a = { fileName: "a.csv", sha256: "aa", size: 1 };
    const b = { fileName: "b.pdf", sha256: "bb", size: 2 };
    const changes = diffAttachments(
      [a, b],
      [
        { ...a, sha256: "a2", size: 3 },
        { fileName: "c.txt", sha256: "cc", size: 4 },
      ],
    );
    expect(changes.map((c) => [c.fileName, c.change])).toEqual([
      ["a.csv", "changed"],
      ["b.pdf", "removed"],
      ["c.txt", "added"],
    ]);
    expect(changes[0]).toMatchObject({ before: { sha256: "aa" }, after: { sha256: "a2", size: 3 } });
    expect(diffAttachments([a], [a])[0]!.change).toBe("same");
  });
});
