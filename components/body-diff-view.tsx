/**
 * A notice body's changes (lib/shared/notices/body-diff.ts) rendered as the notice reads: headings stay
 * headings, list items are regrouped into their lists, table rows into a table that scrolls in
 * its own box. Inserted and deleted words are <ins>/<del> with underline or strike-through and
 * words for screen readers around them; a moved section is a dashed box where it went and a
 * dashed note where it was, each linking to the other. Nothing relies on colour alone.
 */
import { Fragment, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Run } from "@/lib/shared/markdown/blocks";
import { safeUrl } from "@/lib/shared/markdown/notice-markdown";
import type { DiffBlock, DiffContainer, DiffSpan, Move } from "@/lib/shared/notices/body-diff";

type TextBlock = Extract<DiffBlock, { cells: DiffSpan[][] }>;
type MovedAway = Extract<DiffBlock, { change: "movedAway" }>;

export const INS_CLASS = "bg-green-100 text-green-950 underline decoration-2";
export const DEL_CLASS = "bg-red-100 text-red-950 line-through decoration-2";
export const MOVED_CLASS = "rounded border-2 border-dashed border-sky-800 bg-sky-50";

/** An insertion or deletion, announced by screen readers at both ends. */
export function ChangeMark({ op, children }: { op: "ins" | "del"; children: ReactNode }) {
  const t = useTranslations("notice.diff");
  const Tag = op;
  return (
    // A hair of padding keeps a deletion and the insertion after it ("3" → "4") from reading as one word.
    <Tag className={`px-px ${op === "ins" ? INS_CLASS : DEL_CLASS}`}>
      <span className="sr-only">[{t(op === "ins" ? "insStart" : "delStart")}] </span>
      {children}
      <span className="sr-only"> [{t(op === "ins" ? "insEnd" : "delEnd")}]</span>
    </Tag>
  );
}

function RunText({ run }: { run: Run }) {
  let node: ReactNode = run.text;
  for (const mark of [...run.marks].reverse()) {
    if (mark.type === "strong") node = <strong>{node}</strong>;
    else if (mark.type === "emphasis") node = <em>{node}</em>;
    else if (mark.type === "delete") node = <s>{node}</s>;
    else if (mark.type === "code") node = <code className="break-words font-mono text-[0.95em]">{node}</code>;
    else if (mark.type === "link") {
      const url = safeUrl(mark.href);
      if (url) {
        node = (
          <a href={url} className="text-blue-800 underline" {...(/^(https?:)?\/\//i.test(url) ? { rel: "noopener noreferrer nofollow" } : {})}>
            {node}
          </a>
        );
      }
    }
  }
  return node;
}

function Spans({ spans }: { spans: DiffSpan[] }) {
  return spans.map((span, i) => {
    const text = span.runs.map((run, k) => <RunText key={k} run={run} />);
    return span.op === "same" ? (
      <Fragment key={i}>{text}</Fragment>
    ) : (
      <ChangeMark key={i} op={span.op}>
        {text}
      </ChangeMark>
    );
  });
}

/** A block inserted, deleted or edited is marked by a bar as well as by its <ins>/<del>. */
const BAR: Record<TextBlock["change"], string> = {
  same: "",
  added: "border-l-4 border-green-700 pl-2",
  removed: "border-l-4 border-red-700 pl-2",
  changed: "border-l-4 border-amber-600 pl-2",
  moved: "",
};

function FormatNote({ block }: { block: TextBlock }) {
  const t = useTranslations("notice.diff");
  return block.formatOnly ? <span className="ml-2 text-sm font-normal text-stone-700">({t("formatOnly")})</span> : null;
}

function BlockView({ block }: { block: TextBlock }) {
  const data = { "data-change": block.change };
  const cell = block.cells[0] ?? [];
  const box = BAR[block.change];
  const task = block.checked === undefined ? null : <span>{block.checked ? "☑ " : "☐ "}</span>;
  switch (block.kind) {
    case "heading": {
      const Tag = `h${Math.min(6, Math.max(2, block.depth ?? 4))}` as "h4";
      return (
        <Tag {...data} className={`mt-5 font-semibold ${block.depth === 4 ? "text-lg" : ""} ${box}`}>
          <Spans spans={cell} />
          <FormatNote block={block} />
        </Tag>
      );
    }
    case "listItem":
      return (
        <li {...data} value={block.number} className={`whitespace-pre-line ${box}`}>
          {task}
          <Spans spans={cell} />
          <FormatNote block={block} />
        </li>
      );
    case "code":
      return (
        <pre {...data} className={`my-3 overflow-x-auto whitespace-pre-wrap rounded bg-stone-100 p-3 text-sm ${box}`}>
          <Spans spans={cell} />
        </pre>
      );
    case "rule":
      return <hr {...data} className="my-4 border-stone-400" />;
    case "tableRow": {
      const Cell = block.header ? "th" : "td";
      return (
        <tr {...data}>
          {block.cells.map((spans, i) => (
            <Cell key={i} {...(block.header && { scope: "col" })} className={`border border-stone-300 px-2 py-1 text-left align-top ${block.header ? "bg-stone-100" : ""}`}>
              <Spans spans={spans} />
            </Cell>
          ))}
        </tr>
      );
    }
    default:
      return (
        <p {...data} className={`my-3 whitespace-pre-line ${box}`}>
          <Spans spans={cell} />
          <FormatNote block={block} />
        </p>
      );
  }
}

function MovedAwayNote({ block, idPrefix }: { block: MovedAway; idPrefix: string }) {
  const t = useTranslations("notice.diff");
  const down = block.move.direction === "down";
  return (
    <p id={`${idPrefix}${block.move.id}-from`} data-moved="away" className={`my-3 px-3 py-2 text-sm ${MOVED_CLASS}`}>
      <span aria-hidden="true">{down ? "↓" : "↑"} </span>
      {t(down ? "movedAwayDown" : "movedAwayUp", { preview: block.preview, count: block.count, more: block.count - 1 })}{" "}
      <a href={`#${idPrefix}${block.move.id}`} className="text-blue-800 underline">
        {t("movedGoNew")}
      </a>
    </p>
  );
}

function MovedSection({ move, idPrefix, children }: { move: Move; idPrefix: string; children: ReactNode }) {
  const t = useTranslations("notice.diff");
  const down = move.direction === "down";
  const noteId = `${idPrefix}${move.id}-note`;
  return (
    <div id={`${idPrefix}${move.id}`} role="group" aria-labelledby={noteId} data-moved="here" className={`my-4 p-3 ${MOVED_CLASS}`}>
      <p id={noteId} className="text-sm font-medium">
        <span aria-hidden="true">{down ? "↓" : "↑"} </span>
        {t(down ? "movedHereFromAbove" : "movedHereFromBelow")}{" "}
        <a href={`#${idPrefix}${move.id}-from`} className="font-normal text-blue-800 underline">
          {t("movedGoOld")}
        </a>
      </p>
      {children}
    </div>
  );
}

type Group = { container?: DiffContainer; blocks: DiffBlock[] };

/** Consecutive blocks sharing their container at `depth`; blocks with none stand alone. */
function groupAt(blocks: DiffBlock[], depth: number): Group[] {
  const groups: Group[] = [];
  for (const block of blocks) {
    const container = block.containers[depth];
    const last = groups.at(-1);
    if (container && last?.container?.id === container.id) last.blocks.push(block);
    else groups.push({ container, blocks: [block] });
  }
  return groups;
}

function Level({ blocks, depth, idPrefix, inList = false }: { blocks: DiffBlock[]; depth: number; idPrefix: string; inList?: boolean }) {
  return groupAt(blocks, depth).map((group, i) => {
    const { container } = group;
    let node: ReactNode;
    if (!container) {
      const block = group.blocks[0]!;
      if (block.change !== "movedAway" && (!inList || block.kind === "listItem")) return <BlockView key={i} block={block} />;
      const content = block.change === "movedAway" ? <MovedAwayNote block={block} idPrefix={idPrefix} /> : <BlockView block={block} />;
      return inList ? (
        <li key={i} className="list-none">
          {content}
        </li>
      ) : (
        <Fragment key={i}>{content}</Fragment>
      );
    }
    const inner = (list = false) => <Level blocks={group.blocks} depth={depth + 1} idPrefix={idPrefix} inList={list} />;
    if (container.type === "move")
      node = (
        <MovedSection move={container.move} idPrefix={idPrefix}>
          {inner()}
        </MovedSection>
      );
    else if (container.type === "quote") node = <blockquote className="my-3 border-l-4 border-stone-300 pl-4 text-stone-800">{inner()}</blockquote>;
    else if (container.type === "list") {
      const List = container.ordered ? "ol" : "ul";
      node = <List className={`my-3 space-y-1 pl-6 ${container.ordered ? "list-decimal" : "list-disc"}`}>{inner(true)}</List>;
    } else {
      const head = group.blocks.filter((b) => b.change !== "movedAway" && b.header);
      const body = group.blocks.filter((b) => !(b.change !== "movedAway" && b.header));
      // A wide table scrolls inside its own box, reachable by keyboard (as on the notice page).
      node = (
        <div className="my-4 overflow-x-auto" tabIndex={0}>
          <table className="min-w-full border-collapse text-sm">
            {head.length > 0 && (
              <thead>
                <Level blocks={head} depth={depth + 1} idPrefix={idPrefix} />
              </thead>
            )}
            {body.length > 0 && (
              <tbody>
                <Level blocks={body} depth={depth + 1} idPrefix={idPrefix} />
              </tbody>
            )}
          </table>
        </div>
      );
    }
    return inList ? (
      <li key={i} className="list-none">
        {node}
      </li>
    ) : (
      <Fragment key={i}>{node}</Fragment>
    );
  });
}

export function BodyDiffView({ blocks, lang, idPrefix = "body-" }: { blocks: DiffBlock[]; lang?: string; idPrefix?: string }) {
  return (
    <div lang={lang} className="mt-2 break-words leading-relaxed [overflow-wrap:anywhere]" data-testid="body-diff">
      <Level blocks={blocks} depth={0} idPrefix={idPrefix} />
    </div>
  );
}
