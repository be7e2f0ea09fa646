/**
 * Whether Markdown survives a trip through the rich editor: both texts parsed with the notice
 * page's own parser (lib/shared/markdown/plain-text.ts) and their syntax trees compared, positions
 * aside. Spelling that does not change the page (`*` or `-` bullets, `__` or `**`, table
 * padding) passes; anything the editor would drop or turn into something else — raw HTML,
 * images, footnotes, reference definitions, task boxes, a list's numbering — fails, and the
 * body then stays in the raw Markdown editor. Tight and loose lists (`spread`) count as the
 * same: they differ only in spacing.
 */
import { markdownParser } from "@/lib/shared/markdown/plain-text";

interface MdNode {
  type: string;
  [key: string]: unknown;
}

const IGNORED = new Set(["position", "spread"]);

function shape(node: MdNode): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (IGNORED.has(key) || value === undefined || value === null) continue;
    out[key] = key === "children" && Array.isArray(value) ? mergeText(value as MdNode[]).map(shape) : value;
  }
  return out;
}

/** Adjacent text nodes read as one (escapes and entities split them differently). */
function mergeText(children: MdNode[]): MdNode[] {
  const out: MdNode[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (last?.type === "text" && child.type === "text") out[out.length - 1] = { ...last, value: `${last.value as string}${child.value as string}` };
    else out.push(child);
  }
  return out;
}

export function sameMarkdownMeaning(a: string, b: string): boolean {
  return JSON.stringify(shape(markdownParser.parse(a) as unknown as MdNode)) === JSON.stringify(shape(markdownParser.parse(b) as unknown as MdNode));
}
