// @vitest-environment happy-dom
import { describe, expect, test } from "vitest";
import { sameMarkdownMeaning } from "@/lib/browser/editor/markdown-round-trip";
import { escapeBlockStart } from "@/lib/browser/editor/markdown-text";
import { DEMO_NOTICES } from "@/lib/server/seed/demo-notices";
import { roundTrip } from "./paste-support";

describe("Markdown through the rich editor", () => {
  test.each([
    ["headings, bold, italic, links", "# Title\n\nSome **bold**, *italic* and [a link](https://example.org/a)."],
    ["bullet and numbered lists, nested", "- one\n- two\n  - two a\n\n1. first\n2. second"],
    ["a table with alignment", "| Office | Telephone |\n| :--- | ---: |\n| Roads | 0000-6123401 |"],
    ["quote, rule, code", "> quoted\n\n---\n\n`code` and ~~struck~~"],
    ["a list starting at 3", "3. three\n4. four"],
  ])("keeps %s", (_name, markdown) => {
    expect(sameMarkdownMeaning(markdown, roundTrip(markdown))).toBe(true);
  });

  test.each([
    ["raw HTML", "Text <b>bold</b>"],
    ["an image", "![map](https://example.org/map.png)"],
    ["a footnote", "See note[^1].\n\n[^1]: The note."],
    ["a task list", "- [ ] to do"],
  ])("detects that %s would not survive", (_name, markdown) => {
    expect(sameMarkdownMeaning(markdown, roundTrip(markdown))).toBe(false);
  });

  test("spelling that renders the same counts as the same", () => {
    expect(sameMarkdownMeaning("* a\n* b\n\n__x__", "- a\n- b\n\n**x**")).toBe(true);
    expect(sameMarkdownMeaning("- a\n\n- b", "- a\n- b")).toBe(true);
    expect(sameMarkdownMeaning("# A", "## A")).toBe(false);
    expect(sameMarkdownMeaning("a", "a b")).toBe(false);
  });

  test("the demo notices' bodies: most open in the rich editor; none is changed by it silently", () => {
    const bodies = DEMO_NOTICES.flatMap((n) => n.versions.flatMap((v) => ("body" in v.fields ? [v.fields.body] : [])));
    let kept = 0;
    for (const body of bodies) {
      const written = roundTrip(body);
      if (!sameMarkdownMeaning(body, written)) continue;
      kept++;
      // What the editor writes reads back as itself: a second trip changes nothing.
      expect(roundTrip(written)).toBe(written);
    }
    expect(kept / bodies.length).toBeGreaterThan(0.9);
  });

  test("text that looks like a block marker stays a paragraph", () => {
    expect(escapeBlockStart("1. not a list")).toBe("1\\. not a list");
    expect(escapeBlockStart("- not\n# either\n> nor")).toBe("\\- not\n\\# either\n\\> nor");
    expect(escapeBlockStart("2026年 - 通知")).toBe("2026年 - 通知");
    for (const text of ["1. not a list", "- not a list", "# not a heading", "> not a quote"]) {
      expect(sameMarkdownMeaning(roundTrip(`<p>${text}</p>`), "x")).toBe(false);
    }
  });
});
