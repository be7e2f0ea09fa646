/**
 * A notice body (Markdown) rendered to React on the server, inert by construction:
 * - raw HTML in the source is never interpreted: react-markdown without rehype-raw emits it
 *   as text, so `<script>` or `<img onerror>` show up as the characters the clerk typed;
 * - every URL passes `safeUrl` (react-markdown's allowlist: http, https, mailto, xmpp, irc,
 *   relative), so `javascript:`, `data:` and `vbscript:` in any spelling lose their link;
 * - images become links: a notice must not make the reader's browser fetch third-party
 *   content (tracking pixels) or reflow around images it cannot describe.
 * Headings are shifted so the body's top level is h2 under the page's h1 (WCAG heading order).
 */
import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import type { ReactNode } from "react";

/** The URL a link may point to, or null when it must not be a link. */
export function safeUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  const transformed = defaultUrlTransform(url);
  return transformed === "" ? null : transformed;
}

const isExternal = (href: string) => /^(https?:)?\/\//i.test(href);

interface MdNode {
  type: string;
  depth?: number;
  children?: MdNode[];
}

function headings(node: MdNode, found: MdNode[] = []): MdNode[] {
  if (node.type === "heading") found.push(node);
  for (const child of node.children ?? []) headings(child, found);
  return found;
}

/** Remark plugin: the shallowest heading becomes `top`, the rest keep their relative depth (max 6). */
function shiftHeadings({ top }: { top: number }) {
  return (tree: MdNode) => {
    const all = headings(tree);
    if (all.length === 0) return;
    const shallowest = Math.min(...all.map((h) => h.depth ?? 1));
    for (const h of all) h.depth = Math.min(6, (h.depth ?? 1) - shallowest + top);
  };
}

const headingClass: Record<string, string> = {
  h2: "mt-6 text-xl font-semibold",
  h3: "mt-5 text-lg font-semibold",
  h4: "mt-4 font-semibold",
  h5: "mt-4 font-semibold",
  h6: "mt-4 font-semibold",
};

function heading(tag: "h2" | "h3" | "h4" | "h5" | "h6") {
  const Tag = tag;
  return function Heading({ children }: { children?: ReactNode }) {
    return <Tag className={headingClass[tag]}>{children}</Tag>;
  };
}

const components: Components = {
  h1: heading("h2"),
  h2: heading("h2"),
  h3: heading("h3"),
  h4: heading("h4"),
  h5: heading("h5"),
  h6: heading("h6"),
  p: ({ children }) => <p className="my-3">{children}</p>,
  ul: ({ children }) => <ul className="my-3 list-disc space-y-1 pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="my-3 list-decimal space-y-1 pl-6">{children}</ol>,
  blockquote: ({ children }) => <blockquote className="my-3 border-l-4 border-stone-300 pl-4 text-stone-700">{children}</blockquote>,
  // A wide table scrolls inside its own box (no page-wide horizontal scroll at 320px);
  // tabIndex makes that box reachable by keyboard.
  table: ({ children }) => (
    <div className="my-4 overflow-x-auto" tabIndex={0}>
      <table className="min-w-full border-collapse text-sm">{children}</table>
    </div>
  ),
  th: ({ children, style }) => (
    <th scope="col" style={style} className="border border-stone-300 bg-stone-100 px-2 py-1 text-left">
      {children}
    </th>
  ),
  td: ({ children, style }) => (
    <td style={style} className="border border-stone-300 px-2 py-1">
      {children}
    </td>
  ),
  pre: ({ children }) => <pre className="my-3 overflow-x-auto rounded bg-stone-100 p-3 text-sm">{children}</pre>,
  code: ({ children }) => <code className="break-words font-mono text-[0.95em]">{children}</code>,
  a: ({ href, children }) => {
    const url = safeUrl(href);
    if (!url) return <span>{children}</span>;
    return (
      <a href={url} className="text-blue-800 underline" {...(isExternal(url) ? { rel: "noopener noreferrer nofollow" } : {})}>
        {children}
      </a>
    );
  },
  img: ({ src, alt }) => {
    const url = typeof src === "string" ? safeUrl(src) : null;
    const label = alt || (url ?? "");
    if (!url) return <span>{label}</span>;
    return (
      <a href={url} className="text-blue-800 underline" rel="noopener noreferrer nofollow">
        {label}
      </a>
    );
  },
};

export function NoticeMarkdown({ source }: { source: string }) {
  return (
    <Markdown remarkPlugins={[remarkGfm, [shiftHeadings, { top: 2 }]]} components={components} urlTransform={(url) => safeUrl(url) ?? ""}>
      {source}
    </Markdown>
  );
}
