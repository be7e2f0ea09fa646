/**
 * The query of a feed or an export: the search URL contract (lib/shared/search/search-params.ts) plus
 * `locale`, the language of the feed's own title, links and agency names. Pure. Unlike the list
 * page, which tolerates what it cannot use, a feed URL is typed into a reader once and polled
 * for years, so any problem is a 400 naming it rather than a silently different feed.
 */
import { routing, type Locale } from "@/i18n/routing";
import { parseSearchParams, type ParamProblem, type SearchParams } from "@/lib/shared/search/search-params";

export const FEED_DEFAULT_SIZE = 50;

export interface ParsedQuery {
  params: SearchParams;
  locale: Locale;
  problems: ParamProblem[];
}

function splitLocale(query: URLSearchParams): { rest: URLSearchParams; locale: Locale; problems: ParamProblem[] } {
  const rest = new URLSearchParams(query);
  const given = rest.getAll("locale");
  rest.delete("locale");
  const problems: ParamProblem[] = [];
  let locale: Locale = routing.defaultLocale;
  if (given.length > 1) problems.push({ param: "locale", value: given.join(",").slice(0, 80), message: "given more than once" });
  else if (given.length === 1) {
    const value = given[0]!;
    if ((routing.locales as readonly string[]).includes(value)) locale = value as Locale;
    else problems.push({ param: "locale", value: value.slice(0, 80), message: `one of ${routing.locales.join(", ")}` });
  }
  return { rest, locale, problems };
}

/**
 * A feed is always the newest items first, one page: `sort` and `page` would make a feed
 * that never shows what is new, so they are refused. `pageSize` sets how many items (default 50).
 */
export function parseFeedQuery(query: URLSearchParams): ParsedQuery {
  const { rest, locale, problems } = splitLocale(query);
  for (const name of ["sort", "page"]) {
    if (rest.has(name)) problems.push({ param: name, value: (rest.get(name) ?? "").slice(0, 80), message: "not a feed parameter: feeds are the newest first, one page" });
    rest.delete(name);
  }
  const sized = rest.has("pageSize");
  const parsed = parseSearchParams(rest);
  const params = { ...parsed.params, sort: "newest" as const, page: 1, pageSize: sized ? parsed.params.pageSize : FEED_DEFAULT_SIZE };
  return { params, locale, problems: [...problems, ...parsed.problems] };
}

/**
 * An export takes a search URL as it is: `page` and `pageSize` are accepted (so the list
 * page's own query can be passed on) and ignored, as every matching row is exported.
 */
export function parseExportQuery(query: URLSearchParams): ParsedQuery {
  const { rest, locale, problems } = splitLocale(query);
  const parsed = parseSearchParams(rest);
  return { params: { ...parsed.params, page: 1 }, locale, problems: [...problems, ...parsed.problems] };
}
