/**
 * The rich editor's document model, the same for the browser and the tests: what Markdown
 * (GFM, as lib/shared/markdown/notice-markdown.tsx renders it) can hold and a notice needs —
 * headings, paragraphs, bold, italic, strike-through, links, bullet and numbered lists,
 * quotes, code, rules and tables, read and written by the official @tiptap/markdown.
 * Underline has no Markdown, so it is left out (pasted underlining becomes plain text instead
 * of being lost on save); so are images, which the notice page never shows.
 */
import StarterKit from "@tiptap/starter-kit";
import Paragraph from "@tiptap/extension-paragraph";
import { TableKit } from "@tiptap/extension-table";
import { Markdown } from "@tiptap/markdown";
import type { AnyExtension, JSONContent, MarkdownRendererHelpers } from "@tiptap/core";
import { escapeBlockStart } from "./markdown-text";

/**
 * A paragraph whose text starts like a block ("1. ", "- ", "# ", "> ") is escaped so it stays
 * a paragraph when read back; an empty paragraph (a blank line typed twice) writes nothing
 * rather than an `&nbsp;` line.
 */
const NoticeParagraph = Paragraph.extend({
  renderMarkdown(node: JSONContent, h: MarkdownRendererHelpers) {
    if (!node.content?.length) return "";
    return escapeBlockStart(h.renderChildren(node.content));
  },
});

export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      paragraph: false,
      underline: false,
      link: { openOnClick: false, autolink: false, linkOnPaste: false },
    }),
    NoticeParagraph,
    TableKit.configure({ table: { resizable: false } }),
    Markdown,
  ];
}
