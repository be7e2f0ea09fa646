/**
 * What changed in a notice body, as a reader sees it: both versions' Markdown rendered to
 * blocks (lib/shared/markdown/blocks.ts: headings, paragraphs, list items, table rows), the blocks
 * aligned by a longest common subsequence (`diffArrays` from the `diff` package), then
 * - a deleted block equal or nearly equal to an inserted block elsewhere is a move, and
 *   adjacent moved blocks (a heading with its paragraphs) one moved section, shown once where
 *   it went (with any small edits) and by a marker where it was;
 * - a deleted and an inserted block of the same kind within one change, similar enough, are one
 *   changed block, compared word by word (diffText: Intl.Segmenter words, so Chinese is
 *   compared by words, not characters);
 * - everything else is a whole block inserted or deleted.
 * The output holds rendered text runs with their inline formatting, never Markdown source. Pure.
 */
import { diffArrays } from "diff";
import { blockText, cellText, markdownBlocks, type Block, type Container, type Run } from "@/lib/shared/markdown/blocks";
import { diffText } from "./word-diff";

export type SpanOp = "same" | "ins" | "del";
export type DiffSpan = { op: SpanOp; runs: Run[] };

export type Move = { id: string; direction: "up" | "down" };

/** Containers a diff block is rendered in, outermost first; a moved section is one too. */
export type DiffContainer = Container | { id: string; type: "move"; move: Move };

export type DiffBlock =
  | {
      change: "same" | "added" | "removed" | "changed" | "moved";
      kind: Block["kind"];
      depth?: number;
      number?: number;
      checked?: boolean;
      header?: boolean;
      /** One list of spans per cell (table rows have several cells, other blocks one). */
      cells: DiffSpan[][];
      containers: DiffContainer[];
      /** Same words, different formatting (bold, link, heading level, list kind). */
      formatOnly?: boolean;
    }
  | {
      /** Where a moved section was: a marker pointing to where it went. */
      change: "movedAway";
      move: Move;
      /** Blocks in the section. */
      count: number;
      /** The start of the section's first block, to recognize it by. */
      preview: string;
      containers: DiffContainer[];
    };

/** Below this similarity a deleted and an inserted block are not "the same block, edited". */
const CHANGED_SIMILARITY = 0.5;
/** At or above this similarity a deleted block found inserted elsewhere was moved. */
const MOVED_SIMILARITY = 0.8;
/** A nearly equal move needs this much text: short blocks look alike by chance. */
const MOVED_MIN_CHARS = 12;
const PREVIEW_CHARS = 30;
/** How far ahead an edited block's new form is looked for within one change (bounds the work on a rewrite). */
const PAIRING_WINDOW = 40;
/** Past this many deleted × inserted blocks, nearly equal moves are not looked for (a rewrite, not a move). */
const MOVE_SEARCH_LIMIT = 40_000;
const DIFF_TIMEOUT_MS = 1500;

function blockKey(block: Block): string {
  const list = block.containers.findLast((c) => c.type === "list");
  return JSON.stringify([block.kind, block.depth, block.checked, block.header, list?.type === "list" && list.ordered, block.cells]);
}

type Bigrams = { text: string; counts: Map<string, number>; total: number };

function bigrams(text: string): Bigrams {
  const x = text.replace(/\s/g, "");
  const counts = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) counts.set(x.slice(i, i + 2), (counts.get(x.slice(i, i + 2)) ?? 0) + 1);
  return { text: x, counts, total: Math.max(0, x.length - 1) };
}

/** Sørensen–Dice coefficient of the character bigrams (spaces ignored): 1 for equal texts. */
function similarity(a: Bigrams, b: Bigrams): number {
  if (a.text === b.text) return 1;
  if (a.total === 0 || b.total === 0) return 0;
  let common = 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  for (const [gram, n] of small.counts) common += Math.min(n, large.counts.get(gram) ?? 0);
  return (2 * common) / (a.total + b.total);
}

/** The runs covering characters [start, end) of a cell's text. */
function sliceRuns(runs: readonly Run[], start: number, end: number): Run[] {
  const out: Run[] = [];
  let offset = 0;
  for (const run of runs) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + run.text.length);
    if (from < to) out.push({ text: run.text.slice(from - offset, to - offset), marks: run.marks });
    offset += run.text.length;
  }
  return out;
}

/** Word diff of two cells, keeping each side's formatting (unchanged text takes the new one's). */
function diffCell(before: readonly Run[], after: readonly Run[], lang: string): DiffSpan[] {
  let a = 0;
  let b = 0;
  return diffText(cellText(before), cellText(after), lang).map((s) => {
    const n = s.text.length;
    if (s.op === "del") return { op: s.op, runs: sliceRuns(before, a, (a += n)) };
    const runs = sliceRuns(after, b, (b += n));
    if (s.op === "same") a += n;
    return { op: s.op, runs };
  });
}

const whole = (block: Block, op: SpanOp): DiffSpan[][] => block.cells.map((cell) => (cell.length ? [{ op, runs: cell }] : []));

type Step = { op: "same"; a: number; b: number } | { op: "del"; a: number; hunk: number } | { op: "ins"; b: number; hunk: number };

export function diffBody(before: string, after: string, lang: string, { top = 1 }: { top?: number } = {}): DiffBlock[] {
  const old = markdownBlocks(before, { top });
  const now = markdownBlocks(after, { top });
  const oldKeys = old.map(blockKey);
  const newKeys = now.map(blockKey);
  const oldText = old.map(blockText);
  const newText = now.map(blockText);
  const oldGrams = oldText.map(bigrams);
  const newGrams = newText.map(bigrams);

  // 1. Align the blocks.
  const steps: Step[] = [];
  const changes = diffArrays(oldKeys, newKeys, { timeout: DIFF_TIMEOUT_MS }) ?? [
    { value: oldKeys, removed: true, added: false, count: oldKeys.length },
    { value: newKeys, removed: false, added: true, count: newKeys.length },
  ];
  let ai = 0;
  let bi = 0;
  let hunk = 0;
  for (const c of changes) {
    for (let k = 0; k < c.value.length; k++) {
      if (c.removed) steps.push({ op: "del", a: ai++, hunk });
      else if (c.added) steps.push({ op: "ins", b: bi++, hunk });
      else steps.push({ op: "same", a: ai++, b: bi++ });
    }
    if (!c.removed && !c.added) hunk++;
  }
  const dels = steps.filter((s) => s.op === "del");
  const inss = steps.filter((s) => s.op === "ins");

  // 2. Pair deleted with inserted blocks: exact moves, then edits in place, then near moves.
  const pairOfOld = new Map<number, { b: number; how: "changed" | "moved" }>();
  const pairOfNew = new Map<number, { a: number; how: "changed" | "moved" }>();
  const pair = (a: number, b: number, how: "changed" | "moved") => {
    pairOfOld.set(a, { b, how });
    pairOfNew.set(b, { a, how });
  };
  const waiting = new Map<string, number[]>();
  for (const d of dels) if (oldText[d.a]!.trim()) waiting.set(oldKeys[d.a]!, [...(waiting.get(oldKeys[d.a]!) ?? []), d.a]);
  for (const i of inss) {
    const a = waiting.get(newKeys[i.b]!)?.shift();
    if (a !== undefined) pair(a, i.b, "moved");
  }
  // A block beside a moved block that went along with it, edited more (a renumbered heading),
  // belongs to the moved section. Tried before edits in place are paired (a renumbered heading
  // looks like the heading now in its old place) and again after nearly equal moves.
  const inserted = new Set(inss.map((i) => i.b));
  const extendMoves = () => {
    for (let grew = true; grew;) {
      grew = false;
      for (const d of dels) {
        if (pairOfOld.has(d.a)) continue;
        for (const side of [1, -1]) {
          const neighbour = pairOfOld.get(d.a + side);
          const b = neighbour && neighbour.b - side;
          if (neighbour?.how !== "moved" || b === undefined || !inserted.has(b) || pairOfNew.has(b) || now[b]!.kind !== old[d.a]!.kind) continue;
          if (similarity(oldGrams[d.a]!, newGrams[b]!) < CHANGED_SIMILARITY) continue;
          pair(d.a, b, "moved");
          grew = true;
          break;
        }
      }
    }
  };
  extendMoves();

  for (let h = 0; h <= hunk; h++) {
    const hd = dels.filter((d) => d.hunk === h && !pairOfOld.has(d.a));
    const hi = inss.filter((i) => i.hunk === h && !pairOfNew.has(i.b));
    // A lone block replaced by a lone block of its kind is that block, rewritten.
    if (hd.length === 1 && hi.length === 1 && old[hd[0]!.a]!.kind === now[hi[0]!.b]!.kind) {
      pair(hd[0]!.a, hi[0]!.b, "changed");
      continue;
    }
    let from = 0;
    for (const d of hd) {
      let best = -1;
      let bestScore = CHANGED_SIMILARITY;
      for (let j = from; j < Math.min(hi.length, from + PAIRING_WINDOW); j++) {
        if (now[hi[j]!.b]!.kind !== old[d.a]!.kind) continue;
        const score = similarity(oldGrams[d.a]!, newGrams[hi[j]!.b]!);
        if (score >= bestScore) [best, bestScore] = [j, score + Number.EPSILON];
      }
      if (best >= 0) {
        pair(d.a, hi[best]!.b, "changed");
        from = best + 1;
      }
    }
  }
  const searchMoves = dels.length * inss.length <= MOVE_SEARCH_LIMIT;
  for (const d of searchMoves ? dels : []) {
    if (pairOfOld.has(d.a) || oldGrams[d.a]!.text.length < MOVED_MIN_CHARS) continue;
    let best: number | undefined;
    let bestScore = MOVED_SIMILARITY;
    for (const i of inss) {
      if (i.hunk === d.hunk || pairOfNew.has(i.b) || now[i.b]!.kind !== old[d.a]!.kind) continue;
      const score = similarity(oldGrams[d.a]!, newGrams[i.b]!);
      if (score >= bestScore) [best, bestScore] = [i.b, score + Number.EPSILON];
    }
    if (best !== undefined) pair(d.a, best, "moved");
  }
  extendMoves();

  // 3. Containers: a list, quote or table of the old version that shares a block with one of
  // the new version is rendered as that one, so a deleted item stays inside its list.
  const sameContainer = new Map<string, string>();
  const mapContainers = (a: Block, b: Block) => {
    for (let k = 0; k < Math.min(a.containers.length, b.containers.length); k++) {
      if (a.containers[k]!.type !== b.containers[k]!.type) break;
      if (!sameContainer.has(a.containers[k]!.id)) sameContainer.set(a.containers[k]!.id, `new-${b.containers[k]!.id}`);
    }
  };
  for (const s of steps) {
    if (s.op === "same") mapContainers(old[s.a]!, now[s.b]!);
    if (s.op === "del" && pairOfOld.get(s.a)?.how === "changed") mapContainers(old[s.a]!, now[pairOfOld.get(s.a)!.b]!);
  }
  const oldContainers = (block: Block): DiffContainer[] => block.containers.map((c) => ({ ...c, id: sameContainer.get(c.id) ?? `old-${c.id}` }));
  const newContainers = (block: Block): DiffContainer[] => block.containers.map((c) => ({ ...c, id: `new-${c.id}` }));

  // 4. The blocks in reading order.
  type Entry = { block: DiffBlock; movedFrom?: number; movedTo?: number };
  const entries: Entry[] = [];
  const facts = (b: Block) => ({
    kind: b.kind,
    ...(b.depth !== undefined && { depth: b.depth }),
    ...(b.number !== undefined && { number: b.number }),
    ...(b.checked !== undefined && { checked: b.checked }),
    ...(b.header !== undefined && { header: b.header }),
  });
  const compared = (a: Block, b: Block) => {
    const cells = Array.from({ length: Math.max(a.cells.length, b.cells.length) }, (_, k) => diffCell(a.cells[k] ?? [], b.cells[k] ?? [], lang));
    return { cells, ...(cells.every((c) => c.every((s) => s.op === "same")) && blockKey(a) !== blockKey(b) && { formatOnly: true }) };
  };
  const removed = (a: number) => {
    if (pairOfOld.get(a)?.how === "moved") entries.push({ block: { change: "movedAway", move: { id: "", direction: "down" }, count: 1, preview: "", containers: [] }, movedTo: a });
    else if (!pairOfOld.has(a)) entries.push({ block: { change: "removed", ...facts(old[a]!), cells: whole(old[a]!, "del"), containers: oldContainers(old[a]!) } });
  };
  for (let k = 0; k < steps.length;) {
    const s = steps[k]!;
    if (s.op === "same") {
      entries.push({ block: { change: "same", ...facts(now[s.b]!), cells: whole(now[s.b]!, "same"), containers: newContainers(now[s.b]!) } });
      k++;
      continue;
    }
    // One change: the new blocks in their order, each deleted block just before the first
    // new block edited from a later old one (so an edited row stays where it was).
    const hunkDels: number[] = [];
    const hunkInss: number[] = [];
    for (; k < steps.length && steps[k]!.op !== "same"; k++) {
      const step = steps[k]!;
      if (step.op === "del") hunkDels.push(step.a);
      else if (step.op === "ins") hunkInss.push(step.b);
    }
    let next = 0;
    for (const bIndex of hunkInss) {
      const paired = pairOfNew.get(bIndex);
      const b = now[bIndex]!;
      if (paired?.how === "changed") while (next < hunkDels.length && hunkDels[next]! <= paired.a) removed(hunkDels[next++]!);
      if (!paired) entries.push({ block: { change: "added", ...facts(b), cells: whole(b, "ins"), containers: newContainers(b) } });
      else
        entries.push({
          block: { change: paired.how, ...facts(b), ...compared(old[paired.a]!, b), containers: newContainers(b) },
          ...(paired.how === "moved" && { movedFrom: paired.a }),
        });
    }
    while (next < hunkDels.length) removed(hunkDels[next++]!);
  }

  // 5. Moved sections: runs of moved blocks whose old places were adjacent too.
  const sectionOf = new Map<number, number>();
  const sections: { first: number; count: number; at: number }[] = [];
  entries.forEach((e, at) => {
    if (e.movedFrom === undefined) return;
    const prev = entries[at - 1];
    if (prev?.movedFrom === e.movedFrom - 1) {
      const index = sectionOf.get(prev.movedFrom)!;
      sections[index]!.count++;
      sectionOf.set(e.movedFrom, index);
    } else {
      sectionOf.set(e.movedFrom, sections.length);
      sections.push({ first: e.movedFrom, count: 1, at });
    }
  });
  const out: DiffBlock[] = [];
  entries.forEach((e) => {
    const a = e.movedTo ?? e.movedFrom;
    if (a === undefined) return void out.push(e.block);
    const index = sectionOf.get(a)!;
    const section = sections[index]!;
    const markerAt = entries.findIndex((x) => x.movedTo === section.first);
    const move: Move = { id: `move-${index + 1}`, direction: markerAt < section.at ? "down" : "up" };
    if (e.movedTo !== undefined) {
      if (a !== section.first) return;
      const first = old[a]!;
      const tableDepth = first.containers.findIndex((c) => c.type === "table");
      const preview = Array.from(blockText(first).replace(/\s+/g, " ").trim());
      out.push({
        change: "movedAway",
        move,
        count: section.count,
        preview: preview.length > PREVIEW_CHARS ? `${preview.slice(0, PREVIEW_CHARS).join("")}…` : preview.join(""),
        // A marker is not a table row: it stays out of a table the section left.
        containers: oldContainers(first).slice(0, tableDepth === -1 ? undefined : tableDepth),
      });
      return;
    }
    const block = e.block as Extract<DiffBlock, { cells: DiffSpan[][] }>;
    const moved = { id: move.id, type: "move" as const, move };
    out.push({ ...block, containers: [moved, ...block.containers.map((c) => ({ ...c, id: `${c.id}@${move.id}` }))] });
  });
  return out;
}

/** Whether anything at all changed (formatting included). */
export function bodyChanged(blocks: readonly DiffBlock[]): boolean {
  return blocks.some((b) => b.change !== "same");
}
