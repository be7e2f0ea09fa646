/**
 * The URL contract of notice search, shared by the list page (which normalizes: it drops what
 * it cannot use and shows the rest) and the JSON API (which answers 400 listing `problems`).
 * Pure: URLSearchParams in, normalized params and problems out; toSearchParams goes back.
 *
 *   q         text, trimmed, at most 200 characters
 *   agency    agency id, repeatable (OR)
 *   category  a category's slug (lib/shared/categories/vocabulary.ts), repeatable (OR); a label or older
 *             name in either language is read as its slug, so links made before the vocabulary work
 *   status    in-force | amended | corrected | retracted | withheld, repeatable (OR)
 *   language  language tag (zh-CN, en), repeatable (OR)
 *   from, to  YYYY-MM-DD, inclusive, on the date (China time) a notice last changed
 *   sort      relevance (default with q) | newest (default without q) | oldest
 *   page      1..1000
 *   pageSize  10 | 20 | 50 | 100 (default 20)
 */
import { toCategorySlug } from "@/lib/shared/categories/vocabulary";
import type { ParamProblem } from "@/lib/server/api/contract";

export const STATUSES = ["in-force", "amended", "corrected", "retracted", "withheld"] as const;
export type StatusFilter = (typeof STATUSES)[number];
export const SORTS = ["relevance", "newest", "oldest"] as const;
export type SearchSort = (typeof SORTS)[number];
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE = 1000;
export const MAX_QUERY_LENGTH = 200;
const MAX_VALUES = 20;

export interface SearchParams {
  q: string;
  agency: string[];
  category: string[];
  status: StatusFilter[];
  language: string[];
  from: string | null;
  to: string | null;
  /** The effective sort: relevance only when q is non-empty. */
  sort: SearchSort;
  page: number;
  pageSize: number;
}

export type { ParamProblem };

export const DEFAULT_SEARCH_PARAMS: SearchParams = Object.freeze({
  q: "",
  agency: [],
  category: [],
  status: [],
  language: [],
  from: null,
  to: null,
  sort: "newest",
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
}) as SearchParams;

const KNOWN = new Set(["q", "agency", "category", "status", "language", "from", "to", "sort", "page", "pageSize"]);
const AGENCY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$/;

export function parseSearchParams(query: URLSearchParams): { params: SearchParams; problems: ParamProblem[] } {
  const problems: ParamProblem[] = [];
  const problem = (param: string, value: string, message: string) => problems.push({ param, value: value.slice(0, 80), message });
  for (const key of new Set(query.keys())) if (!KNOWN.has(key)) problem(key, query.get(key) ?? "", "unknown parameter");

  const single = (name: string): string | null => {
    const values = query.getAll(name);
    if (values.length > 1) problem(name, values.join(","), "given more than once");
    return values[0] ?? null;
  };
  const many = (name: string, valid: (v: string) => boolean, message: string): string[] => {
    const out: string[] = [];
    for (const value of query.getAll(name)) {
      if (value === "") continue;
      if (!valid(value)) problem(name, value, message);
      else if (out.length >= MAX_VALUES) problem(name, value, `at most ${MAX_VALUES} values`);
      else if (!out.includes(value)) out.push(value);
    }
    return out;
  };

  let q = (single("q") ?? "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD").trim();
  if (q.length > MAX_QUERY_LENGTH) {
    problem("q", q, `at most ${MAX_QUERY_LENGTH} characters`);
    q = q
      .slice(0, MAX_QUERY_LENGTH)
      .replace(/[\uD800-\uDBFF]$/, "")
      .trim();
  }
  const agency = many("agency", (v) => AGENCY_ID.test(v), "not an agency id");
  const category = [
    ...new Set(many("category", (v) => v.length <= 100 && toCategorySlug(v) !== null, "not a category (GET /api/v1/categories lists them)").map((v) => toCategorySlug(v)!)),
  ];
  const status = many("status", (v) => (STATUSES as readonly string[]).includes(v), `one of ${STATUSES.join(", ")}`) as StatusFilter[];
  const language = many("language", (v) => LANGUAGE_TAG.test(v), "not a language tag");

  const date = (name: string): string | null => {
    const value = single(name);
    if (value === null || value === "") return null;
    if (!isDate(value)) {
      problem(name, value, "a date YYYY-MM-DD");
      return null;
    }
    return value;
  };
  const from = date("from");
  let to = date("to");
  if (from !== null && to !== null && to < from) {
    problem("to", to, "before from");
    to = null;
  }

  const sortValue = single("sort");
  let sort: SearchSort = q ? "relevance" : "newest";
  if (sortValue !== null && sortValue !== "") {
    if (!(SORTS as readonly string[]).includes(sortValue)) problem("sort", sortValue, `one of ${SORTS.join(", ")}`);
    else if (sortValue !== "relevance" || q) sort = sortValue as SearchSort;
  }

  const page = integer(single("page"), 1, MAX_PAGE, "page", problem) ?? 1;
  const sizeValue = single("pageSize");
  let pageSize = DEFAULT_PAGE_SIZE;
  if (sizeValue !== null && sizeValue !== "") {
    if ((PAGE_SIZES as readonly number[]).includes(Number(sizeValue)) && /^[1-9][0-9]*$/.test(sizeValue)) pageSize = Number(sizeValue);
    else problem("pageSize", sizeValue, `one of ${PAGE_SIZES.join(", ")}`);
  }
  return { params: { q, agency, category, status, language, from, to, sort, page, pageSize }, problems };
}

/** The canonical query string for params: defaults left out, so equal params give equal URLs. */
export function toSearchParams(params: SearchParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.q) out.set("q", params.q);
  for (const name of ["agency", "category", "status", "language"] as const) for (const v of params[name]) out.append(name, v);
  if (params.from) out.set("from", params.from);
  if (params.to) out.set("to", params.to);
  if (params.sort !== (params.q ? "relevance" : "newest")) out.set("sort", params.sort);
  if (params.page !== 1) out.set("page", String(params.page));
  if (params.pageSize !== DEFAULT_PAGE_SIZE) out.set("pageSize", String(params.pageSize));
  return out;
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function integer(value: string | null, min: number, max: number, name: string, problem: (p: string, v: string, m: string) => void): number | null {
  if (value === null || value === "") return null;
  if (!/^[1-9][0-9]{0,9}$/.test(value)) {
    problem(name, value, `an integer from ${min} to ${max}`);
    return null;
  }
  const n = Number(value);
  if (n < min || n > max) {
    problem(name, value, `an integer from ${min} to ${max}`);
    return Math.min(Math.max(n, min), max);
  }
  return n;
}
