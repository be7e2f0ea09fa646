/**
 * A notice body (Markdown) reduced to the words a reader sees, for search snippets: parsed
 * with the same parser and GFM extension the notice page renders with (remark-parse,
 * remark-gfm), so `**bold**` is `bold`, `[text](url)` is `text`, and rules, heading marks,
 * list markers and table pipes disappear instead of being guessed at by regexes. Blocks and
 * table cells are separated by one space; an image keeps its alt text; raw HTML and code keep
 * their characters (the page shows them as text too). Pure.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";

interface MdNode {
  type: string;
  value?: string;
  alt?: string | null;
  children?: MdNode[];
}

/** The notice page's parser and GFM extension (also used by lib/shared/markdown/blocks.ts). */
export const markdownParser = unified().use(remarkParse).use(remarkGfm);

/** Node types whose text is never shown as words: a link definition, a footnote definition's label. */
const SKIPPED = new Set(["definition", "yaml", "thematicBreak"]);
/** Inline nodes: their text joins the neighbours' without a space. */
const INLINE = new Set(["text", "emphasis", "strong", "delete", "inlineCode", "link", "linkReference", "image", "imageReference", "footnoteReference", "html"]);

/**
 * The plain text of a Markdown document's first `maxChars` characters of text (code points).
 * Only a prefix of the source is parsed, cut at a line end: parsing is linear but not cheap
 * (milliseconds per kilobyte), and `npm run search:reindex` does it for every notice. The
 * prefix starts at 1.5 times the length wanted and doubles while its text is too short (heavy
 * markup, tables). A reference link whose definition lies beyond the prefix shows its
 * brackets, which is rare and harmless.
 */
export function markdownExcerpt(markdown: string, maxChars: number): string {
  for (let length = Math.ceil(1.5 * maxChars); ; length *= 2) {
    if (markdown.length <= length) return cut(markdownToPlainText(markdown), maxChars);
    let source = markdown.slice(0, length);
    const lineEnd = source.lastIndexOf("\n");
    if (lineEnd > length / 2) source = source.slice(0, lineEnd);
    const text = Array.from(markdownToPlainText(source));
    if (text.length >= maxChars) return text.slice(0, maxChars).join("");
  }
}

function cut(text: string, maxChars: number): string {
  return Array.from(text).slice(0, maxChars).join("");
}

/**
 * Text without any character that can begin Markdown syntax (emphasis, links, code, headings,
 * quotes, tables, rules, lists, entities, HTML) parses to exactly its words: most notices are
 * plain prose, and they skip the parser.
 */
const MAY_HAVE_SYNTAX = /[\\`*_[\]#>|~<&=+-]|^[ \t]*\d{1,9}[.)]/m;

export function markdownToPlainText(markdown: string): string {
  if (!markdown.trim()) return "";
  if (!MAY_HAVE_SYNTAX.test(markdown)) return markdown.replace(/\s+/g, " ").trim();
  const out: string[] = [];
  const walk = (node: MdNode) => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === "break") out.push(" ");
    else if (node.type === "image" || node.type === "imageReference") out.push(node.alt ?? "");
    else if (typeof node.value === "string") out.push(node.value);
    for (const child of node.children ?? []) walk(child);
    // Block boundaries (paragraphs, headings, list items, table cells) become spaces.
    if (!INLINE.has(node.type)) out.push(" ");
  };
  walk(markdownParser.parse(markdown) as MdNode);
  return out.join("").replace(/\s+/g, " ").trim();
}
