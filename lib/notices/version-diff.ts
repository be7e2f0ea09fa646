/**
 * What changed between two versions of a notice, field by field, for people to read.
 * Text is compared word by word; for Chinese, which has no spaces, Intl.Segmenter finds the
 * words (a character diff of Han text shreds it into single glyphs nobody can read).
 */
import { diffWords } from "diff";
import type { NoticeVersionDto } from "@/lib/notices/get-notice";

export type DiffSegment = { op: "same" | "ins" | "del"; text: string };

export type FieldChange =
  | { name: string; change: "same"; value: string }
  | { name: string; change: "added"; value: string }
  | { name: string; change: "removed"; value: string }
  | { name: string; change: "changed"; segments: DiffSegment[] };

export type AttachmentChange = {
  fileName: string;
  change: "same" | "added" | "removed" | "changed";
  before: { sha256: string; size: number } | null;
  after: { sha256: string; size: number } | null;
};

/** Fields in reading order; any others follow alphabetically. */
const FIELD_ORDER = ["title", "number", "category", "language", "effectiveDate", "reason", "body"];

/** A diff of more than this many milliseconds is given up for "all removed, all added". */
const DIFF_TIMEOUT_MS = 1500;

function fieldRank(name: string): number {
  const rank = FIELD_ORDER.indexOf(name);
  return rank === -1 ? FIELD_ORDER.length : rank;
}

/**
 * Word-level diff of two texts. Concatenating the "same" and "del" segments gives `before`;
 * "same" and "ins" give `after`.
 */
export function diffText(before: string, after: string, lang = "zh-CN"): DiffSegment[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: "word" });
  const changes = diffWords(before, after, { intlSegmenter: segmenter, timeout: DIFF_TIMEOUT_MS });
  if (!changes) {
    return [
      ...(before ? [{ op: "del" as const, text: before }] : []),
      ...(after ? [{ op: "ins" as const, text: after }] : []),
    ];
  }
  const segments: DiffSegment[] = [];
  for (const c of changes) {
    const op = c.added ? "ins" : c.removed ? "del" : "same";
    const last = segments.at(-1);
    if (last && last.op === op) last.text += c.value;
    else if (c.value) segments.push({ op, text: c.value });
  }
  return segments;
}

export function diffFields(before: Record<string, string>, after: Record<string, string>, lang?: string): FieldChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => fieldRank(a) - fieldRank(b) || a.localeCompare(b));
  return names.map((name): FieldChange => {
    const old = before[name];
    const now = after[name];
    if (old === undefined) return { name, change: "added", value: now ?? "" };
    if (now === undefined) return { name, change: "removed", value: old };
    if (old === now) return { name, change: "same", value: now };
    return { name, change: "changed", segments: diffText(old, now, lang) };
  });
}

type AttachmentFacts = Pick<NoticeVersionDto["attachments"][number], "fileName" | "sha256" | "size">;

/** Attachments matched by file name (what a reader recognizes); a new digest means new content. */
export function diffAttachments(before: readonly AttachmentFacts[], after: readonly AttachmentFacts[]): AttachmentChange[] {
  const facts = (a: AttachmentFacts | undefined) => (a ? { sha256: a.sha256, size: a.size } : null);
  const names = [...new Set([...before.map((a) => a.fileName), ...after.map((a) => a.fileName)])];
  return names.map((fileName) => {
    const old = before.find((a) => a.fileName === fileName);
    const now = after.find((a) => a.fileName === fileName);
    const change = !old ? "added" : !now ? "removed" : old.sha256 === now.sha256 ? "same" : "changed";
    return { fileName, change, before: facts(old), after: facts(now) };
  });
}
