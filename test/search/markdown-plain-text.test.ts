/** Markdown reduced to the text a reader sees (lib/shared/markdown/plain-text.ts), for snippets. */
import { describe, expect, it } from "vitest";
import { markdownExcerpt, markdownToPlainText } from "@/lib/shared/markdown/plain-text";

describe("markdownToPlainText", () => {
  it("drops the syntax and keeps the words", () => {
    const md =
      "# 标题\n\n---\n\n**加粗** 与 _斜体_，见[附件说明](https://example.com/a)。\n\n- 第一项\n- 第二项\n\n1. one\n2. two\n\n| 地块 | 面积 |\n|---|---|\n| A | 3 |\n\n> 引用\n\n![示意图](x.png) ~~删去~~ \\* 星号";
    expect(markdownToPlainText(md)).toBe("标题 加粗 与 斜体，见附件说明。 第一项 第二项 one two 地块 面积 A 3 引用 示意图 删去 * 星号");
  });

  it("leaves plain text as it is, spaces collapsed", () => {
    expect(markdownToPlainText("本报告介绍主动公开\n和依申请公开情况。")).toBe("本报告介绍主动公开 和依申请公开情况。");
    expect(markdownToPlainText("  ")).toBe("");
  });
});

describe("markdownExcerpt", () => {
  it("parses only a prefix and cuts the text to the length asked for, in code points", () => {
    const md = `- **粗体**${"𠀀字".repeat(10)}\n`.repeat(10_000);
    const excerpt = markdownExcerpt(md, 100);
    expect(Array.from(excerpt)).toHaveLength(100);
    expect(excerpt.startsWith(`粗体${"𠀀字".repeat(10)} 粗体𠀀字`)).toBe(true);
    expect(excerpt).not.toMatch(/[*-]/);
  });
});
