/**
 * Tokenization for notice search, done in Node because PostgreSQL 15 cannot split Chinese
 * (no zhparser or pg_bigm here, and the C locale's parser treats a run of Han as one word).
 * Pure and isomorphic: no I/O, so the same rules build documents and queries (docs/search.md).
 *
 * - Text is NFKC-folded (full-width Ａ１ → a1) and lowercased.
 * - A run of CJK characters becomes overlapping character bigrams at consecutive positions,
 *   plus the run's last character as a unigram. Segmenter words are not used for Han: a
 *   segmenter may keep 信息公开 as one word, and then a search for 公开 would miss it. With
 *   bigrams every two-character substring is a lexeme, a longer phrase is the bigram chain
 *   `信息 <-> 息公 <-> 公开` (so characters present but not adjacent do not match), and a
 *   single character X is the prefix query `X:*` (every X starts a bigram or ends a run).
 * - Other text is split into words with Intl.Segmenter. Letter words are indexed both as
 *   their English (Porter) stem and raw, so "notices" finds "notice" and the prefix "environm"
 *   finds "environmental" although its stem is "environ". Digits are kept as words.
 */
import { stemmer } from "stemmer";

/** tsvector weights: A for title and number, B for category and agency, C for body text. */
export type Weight = "A" | "B" | "C" | "D";

export interface WeightedText {
  text: string;
  weight: Weight;
}

/** PostgreSQL stores positions 1..16383 and at most 256 positions per lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** Lexemes are capped far below PostgreSQL's 2 KB limit; a longer "word" is noise. */
const MAX_LEXEME_LENGTH = 60;
/** A query is cut to this many terms, so a pasted essay costs a bounded tsquery. */
const MAX_QUERY_TERMS = 32;

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const WORD_PART = /[\p{L}\p{N}]+/gu;

// Only the commonest function words: they match nearly every English notice, and dropping
// them keeps "the planning of the port" from requiring "the" to be indexed.
const STOP_WORDS = new Set("a an and are as at be by for from has have in is it its of on or that the this to was were will with".split(" "));

const segmenter = new Intl.Segmenter("en", { granularity: "word" });

/** NFKC, lowercase, and lone surrogates (which PostgreSQL rejects in text) replaced by spaces. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, " ")
    .normalize("NFKC")
    .toLowerCase();
}

/** A token of the document stream: one or more lexemes that share one position. */
type Token = { lexemes: string[]; cjk: boolean; raw: string; last: boolean };

/** The token stream of normalized text, in order; CJK tokens carry their bigram/unigram. */
function* tokens(normalized: string): Generator<Token> {
  let cursor = 0;
  for (const run of normalized.matchAll(CJK_RUN)) {
    yield* wordTokens(normalized.slice(cursor, run.index));
    const chars = Array.from(run[0]);
    for (let i = 0; i < chars.length - 1; i++) {
      yield { lexemes: [chars[i]! + chars[i + 1]!], cjk: true, raw: chars[i]!, last: false };
    }
    yield { lexemes: [chars[chars.length - 1]!], cjk: true, raw: chars[chars.length - 1]!, last: true };
    cursor = run.index + run[0].length;
  }
  yield* wordTokens(normalized.slice(cursor));
}

function* wordTokens(text: string): Generator<Token> {
  if (!text.trim()) return;
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    // "don't" → "dont", "2.87" → "2" "87": keep only letters and digits in each lexeme.
    for (const part of segment.segment.replace(/['’]/g, "").matchAll(WORD_PART)) {
      const raw = part[0].slice(0, MAX_LEXEME_LENGTH);
      if (STOP_WORDS.has(raw)) {
        yield { lexemes: [], cjk: false, raw, last: true };
        continue;
      }
      const stem = /^[a-z]+$/.test(raw) ? stemmer(raw) : raw;
      yield { lexemes: stem === raw ? [raw] : [stem, raw], cjk: false, raw, last: true };
    }
  }
}

/** The lexemes of text in order, without positions (for tests and diagnostics). */
export function lexemes(text: string): string[] {
  return [...tokens(normalizeText(text))].flatMap((t) => t.lexemes);
}

/** Quotes a lexeme for tsvector/tsquery input syntax (a backslash and a quote are escaped). */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * A tsvector literal (cast it with `::tsvector`) for the given weighted texts, positions
 * running on across them. Empty input gives "" (an empty tsvector).
 */
export function buildDocument(parts: readonly WeightedText[]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const part of parts) {
    for (const token of tokens(normalizeText(part.text))) {
      position = Math.min(position + 1, MAX_POSITION);
      for (const lexeme of token.lexemes) {
        const list = positions.get(lexeme) ?? [];
        if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${position}${part.weight}`);
        positions.set(lexeme, list);
      }
    }
    // A gap between fields, so a phrase never spans the end of the title and the body's start.
    position = Math.min(position + 1, MAX_POSITION);
  }
  return [...positions].map(([lexeme, list]) => `${quoteLexeme(lexeme)}:${[...new Set(list)].join(",")}`).join(" ");
}

export interface ParsedQuery {
  /** A tsquery literal (cast it with `::tsquery`), or null when the query has no searchable term. */
  tsquery: string | null;
  /** The normalized terms (CJK runs and words) for highlighting a snippet. */
  terms: string[];
}

/**
 * Parses what a visitor typed. CJK runs become bigram phrases, words become their stem (the
 * last word also its raw prefix, for search-as-you-type), and terms are ANDed. Operators the
 * visitor types (& | ! : * quotes parentheses) are not syntax here: only letters and digits
 * reach the tsquery, each quoted, so no input can make the cast fail.
 */
export function parseQuery(query: string): ParsedQuery {
  const clauses: string[] = [];
  const terms: string[] = [];
  let cjkRun: string[] = [];
  const flushCjk = () => {
    if (cjkRun.length === 0) return;
    terms.push(cjkRun.join(""));
    clauses.push(
      cjkRun.length === 1
        ? `${quoteLexeme(cjkRun[0]!)}:*`
        : `(${cjkRun
            .slice(0, -1)
            .map((c, i) => quoteLexeme(c + cjkRun[i + 1]!))
            .join(" <-> ")})`,
    );
    cjkRun = [];
  };
  const all = [...tokens(normalizeText(query))];
  const lastWord = all.findLastIndex((t) => !t.cjk && t.lexemes.length > 0);
  for (const [index, token] of all.entries()) {
    if (terms.length >= MAX_QUERY_TERMS) break;
    if (token.cjk) {
      cjkRun.push(token.raw);
      if (token.last) flushCjk();
      continue;
    }
    if (token.lexemes.length === 0) continue;
    const stem = quoteLexeme(token.lexemes[0]!);
    terms.push(token.raw);
    clauses.push(index === lastWord ? `(${stem} | ${quoteLexeme(token.raw)}:*)` : stem);
  }
  flushCjk();
  return { tsquery: clauses.length > 0 ? clauses.join(" & ") : null, terms };
}
