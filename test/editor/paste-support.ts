import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Editor } from "@tiptap/core";
import { editorExtensions } from "@/lib/browser/editor/editor-extensions";
import { cleanOfficeHtml } from "@/lib/browser/editor/office-paste";
import { tidyEditorMarkdown } from "@/lib/browser/editor/markdown-text";

export const fixture = (name: string) => readFileSync(join(process.cwd(), "test/editor/fixtures", name), "utf8");

/**
 * Runs ProseMirror's own paste path (transformPastedHTML, the schema's HTML parser) on a
 * clipboard's text/html, as the browser's editor does, and returns the Markdown it saves.
 */
export function pasteMarkdown(html: string, before = ""): string {
  const editor = new Editor({ extensions: editorExtensions(), content: before, contentType: "markdown", editorProps: { transformPastedHTML: cleanOfficeHtml } });
  try {
    editor.view.pasteHTML(html);
    return tidyEditorMarkdown(editor.getMarkdown());
  } finally {
    editor.destroy();
  }
}

/** Markdown loaded into the editor and written back, untouched. */
export function roundTrip(markdown: string): string {
  const editor = new Editor({ extensions: editorExtensions(), content: markdown, contentType: "markdown" });
  try {
    return tidyEditorMarkdown(editor.getMarkdown());
  } finally {
    editor.destroy();
  }
}
