import { describe, expect, it } from "vitest";
import { acceptsGzip, keepPage, noticeScope, pageCacheKey, type RenderedPage, type RequestParts } from "@/lib/server/page-cache/page-cache-policy";

function request(url: string, init: { method?: string; headers?: Record<string, string>; cookies?: Record<string, string> } = {}): RequestParts {
  const u = new URL(url, "http://portal.example");
  const headers = new Headers({ host: "portal.example", ...init.headers });
  return {
    method: init.method ?? "GET",
    headers,
    nextUrl: { pathname: u.pathname, search: u.search, searchParams: u.searchParams },
    cookies: { get: (name) => (init.cookies?.[name] === undefined ? undefined : { value: init.cookies[name]! }) },
  };
}

describe("pageCacheKey", () => {
  it("keys public pages in both locales by their path and query", () => {
    for (const url of ["/zh-CN", "/en", "/zh-CN/n/HP-PLAN-2026-001", "/en/notices?q=land&page=2", "/zh-CN/log/entries/5", "/en/agencies/hp-planning"]) {
      expect(pageCacheKey(request(url)), url).not.toBeNull();
    }
    expect(pageCacheKey(request("/en/notices?q=land&page=2"))).not.toBe(pageCacheKey(request("/en/notices?q=land&page=3")));
    expect(pageCacheKey(request("/en/notices"))).not.toBe(pageCacheKey(request("/zh-CN/notices")));
  });

  it("never answers staff pages, unlocalized paths, other methods, server actions or client-router fetches", () => {
    const refused = [
      request("/zh-CN/admin"),
      request("/en/admin/notices/new"),
      request("/"),
      request("/n/HP-PLAN-2026-001"),
      request("/fr/notices"),
      request("/zh-CN/n/X", { method: "POST" }),
      request("/zh-CN/n/X", { method: "HEAD" }),
      request("/zh-CN/n/X", { headers: { rsc: "1" } }),
      request("/zh-CN/n/X", { headers: { "next-router-prefetch": "1" } }),
      request("/zh-CN/n/X", { headers: { "next-router-state-tree": "%5B%5D" } }),
      request("/zh-CN/n/X", { headers: { "next-action": "abc" } }),
      request("/zh-CN/n/X?_rsc=1x2y"),
      request("/zh-CN/n/X", { headers: { "sec-fetch-dest": "empty" } }),
      request(`/en/notices?q=${"a".repeat(1_000)}`),
    ];
    for (const r of refused) expect(pageCacheKey(r), `${r.method} ${r.nextUrl.pathname}${r.nextUrl.search}`).toBeNull();
    expect(pageCacheKey(request("/zh-CN/n/X", { headers: { "sec-fetch-dest": "document" } }))).not.toBeNull();
    // "administration" is not the staff area.
    expect(pageCacheKey(request("/en/administration"))).not.toBeNull();
  });

  it("separates what the page depends on (host, forwarded host and protocol, reading mode) and ignores every other cookie", () => {
    const base = pageCacheKey(request("/zh-CN/n/X"));
    expect(pageCacheKey(request("/zh-CN/n/X", { headers: { host: "other.example" } }))).not.toBe(base);
    expect(pageCacheKey(request("/zh-CN/n/X", { headers: { "x-forwarded-host": "gov.example" } }))).not.toBe(base);
    expect(pageCacheKey(request("/zh-CN/n/X", { headers: { "x-forwarded-proto": "https" } }))).not.toBe(base);
    expect(pageCacheKey(request("/zh-CN/n/X", { cookies: { "reading-mode": "on" } }))).not.toBe(base);
    // Off and absent render the same page.
    expect(pageCacheKey(request("/zh-CN/n/X", { cookies: { "reading-mode": "off" } }))).toBe(base);
    expect(pageCacheKey(request("/zh-CN/n/X", { cookies: { "better-auth.session_token": "s", NEXT_LOCALE: "en" } }))).toBe(base);
    expect(pageCacheKey(request("/zh-CN/n/X", { headers: { "accept-language": "en", "user-agent": "Twitterbot/1.0" } }))).toBe(base);
  });
});

describe("keepPage", () => {
  const page = (over: Partial<RenderedPage>): RenderedPage => ({
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: new Uint8Array(10),
    setsCookie: false,
    ...over,
  });
  it("keeps complete HTML pages only", () => {
    expect(keepPage(page({}))).toBe(true);
    expect(keepPage(page({ status: 404 }))).toBe(false);
    expect(keepPage(page({ status: 500 }))).toBe(false);
    expect(keepPage(page({ status: 307 }))).toBe(false);
    expect(keepPage(page({ setsCookie: true }))).toBe(false);
    expect(keepPage(page({ headers: { "content-type": "application/json" } }))).toBe(false);
    expect(keepPage(page({ headers: {} }))).toBe(false);
    expect(keepPage(page({ body: new Uint8Array(1024 * 1024 + 1) }))).toBe(false);
  });
});

describe("acceptsGzip", () => {
  it("accepts gzip by name or by wildcard with a non-zero weight", () => {
    for (const header of ["gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "GZIP", "x-gzip", "*", "deflate, *;q=0.5", " gzip ; q=0.001 "]) {
      expect(acceptsGzip(header), header).toBe(true);
    }
  });

  it("refuses no header, other codings, a zero weight, and a wildcard that gzip;q=0 overrides", () => {
    for (const header of [null, "", "identity", "br, deflate", "gzip;q=0", "gzip;q=0.000", "*;q=0", "*, gzip;q=0", "gzip;q=zero", "gzipx"]) {
      expect(acceptsGzip(header), String(header)).toBe(false);
    }
  });
});

describe("noticeScope", () => {
  it("names the notice of a notice page, a version permalink and a diff", () => {
    expect(noticeScope("/zh-CN/n/HP-PLAN-2026-003")).toBe("HP-PLAN-2026-003");
    expect(noticeScope("/en/n/HP-PLAN-2026-003/v/2")).toBe("HP-PLAN-2026-003");
    expect(noticeScope("/en/n/HP_x-1/diff")).toBe("HP_x-1");
  });

  it("names none for other pages, other languages and ids a notice cannot have", () => {
    for (const path of [
      "/zh-CN",
      "/en/notices",
      "/en/agencies/hp-planning",
      "/en/log/entries/3",
      "/fr/n/HP-1",
      "/n/HP-1",
      "/en/n/-HP",
      "/en/n/HP.1",
      "/en/n/HP-1/other",
      `/en/n/${"A".repeat(65)}`,
    ]) {
      expect(noticeScope(path), path).toBeNull();
    }
  });
});
