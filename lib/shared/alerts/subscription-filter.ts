/**
 * What an alert matches: the filters of a notice search (lib/shared/search/search-params.ts) without
 * its dates, order and page, which mean nothing for notices yet to come. Stored as JSON in
 * alert_subscription.filter, arrays sorted so that the same search is the same subscription.
 * An agency page subscribes to {agency: [id]}, a category to {category: [name]}: their kind
 * says so, for the mails' wording.
 */
import { DEFAULT_SEARCH_PARAMS, parseSearchParams, STATUSES, type SearchParams, type StatusFilter } from "@/lib/shared/search/search-params";

export interface AlertFilter {
  q: string;
  agency: string[];
  category: string[];
  status: StatusFilter[];
  language: string[];
}

export type AlertKind = "search" | "agency" | "category";

export function filterFromSearch(params: Pick<SearchParams, "q" | "agency" | "category" | "status" | "language">): AlertFilter {
  const sorted = <T extends string>(values: readonly T[]) => [...new Set(values)].sort();
  return { q: params.q, agency: sorted(params.agency), category: sorted(params.category), status: sorted(params.status), language: sorted(params.language) };
}

/** The filter a query string names (the subscribe page's URL and form), normalized as the search page does. */
export function filterFromQuery(query: URLSearchParams): AlertFilter {
  return filterFromSearch(parseSearchParams(query).params);
}

/** A stored filter, read defensively (it was written by filterFromSearch). */
export function readFilter(json: unknown): AlertFilter {
  const value = (json ?? {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  return {
    q: typeof value.q === "string" ? value.q : "",
    agency: strings(value.agency),
    category: strings(value.category),
    status: strings(value.status).filter((s): s is StatusFilter => (STATUSES as readonly string[]).includes(s)),
    language: strings(value.language),
  };
}

export function alertKind(filter: AlertFilter): AlertKind {
  const only = (name: keyof AlertFilter) =>
    !filter.q && (["agency", "category", "status", "language"] as const).every((n) => (n === name ? filter[n].length === 1 : filter[n].length === 0));
  if (only("agency")) return "agency";
  if (only("category")) return "category";
  return "search";
}

/** The search page's URL parameters for a filter (the "see all" link of a digest, the subscribe link). */
export function filterSearchParams(filter: AlertFilter): SearchParams {
  return { ...DEFAULT_SEARCH_PARAMS, ...filter, sort: filter.q ? "relevance" : "newest" };
}
