import { describe, expect, it } from "vitest";
import { DEFAULT_SEARCH_PARAMS, parseSearchParams, toSearchParams, type SearchParams } from "@/lib/shared/search/search-params";

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe("parseSearchParams", () => {
  it("gives the defaults for an empty query", () => {
    expect(parse("")).toEqual({ params: DEFAULT_SEARCH_PARAMS, problems: [] });
  });

  it("reads every parameter", () => {
    const { params, problems } = parse(
      "q=+土地+征收+&agency=hp-land&agency=hp-planning&category=城乡规划&status=amended&status=withheld&language=zh-CN&from=2026-01-01&to=2026-03-31&sort=oldest&page=3&pageSize=50",
    );
    expect(problems).toEqual([]);
    expect(params).toEqual({
      q: "土地 征收",
      agency: ["hp-land", "hp-planning"],
      category: ["planning"],
      status: ["amended", "withheld"],
      language: ["zh-CN"],
      from: "2026-01-01",
      to: "2026-03-31",
      sort: "oldest",
      page: 3,
      pageSize: 50,
    });
  });

  it("reads a category given by its label in either language or an older name as its slug, once", () => {
    const { params, problems } = parse("category=城乡规划&category=Urban+and+rural+planning&category=planning&category=预算公开&category=Budget+disclosure");
    expect(problems).toEqual([]);
    expect(params.category).toEqual(["planning", "budget"]);
    expect(toSearchParams(params).toString()).toBe("category=planning&category=budget");
  });

  it("sorts by relevance by default only when there is a query", () => {
    expect(parse("q=budget").params.sort).toBe("relevance");
    expect(parse("sort=relevance").params.sort).toBe("newest");
    expect(parse("sort=relevance").problems).toEqual([]);
  });

  it.each([
    ["page=0", "page", { page: 1 }],
    ["page=-1", "page", { page: 1 }],
    ["page=1e3", "page", { page: 1 }],
    ["page=01", "page", { page: 1 }],
    ["page=99999999", "page", { page: 1000 }],
    ["page=abc", "page", { page: 1 }],
    ["pageSize=7", "pageSize", { pageSize: 20 }],
    ["pageSize=020", "pageSize", { pageSize: 20 }],
    ["sort=random", "sort", { sort: "newest" }],
    ["status=active", "status", { status: [] }],
    ["agency=../etc", "agency", { agency: [] }],
    ["language=x", "language", { language: [] }],
    ["category=%00", "category", { category: [] }],
    ["category=not-a-category", "category", { category: [] }],
    ["from=2026-02-30", "from", { from: null }],
    ["from=yesterday", "from", { from: null }],
    ["from=2026-03-01&to=2026-02-01", "to", { from: "2026-03-01", to: null }],
    ["page=1&page=2", "page", { page: 1 }],
    ["debug=1", "debug", {}],
  ] as const)("rejects %s and normalizes it", (query, param, normalized) => {
    const { params, problems } = parse(query);
    expect(problems.map((p) => p.param)).toEqual([param]);
    expect(params).toEqual({ ...DEFAULT_SEARCH_PARAMS, ...normalized });
  });

  it("truncates a long query to 200 characters and reports it", () => {
    const { params, problems } = parse(`q=${"税".repeat(10_000)}`);
    expect(params.q).toHaveLength(200);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.value.length).toBeLessThanOrEqual(80);
  });

  it("replaces lone surrogates in the query", () => {
    expect(parseSearchParams(new URLSearchParams([["q", "a\uD800b"]])).params.q).toBe("a\uFFFDb");
  });

  it("drops duplicate filter values and caps how many are given", () => {
    expect(parse("agency=a&agency=a").params.agency).toEqual(["a"]);
    const many = parse(Array.from({ length: 25 }, (_, i) => `agency=a${i}`).join("&"));
    expect(many.params.agency).toHaveLength(20);
    expect(many.problems).toHaveLength(5);
  });
});

describe("toSearchParams", () => {
  const cases: SearchParams[] = [
    DEFAULT_SEARCH_PARAMS,
    { ...DEFAULT_SEARCH_PARAMS, q: "信息公开 & notices", sort: "relevance", page: 4 },
    { ...DEFAULT_SEARCH_PARAMS, q: "x", sort: "oldest", pageSize: 100 },
    {
      ...DEFAULT_SEARCH_PARAMS,
      agency: ["hp-land", "hp-drc"],
      category: ["planning", "other"],
      status: ["retracted", "withheld"],
      language: ["en"],
      from: "2026-01-01",
      to: "2026-01-01",
    },
  ];
  it.each(cases.map((c) => [toSearchParams(c).toString(), c]))("round-trips %j", (_label, params) => {
    const url = `?${toSearchParams(params).toString()}`;
    expect(parseSearchParams(new URL(`http://x/${url}`).searchParams)).toEqual({ params, problems: [] });
  });

  it("leaves defaults out", () => {
    expect(toSearchParams(DEFAULT_SEARCH_PARAMS).toString()).toBe("");
    expect(toSearchParams({ ...DEFAULT_SEARCH_PARAMS, q: "a", sort: "relevance" }).toString()).toBe("q=a");
  });
});
