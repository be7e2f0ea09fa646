/**
 * Which requests the public page cache may answer, under which key, and which rendered
 * responses it may keep (docs/decisions.md, "Public pages are cached until the log changes").
 * Pure: no I/O, so the rules are unit-tested without a server.
 *
 * A public page is a function of its URL, the host it is linked from, the reading-mode cookie
 * and the public content of the database; everything else a visitor sends (other cookies, a
 * staff session, Accept-Language under a locale prefix) does not change it. The key holds
 * exactly those request parts; the content is covered by the generation (lib/server/cache/content-generation.ts).
 */
import { NOTICE_ID_PATTERN } from "@/lib/core/log/notice-leaf-schema";
import { READING_MODE_COOKIE } from "@/lib/shared/reading-mode-cookie";

/** What the policy reads of a request (a NextRequest satisfies it). */
export interface RequestParts {
  method: string;
  headers: { get(name: string): string | null };
  nextUrl: { pathname: string; search: string; searchParams: { has(name: string): boolean } };
  cookies: { get(name: string): { value: string } | undefined };
}

/** Public pages: a locale prefix, and not the staff area. */
const PUBLIC_PAGE = /^\/(?:zh-CN|en)(?:\/(?!admin(?:\/|$))[^?#]*)?$/;

/**
 * Requests a cached document cannot answer: React Server Component fetches of client-side
 * navigation and prefetch (their payload depends on the router state the browser sends) and
 * server actions. The proxy sees them because next.config.ts sets skipProxyUrlNormalize.
 */
const DYNAMIC_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];

/**
 * The request headers a page's absolute links are made from (lib/server/api/public-origin.ts): part of
 * the key, and the only headers the render request passes on besides the reading mode.
 */
export const HOST_HEADERS = ["host", "x-forwarded-host", "x-forwarded-proto"] as const;

/** The longest URL kept: longer ones are rendered every time, not stored. */
const MAX_URL_LENGTH = 1_000;

/** The cache key of a request, or null when the cache must not answer it. */
export function pageCacheKey(request: RequestParts): string | null {
  if (request.method !== "GET") return null;
  const { pathname, search, searchParams } = request.nextUrl;
  if (!PUBLIC_PAGE.test(pathname) || searchParams.has("_rsc")) return null;
  if (DYNAMIC_HEADERS.some((h) => request.headers.get(h) !== null)) return null;
  // A browser says what it fetches: only a document (a client without the header, a crawler or
  // a feed reader, asks for the document too).
  const dest = request.headers.get("sec-fetch-dest");
  if (dest !== null && dest !== "document") return null;
  if (pathname.length + search.length > MAX_URL_LENGTH) return null;
  return JSON.stringify([...HOST_HEADERS.map((h) => request.headers.get(h) ?? ""), readingMode(request), pathname + search]);
}

/** A notice's pages: the notice itself, a version's permalink, the changes between versions. */
const NOTICE_PAGE = new RegExp(`^/(?:zh-CN|en)/n/(${NOTICE_ID_PATTERN.source.slice(1, -1)})(?:/v/[^/]+|/diff)?$`);

/**
 * The notice a page shows nothing but, or null for any other page: such a page stays valid
 * across changes elsewhere as long as that notice's own generation (NOTICE_GENERATION_SQL) holds.
 */
export function noticeScope(pathname: string): string | null {
  return NOTICE_PAGE.exec(pathname)?.[1] ?? null;
}

/** The reading-mode value the page renders with ("on", or "" for off), as the layout reads it. */
export function readingMode(request: Pick<RequestParts, "cookies">): string {
  return request.cookies.get(READING_MODE_COOKIE)?.value === "on" ? "on" : "";
}

/** The headers a rendered page is stored and answered with; the rest are per response. The
 * Content-Security-Policy holds the script nonce baked into the page's HTML (proxy.ts). */
export const KEPT_HEADERS = ["content-type", "content-language", "cache-control", "link", "vary", "x-robots-tag", "content-security-policy"];

export interface RenderedPage {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** "gzip": the body was gzipped once when kept, for servers that send it as is (server.mjs). */
  encoding?: "gzip";
  /** The response set a cookie: a per-visitor answer, never shared. */
  setsCookie: boolean;
}

/** The largest page kept (bytes); a notice page is about 50 KB. */
export const MAX_PAGE_BYTES = 1024 * 1024;

/** Only complete 200 HTML pages are shared: no errors, redirects, or per-visitor answers. */
export function keepPage(page: RenderedPage): boolean {
  return page.status === 200 && !page.setsCookie && (page.headers["content-type"] ?? "").startsWith("text/html") && page.body.byteLength <= MAX_PAGE_BYTES;
}

/**
 * Whether a client takes gzip (RFC 9110 §12.5.3): `gzip` or `*` with a non-zero weight, and not
 * refused by name (`*, gzip;q=0` refuses it). No header means no compression: such clients are
 * answered with the plain page.
 */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  let star: boolean | undefined;
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const accepted = Number.isFinite(weight) && weight > 0;
    if (name === "gzip" || name === "x-gzip") return accepted;
    if (name === "*") star = accepted;
  }
  return star ?? false;
}
