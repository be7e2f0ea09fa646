/**
 * Small rules for the Markdown the rich editor writes (lib/browser/editor/editor-extensions.ts), pure
 * so the browser and the tests share them.
 */

/** Text at the start of a paragraph that Markdown would read as another block. */
const BLOCK_START = /^( {0,3})(#{1,6}(?=\s|$)|[-+*](?=\s)|\d{1,9}(?=[.)](?:\s|$))|>|=+\s*$|`{3,}|~{3,})/;

/**
 * Escapes a leading block marker so the line stays the paragraph it was: `1. text` →
 * `1\. text`, `- text` → `\- text`, `# text` → `\# text`.
 */
export function escapeBlockStart(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => line.replace(BLOCK_START, (_all, indent: string, marker: string) => (/^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`)))
    .join("\n");
}

/**
 * The editor's Markdown as the notice stores it: blocks separated by exactly one blank line
 * (the serializer leaves two around tables), no trailing spaces of a table's padding beyond
 * what GFM needs, a single final newline-free end. Fenced code is left exactly as written.
 */
export function tidyEditorMarkdown(markdown: string): string {
  if (/^(```|~~~)/m.test(markdown)) return markdown.trim();
  return markdown.replace(/\n{3,}/g, "\n\n").trim();
}
