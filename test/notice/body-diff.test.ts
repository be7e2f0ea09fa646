import { describe, expect, it } from "vitest";
import { bodyChanged, diffBody, type DiffBlock, type DiffSpan } from "@/lib/shared/notices/body-diff";
import { diffFields } from "@/lib/shared/notices/version-diff";

type TextBlock = Extract<DiffBlock, { cells: DiffSpan[][] }>;

const textBlocks = (blocks: DiffBlock[]) => blocks.filter((b): b is TextBlock => b.change !== "movedAway");
const spanText = (s: DiffSpan) => s.runs.map((r) => r.text).join("");
const changes = (blocks: DiffBlock[], op: "ins" | "del") =>
  textBlocks(blocks).flatMap((b) =>
    b.cells
      .flat()
      .filter((s) => s.op === op)
      .map(spanText),
  );
/** Everything a reader of the diff sees, as text. */
const allText = (blocks: DiffBlock[]) => blocks.map((b) => (b.change === "movedAway" ? b.preview : b.cells.map((c) => c.map(spanText).join("")).join(" "))).join("\n");

describe("diffBody", () => {
  it("marks a changed Chinese word as the whole word, not single characters", () => {
    const before = "## 任免事项\n\n任命赵立新为海平市市场监管管理局副局长。";
    const after = "## 任免事项\n\n任命赵立新为海平市市场监督管理局副局长。";
    const blocks = diffBody(before, after, "zh-CN");
    expect(changes(blocks, "del")).toEqual(["监管"]);
    expect(changes(blocks, "ins")).toEqual(["监督"]);
    expect(textBlocks(blocks).map((b) => [b.kind, b.change])).toEqual([
      ["heading", "same"],
      ["paragraph", "changed"],
    ]);
  });

  it("marks changed English words, keeping the rest of the sentence unchanged", () => {
    const blocks = diffBody("The office opens on **Monday** at 9:00.", "The office opens on **Tuesday** at 9:00.", "en");
    expect(changes(blocks, "del")).toEqual(["Monday"]);
    expect(changes(blocks, "ins")).toEqual(["Tuesday"]);
    const [block] = textBlocks(blocks);
    expect(block!.cells[0]![0]).toMatchObject({ op: "same", runs: [{ text: "The office opens on ", marks: [] }] });
    // Formatting survives the diff: the replaced day is still bold on both sides.
    for (const span of block!.cells[0]!.filter((s) => s.op !== "same")) expect(span.runs[0]!.marks).toEqual([{ type: "strong" }]);
  });

  const sections = {
    a: "## Section A\n\nAlpha paragraph about the planning area and its boundaries.",
    b: "## Section B\n\nBeta paragraph about the consultation period and its dates.",
    c: "## Section C\n\nGamma paragraph about the ways to send comments to the bureau.",
  };

  it("shows a section moved elsewhere unchanged as one move, not as a deletion and an insertion", () => {
    const before = [sections.a, sections.b, sections.c].join("\n\n");
    const after = [sections.b, sections.c, sections.a].join("\n\n");
    const blocks = diffBody(before, after, "en");
    expect(blocks.map((b) => b.change)).toEqual(["movedAway", "same", "same", "same", "same", "moved", "moved"]);
    const away = blocks[0] as Extract<DiffBlock, { change: "movedAway" }>;
    expect(away).toMatchObject({ count: 2, preview: "Section A", move: { direction: "down" } });
    const moved = textBlocks(blocks).filter((b) => b.change === "moved");
    expect(moved.map((b) => b.kind)).toEqual(["heading", "paragraph"]);
    // Both blocks are one section: the same move container, pointing back at the marker's move.
    for (const b of moved) expect(b.containers[0]).toEqual({ id: away.move.id, type: "move", move: away.move });
    expect(changes(blocks, "ins")).toEqual([]);
    expect(changes(blocks, "del")).toEqual([]);
  });

  it("shows a section moved up with a small edit as a move with the edit marked", () => {
    const before = [sections.a, sections.b, sections.c].join("\n\n");
    const edited = sections.c.replace("the bureau", "the municipal bureau");
    const blocks = diffBody(before, [edited, sections.a, sections.b].join("\n\n"), "en");
    const away = blocks.find((b) => b.change === "movedAway");
    expect(away).toMatchObject({ count: 2, move: { direction: "up" } });
    expect(
      textBlocks(blocks)
        .filter((b) => b.change === "moved")
        .map((b) => b.kind),
    ).toEqual(["heading", "paragraph"]);
    expect(changes(blocks, "ins")).toEqual(["municipal "]);
    expect(blocks.some((b) => b.change === "added" || b.change === "removed")).toBe(false);
    // The marker comes after the moved section when it moved up.
    expect(blocks.findIndex((b) => b.change === "movedAway")).toBeGreaterThan(blocks.findIndex((b) => b.change === "moved"));
  });

  it("never lets Markdown syntax into the text it shows", () => {
    const before = [
      "# Title",
      "Some **bold** and _italic_ text with a [link](https://example.org/a).",
      "---",
      "| Item | Amount |\n| --- | ---: |\n| Roads | 12 |\n| Parks | 3 |",
      "1. first\n2. second",
      "> quoted **note**",
    ].join("\n\n");
    const after = [
      "# Title changed",
      "Some **bold** and _italic_ words with a [link](https://example.org/b).",
      "***",
      "| Item | Amount |\n| --- | ---: |\n| Roads | 14 |\n| Schools | 5 |",
      "1. first\n2. inserted\n3. second",
      "- [x] done item",
    ].join("\n\n");
    for (const blocks of [diffBody(before, after, "en"), diffBody("", after, "en"), diffBody(before, "", "en")]) {
      const text = allText(blocks);
      expect(text).toContain("Roads");
      for (const syntax of ["#", "**", "---", "|", "](", "> ", "_italic_", "[x]"]) expect(text).not.toContain(syntax);
    }
  });

  it("keeps lists and tables together: an inserted item or row stays in its list or table", () => {
    const before = "1. first\n2. second\n\n| Item | Amount |\n| --- | --- |\n| Roads | 12 |\n| Parks | 3 |";
    const after = "1. first\n2. inserted item\n3. second\n\n| Item | Amount |\n| --- | --- |\n| Roads | 14 |";
    const blocks = textBlocks(diffBody(before, after, "en"));
    const items = blocks.filter((b) => b.kind === "listItem");
    expect(items.map((b) => [b.change, b.number])).toEqual([
      ["same", 1],
      ["added", 2],
      ["same", 3],
    ]);
    expect(new Set(items.map((b) => b.containers.at(-1)!.id)).size).toBe(1);
    const rows = blocks.filter((b) => b.kind === "tableRow");
    expect(rows.map((b) => [b.change, b.header ?? false])).toEqual([
      ["same", true],
      ["changed", false],
      ["removed", false],
    ]);
    expect(new Set(rows.map((b) => b.containers.at(-1)!.id)).size).toBe(1);
    expect(rows[1]!.cells.map((c) => c.filter((s) => s.op !== "same").map(spanText))).toEqual([[], ["12", "14"]]);
  });

  it("finds no change between identical versions", () => {
    const body = "## 一、规划范围\n\n规划范围东至滨海大道。\n\n- **功能定位**：综合性新城片区；\n\n| 项目 | 金额 |\n| --- | --- |\n| 道路 | 12 |";
    const blocks = diffBody(body, body, "zh-CN");
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.every((b) => b.change === "same")).toBe(true);
    expect(bodyChanged(blocks)).toBe(false);
    expect(diffFields({ body }, { body }, "zh-CN")).toEqual([{ name: "body", change: "same", value: body }]);
  });

  it("notes a change of formatting alone", () => {
    const blocks = textBlocks(diffBody("Deadline: 30 June.", "Deadline: **30 June**.", "en"));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ change: "changed", formatOnly: true });
  });
});

describe("diffFields with a body", () => {
  it("compares the body as rendered blocks and other fields as words", () => {
    const changes = diffFields({ title: "公示", body: "## 一\n\n甲" }, { title: "公示（更正）", body: "## 一\n\n乙" }, "zh-CN");
    expect(changes[0]).toMatchObject({ name: "title", change: "changed" });
    expect(changes[1]).toMatchObject({ name: "body", change: "changed" });
    expect("blocks" in changes[1]! && textBlocks(changes[1].blocks).map((b) => [b.kind, b.depth, b.change])).toEqual([
      ["heading", 4, "same"],
      ["paragraph", undefined, "changed"],
    ]);
    const removed = diffFields({ body: "**甲**" }, {}, "zh-CN")[0]!;
    expect(removed.change).toBe("removed");
    expect("blocks" in removed && removed.blocks.map((b) => b.change)).toEqual(["removed"]);
  });
});

describe("diffBody moved sections", () => {
  it("takes a renumbered heading along with the section it heads", () => {
    const before =
      "## 一、甲\n\n甲的第一段文字，说明养护范围和道路名称。\n\n## 二、乙\n\n乙的第一段文字，说明施工安排和时间节点。\n\n乙的第二段文字，说明施工单位的降噪措施。\n\n## 三、丙\n\n丙的文字。";
    const after =
      "## 一、乙\n\n乙的第一段文字，说明施工安排和时间节点。\n\n乙的第二段文字，说明施工单位的降噪措施。\n\n## 二、甲\n\n甲的第一段文字，说明养护范围和道路名称。\n\n## 三、丙\n\n丙的文字。";
    const blocks = diffBody(before, after, "zh-CN");
    const away = blocks.filter((b) => b.change === "movedAway");
    expect(away).toHaveLength(1);
    expect(away[0]).toMatchObject({ count: 2 });
    const moved = textBlocks(blocks).filter((b) => b.change === "moved");
    expect(moved.map((b) => b.kind)).toEqual(["heading", "paragraph"]);
    expect(new Set(moved.map((b) => b.containers[0]!.id)).size).toBe(1);
    expect(blocks.some((b) => b.change === "added" || b.change === "removed")).toBe(false);
  });
});
