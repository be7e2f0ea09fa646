/**
 * The "My work" view's settings as they appear in its URL (?q=&state=&scope=&sort=&dir=&limit=),
 * so that a view can be bookmarked and shared between clerks of an office. Anyone can type a URL,
 * so a setting that is not understood never refuses the page: it falls back to its default and
 * is named in `ignored`, for the page to say so. Pure (no I/O): the page and the service share it.
 */

/**
 * Where an item stands, as a clerk says it: a draft being edited, submitted for review, returned
 * with comments, approved, approved and scheduled for a time, or published (whatever state the
 * draft was published from; see prisma/migrations/20261208000000_draft_review).
 */
export const WORK_STATUSES = ["draft", "returned", "submitted", "approved", "scheduled", "published"] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

/** Whose items: the clerk's own, all of their agencies' (an office shares work), or submitted drafts waiting for them as reviewer. */
export const WORK_SCOPES = ["mine", "agencies", "review"] as const;
export type WorkScope = (typeof WORK_SCOPES)[number];

export const WORK_SORTS = ["updated", "created", "submitted", "publication", "title", "state"] as const;
export type WorkSort = (typeof WORK_SORTS)[number];

export type SortDirection = "asc" | "desc";

export const WORK_PAGE_SIZE = 50;
export const WORK_MAX_LIMIT = 1000;
export const WORK_MAX_QUERY = 200;

export interface WorkQuery {
  q: string;
  state: WorkStatus | "all";
  scope: WorkScope;
  sort: WorkSort;
  dir: SortDirection;
  limit: number;
}

/** Titles read A→Z, dates newest first: what a click on a column's header starts with. */
export function defaultDirection(sort: WorkSort): SortDirection {
  return sort === "title" || sort === "state" ? "asc" : "desc";
}

type Params = Record<string, string | string[] | undefined>;

/** The view a URL asks for, and the names of the settings in it that were not understood. */
export function parseWorkQuery(params: Params): { query: WorkQuery; ignored: (keyof WorkQuery)[] } {
  const ignored: (keyof WorkQuery)[] = [];
  const one = (key: keyof WorkQuery): string | undefined => {
    const value = params[key];
    if (Array.isArray(value)) {
      ignored.push(key);
      return undefined;
    }
    return value === "" ? undefined : value;
  };
  const pick = <T extends string>(key: keyof WorkQuery, allowed: readonly T[], fallback: T): T => {
    const value = one(key);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    ignored.push(key);
    return fallback;
  };
  const typed = (one("q") ?? "").trim();
  const q = typed.length > WORK_MAX_QUERY ? "" : typed;
  if (q !== typed) ignored.push("q");
  const state = pick("state", ["all", ...WORK_STATUSES] as const, "all");
  const scope = pick("scope", WORK_SCOPES, "mine");
  const sort = pick("sort", WORK_SORTS, "updated");
  const dir = pick("dir", ["asc", "desc"] as const, defaultDirection(sort));
  const limitText = one("limit");
  let limit = WORK_PAGE_SIZE;
  if (limitText !== undefined) {
    const n = /^\d{1,5}$/.test(limitText) ? Number(limitText) : NaN;
    if (n >= 1 && n <= WORK_MAX_LIMIT) limit = n;
    else ignored.push("limit");
  }
  return { query: { q, state, scope, sort, dir, limit }, ignored };
}

/** The URL query of a view, without the settings that are at their defaults (short, stable links). */
export function workQueryParams(query: WorkQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.q) out.q = query.q;
  if (query.state !== "all") out.state = query.state;
  if (query.scope !== "mine") out.scope = query.scope;
  if (query.sort !== "updated") out.sort = query.sort;
  if (query.dir !== defaultDirection(query.sort)) out.dir = query.dir;
  if (query.limit !== WORK_PAGE_SIZE) out.limit = String(query.limit);
  return out;
}
