/**
 * A notice body (Markdown) as the flat sequence of blocks a reader sees: headings, paragraphs,
 * list items, table rows, code blocks and rules, each holding its rendered text as runs of
 * characters with their inline formatting (bold, italic, link, code). Parsed with the same
 * parser and GFM extension the notice page renders with (lib/shared/markdown/plain-text.ts), so no
 * Markdown syntax (`#`, `**`, `|`, `---`, list markers) is left in any run. Blocks inside lists,
 * quotes and tables name those containers, outermost first, so they can be regrouped after the
 * blocks are compared one by one (lib/shared/notices/body-diff.ts). Pure.
 */
import { markdownParser } from "./plain-text";

export type Mark = { type: "strong" | "emphasis" | "delete" | "code" } | { type: "link"; href: string };

export type Run = { text: string; marks: Mark[] };

export type Container = { id: string; type: "quote" } | { id: string; type: "list"; ordered: boolean } | { id: string; type: "table"; align: (string | null)[] };

export type BlockKind = "heading" | "paragraph" | "listItem" | "tableRow" | "code" | "rule";

export interface Block {
  kind: BlockKind;
  /** Heading level after shifting the shallowest heading to the `top` asked for (max 6). */
  depth?: number;
  /** An ordered list item's number. */
  number?: number;
  /** A task list item's box. */
  checked?: boolean;
  /** The first row of a table. */
  header?: boolean;
  /** Table rows have one cell per column; every other block has exactly one. */
  cells: Run[][];
  containers: Container[];
}

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  checked?: boolean | null;
  url?: string;
  alt?: string | null;
  identifier?: string;
  label?: string | null;
  align?: (string | null)[] | null;
  children?: MdNode[];
}

/** Inline nodes: they make up a block's text. */
const INLINE = new Set(["text", "emphasis", "strong", "delete", "inlineCode", "link", "linkReference", "image", "imageReference", "footnoteReference", "html", "break"]);

export function cellText(cell: readonly Run[]): string {
  return cell.map((r) => r.text).join("");
}

export function blockText(block: Block): string {
  return block.cells.map(cellText).join("\t");
}

/** Adjacent runs with the same marks become one run (the parser splits text at entities and escapes). */
function joinRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = out.at(-1);
    if (last && JSON.stringify(last.marks) === JSON.stringify(run.marks)) last.text += run.text;
    else out.push({ text: run.text, marks: run.marks });
  }
  return out;
}

function collectDefinitions(node: MdNode, found: Map<string, string>) {
  if (node.type === "definition" && node.identifier && node.url !== undefined && !found.has(node.identifier)) found.set(node.identifier, node.url);
  for (const child of node.children ?? []) collectDefinitions(child, found);
}

export function markdownBlocks(markdown: string, { top = 1 }: { top?: number } = {}): Block[] {
  if (!markdown.trim()) return [];
  const tree = markdownParser.parse(markdown) as MdNode;
  const definitions = new Map<string, string>();
  collectDefinitions(tree, definitions);
  const blocks: Block[] = [];
  let nextId = 0;
  const id = (type: string) => `${type}-${nextId++}`;

  const inline = (node: MdNode, marks: Mark[], out: Run[]) => {
    switch (node.type) {
      case "text":
      case "html":
        out.push({ text: node.value ?? "", marks });
        return;
      case "break":
        out.push({ text: "\n", marks });
        return;
      case "inlineCode":
        out.push({ text: node.value ?? "", marks: [...marks, { type: "code" }] });
        return;
      case "emphasis":
      case "strong":
      case "delete":
        for (const child of node.children ?? []) inline(child, [...marks, { type: node.type }], out);
        return;
      case "link":
      case "linkReference": {
        const href = node.type === "link" ? node.url : definitions.get(node.identifier ?? "");
        const inner = href === undefined ? marks : [...marks, { type: "link" as const, href }];
        for (const child of node.children ?? []) inline(child, inner, out);
        return;
      }
      case "image":
      case "imageReference": {
        // The notice page shows an image as a link labelled with its alt text.
        const href = node.type === "image" ? node.url : definitions.get(node.identifier ?? "");
        const label = node.alt || href || "";
        out.push({ text: label, marks: href === undefined ? marks : [...marks, { type: "link", href }] });
        return;
      }
      case "footnoteReference":
        out.push({ text: `[${node.label ?? node.identifier ?? ""}]`, marks });
        return;
      default:
        for (const child of node.children ?? []) inline(child, marks, out);
    }
  };

  const runsOf = (nodes: MdNode[]): Run[] => {
    const out: Run[] = [];
    for (const n of nodes) inline(n, [], out);
    return joinRuns(out);
  };

  /** A list item's own text: its paragraphs (and anything else not a nested list), one per line. */
  const itemRuns = (item: MdNode): Run[] => {
    const out: Run[] = [];
    for (const child of item.children ?? []) {
      if (child.type === "list") continue;
      if (out.length > 0) out.push({ text: "\n", marks: [] });
      if (child.type === "code") out.push({ text: child.value ?? "", marks: [{ type: "code" }] });
      else if (INLINE.has(child.type)) inline(child, [], out);
      else out.push(...runsOf(child.children ?? (child.value ? [child] : [])));
    }
    return joinRuns(out);
  };

  const walk = (node: MdNode, containers: Container[]) => {
    switch (node.type) {
      case "heading":
        blocks.push({ kind: "heading", depth: node.depth ?? 1, cells: [runsOf(node.children ?? [])], containers });
        return;
      case "paragraph":
        blocks.push({ kind: "paragraph", cells: [runsOf(node.children ?? [])], containers });
        return;
      case "html":
        // Raw HTML is shown as the characters typed (lib/shared/markdown/notice-markdown.tsx).
        blocks.push({ kind: "paragraph", cells: [[{ text: node.value ?? "", marks: [] }]], containers });
        return;
      case "code":
        blocks.push({ kind: "code", cells: [[{ text: node.value ?? "", marks: [{ type: "code" }] }]], containers });
        return;
      case "thematicBreak":
        blocks.push({ kind: "rule", cells: [[]], containers });
        return;
      case "blockquote": {
        const inner: Container[] = [...containers, { id: id("quote"), type: "quote" }];
        for (const child of node.children ?? []) walk(child, inner);
        return;
      }
      case "list": {
        const list: Container = { id: id("list"), type: "list", ordered: !!node.ordered };
        const inner = [...containers, list];
        (node.children ?? []).forEach((item, i) => {
          const block: Block = { kind: "listItem", cells: [itemRuns(item)], containers: inner };
          if (node.ordered) block.number = (node.start ?? 1) + i;
          if (typeof item.checked === "boolean") block.checked = item.checked;
          blocks.push(block);
          for (const child of item.children ?? []) if (child.type === "list") walk(child, inner);
        });
        return;
      }
      case "table": {
        const table: Container = { id: id("table"), type: "table", align: node.align ?? [] };
        (node.children ?? []).forEach((row, i) => {
          blocks.push({ kind: "tableRow", header: i === 0, cells: (row.children ?? []).map((cell) => runsOf(cell.children ?? [])), containers: [...containers, table] });
        });
        return;
      }
      case "definition":
      case "yaml":
        return;
      default:
        if (INLINE.has(node.type)) blocks.push({ kind: "paragraph", cells: [runsOf([node])], containers });
        else for (const child of node.children ?? []) walk(child, containers);
    }
  };
  walk(tree, []);

  // The same heading shift as the notice page: the shallowest heading becomes `top`.
  const headings = blocks.filter((b) => b.kind === "heading");
  if (headings.length > 0) {
    const shallowest = Math.min(...headings.map((h) => h.depth!));
    for (const h of headings) h.depth = Math.min(6, h.depth! - shallowest + top);
  }
  return blocks;
}
