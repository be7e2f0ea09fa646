/**
 * What changed between two versions of a notice, field by field, for people to read.
 * Text is compared word by word (lib/shared/notices/word-diff.ts); the Markdown body as rendered
 * blocks (lib/shared/notices/body-diff.ts), never as source. A version's reason (reason-fields.ts) is
 * not the notice's content and never a change here: pages show the newer version's reason apart.
 */
import type { NoticeVersionDto } from "@/lib/server/notices/get-notice";
import { diffBody, type DiffBlock } from "./body-diff";
import { diffText, type DiffSegment } from "./word-diff";
import { isReasonField } from "./reason-fields";

export { diffText, type DiffSegment };

export type FieldChange =
  | { name: string; change: "same"; value: string }
  | { name: string; change: "added"; value: string }
  | { name: string; change: "removed"; value: string }
  | { name: string; change: "changed"; segments: DiffSegment[] }
  /** A Markdown field (the body): rendered blocks, compared block by block (lib/shared/notices/body-diff.ts). */
  | { name: string; change: "changed" | "added" | "removed"; blocks: DiffBlock[] };

export type AttachmentChange = {
  fileName: string;
  change: "same" | "added" | "removed" | "changed";
  before: { sha256: string; size: number } | null;
  after: { sha256: string; size: number } | null;
};

/** Fields in reading order; any others follow alphabetically. */
const FIELD_ORDER = ["title", "number", "category", "language", "effectiveDate", "body"];

function fieldRank(name: string): number {
  const rank = FIELD_ORDER.indexOf(name);
  return rank === -1 ? FIELD_ORDER.length : rank;
}

/** Fields written in Markdown: compared as rendered blocks, not as source text. */
const MARKDOWN_FIELDS = new Set(["body"]);

/**
 * `bodyHeadingTop`: the level the body's top headings take, one below the field names (h3 in
 * the diff page and the editor's preview).
 */
export function diffFields(before: Record<string, string>, after: Record<string, string>, lang = "zh-CN", { bodyHeadingTop = 4 } = {}): FieldChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((name) => !isReasonField(name))
    .sort((a, b) => fieldRank(a) - fieldRank(b) || a.localeCompare(b));
  return names.map((name): FieldChange => {
    const old = before[name];
    const now = after[name];
    if (MARKDOWN_FIELDS.has(name) && old !== now) {
      const change = old === undefined ? "added" : now === undefined ? "removed" : "changed";
      return { name, change, blocks: diffBody(old ?? "", now ?? "", lang, { top: bodyHeadingTop }) };
    }
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
