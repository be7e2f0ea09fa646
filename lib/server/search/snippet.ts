/**
 * A short piece of text around the first place a query term occurs, for a result row. Pure.
 * Matching is case-insensitive on the stored text (not on the NFKC form, whose offsets differ),
 * so a term the index matched only through folding or stemming falls back to the text's start.
 */
import type { Snippet } from "@/lib/server/api/contract";

const BEFORE = 30;
const LENGTH = 120;

export function makeSnippet(text: string, terms: readonly string[]): Snippet | null {
  if (!text) return null;
  const lower = text.toLowerCase();
  const usable = lower.length === text.length ? terms.filter((t) => t.length > 0) : [];
  let first = -1;
  for (const term of usable) {
    const at = lower.indexOf(term);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  let start = first < 0 ? 0 : Math.max(0, first - BEFORE);
  if (isLowSurrogate(text.charCodeAt(start))) start -= 1;
  let end = Math.min(text.length, start + LENGTH);
  if (isLowSurrogate(text.charCodeAt(end))) end += 1;
  const prefix = start > 0 ? "…" : "";
  const body = text.slice(start, end);
  const window = lower.slice(start, end);
  const highlights: [number, number][] = [];
  for (const term of usable) {
    for (let at = window.indexOf(term); at >= 0; at = window.indexOf(term, at + term.length)) {
      highlights.push([prefix.length + at, prefix.length + at + term.length]);
    }
  }
  highlights.sort((x, y) => x[0] - y[0]);
  const merged = highlights.reduce<[number, number][]>((out, range) => {
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
    return out;
  }, []);
  return { text: `${prefix}${body}${end < text.length ? "…" : ""}`, highlights: merged };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
