/**
 * Word-level diff of two texts. For Chinese, which has no spaces, Intl.Segmenter finds the
 * words (a character diff of Han text shreds it into single glyphs nobody can read). Pure.
 */
import { diffArrays } from "diff";

export type DiffSegment = { op: "same" | "ins" | "del"; text: string };

/** A diff of more than this many milliseconds is given up for "all removed, all added". */
const DIFF_TIMEOUT_MS = 1500;

/** Only spaces and punctuation: not worth showing as unchanged between two changes. */
const FILLER = /^[\s\p{P}\p{S}]*$/u;

/**
 * The words of a text as Intl.Segmenter finds them in `lang` (for Chinese, dictionary words,
 * not single characters), with the spaces and punctuation between them as tokens of their own;
 * joined they give back the text exactly.
 */
function tokens(text: string, segmenter: Intl.Segmenter): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

const segmenters = new Map<string, Intl.Segmenter>();

/** One segmenter per language: building one loads its dictionary, which costs more than a diff. */
function segmenterFor(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: "word" })));
  return segmenter;
}

const visibleLength = (text: string) => text.replace(/\s/g, "").length;

/**
 * Word-level diff of two texts. Concatenating the "same" and "del" segments gives `before`
 * exactly; "same" and "ins" give `after`. Within one change the deletion comes first. An
 * unchanged stretch between two changes that is only spaces or punctuation, or shorter than
 * both changes around it, is folded into them, so "30 September" → "31 October" reads as one
 * replacement rather than four fragments.
 */
export function diffText(before: string, after: string, lang = "zh-CN"): DiffSegment[] {
  if (before === after) return before ? [{ op: "same", text: before }] : [];
  const segmenter = segmenterFor(lang);
  const changes = diffArrays(tokens(before, segmenter), tokens(after, segmenter), { timeout: DIFF_TIMEOUT_MS });
  if (!changes) {
    return [...(before ? [{ op: "del" as const, text: before }] : []), ...(after ? [{ op: "ins" as const, text: after }] : [])];
  }
  // Runs of [unchanged text, deleted text, inserted text]: one change and the text after it.
  type Hunk = { same: string; del: string; ins: string };
  const hunks: Hunk[] = [{ same: "", del: "", ins: "" }];
  for (const c of changes) {
    const text = c.value.join("");
    const last = hunks.at(-1)!;
    if (c.added) last.ins += text;
    else if (c.removed) last.del += text;
    else if (last.del || last.ins) hunks.push({ same: text, del: "", ins: "" });
    else last.same += text;
  }
  // Fold short equalities between two changes into both sides of one change.
  const size = (h: Hunk) => Math.max(visibleLength(h.del), visibleLength(h.ins));
  for (let i = 1; i < hunks.length;) {
    const prev = hunks[i - 1]!;
    const cur = hunks[i]!;
    const between = cur.same;
    const changed = (prev.del || prev.ins) && (cur.del || cur.ins);
    if (changed && (FILLER.test(between) || visibleLength(between) < Math.min(size(prev), size(cur)))) {
      prev.del += between + cur.del;
      prev.ins += between + cur.ins;
      hunks.splice(i, 1);
      if (i > 1) i--;
    } else i++;
  }
  const segments: DiffSegment[] = [];
  for (const h of hunks) {
    if (h.same) segments.push({ op: "same", text: h.same });
    if (h.del) segments.push({ op: "del", text: h.del });
    if (h.ins) segments.push({ op: "ins", text: h.ins });
  }
  return segments;
}
