/** Links within the notices list: the current search with some parameters changed. Pure. */
import { toSearchParams, type SearchParams } from "./search-params";

export function searchHref(params: SearchParams, changes: Partial<SearchParams> = {}): string {
  // Any change other than the page itself starts again at page 1.
  const next = { ...params, page: 1, ...changes };
  const query = toSearchParams(next).toString();
  return query ? `/notices?${query}` : "/notices";
}

/** The same search without one value of a multi-valued filter. */
export function withoutValue(params: SearchParams, name: "agency" | "category" | "status" | "language", value: string): string {
  return searchHref(params, { [name]: (params[name] as string[]).filter((v) => v !== value) });
}
