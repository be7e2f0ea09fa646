/**
 * The public page cache (docs/decisions.md, "Public pages and search counts are kept until
 * the database's public content changes"). proxy.ts asks it first for every public page; on a miss it renders
 * the page by requesting it from this same server, marked so that the proxy lets that request
 * through, and keeps the result under the content generation read before the render started.
 * A page is answered from the cache only while that generation is still current, so a visitor
 * never sees a page older than the last change committed before their request, from this
 * process or any other; a render that raced a change is simply not reused.
 *
 * Per process, in memory, bounded in bytes. Fifty visitors asking for the same cold page share
 * one render (TtlCache loads a key once).
 */
import http from "node:http";
import { randomBytes } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { TtlCache } from "@/lib/cache/ttl-cache";
import { coalesced } from "@/lib/cache/content-generation";
import { READING_MODE_COOKIE } from "@/lib/pages/reading-mode-cookie";
import { HOST_HEADERS, KEPT_HEADERS, keepPage, readingMode, type RenderedPage, type RequestParts } from "./page-cache-policy";

/** The header marking the cache's own render requests; its value is a per-process secret. */
export const RENDER_HEADER = "x-gongshi-page-render";
/** Whether a response came from the cache ("hit") or was rendered for it ("miss"). */
export const STATUS_HEADER = "x-gongshi-page-cache";
/**
 * Marks an answer whose body is already gzipped. Next drops a proxy answer's Content-Encoding,
 * so server.mjs turns this header into it just before the headers go out.
 */
export const PRECOMPRESSED_HEADER = "x-gongshi-content-encoding";

export interface PageCacheOptions {
  /** Where this server listens (the cache renders by requesting pages from it). */
  origin: () => string;
  readGeneration: () => Promise<string>;
  maxBytes: number;
  /** A page older than this is rendered again even if its generation is still current. */
  maxAgeMs: number;
  /** A render that takes longer fails, and Next answers the visitors itself (default 30 s). */
  renderTimeoutMs?: number;
  /**
   * Keep each page gzipped, compressed once for all visitors instead of once per visitor (only
   * under server.mjs, see there). A page then takes about a fifth of the memory.
   */
  precompress?: boolean;
}

export class PageCache {
  private readonly pages: TtlCache<RenderedPage>;
  private readonly generation: () => Promise<string>;
  readonly secret = randomBytes(16).toString("hex");

  constructor(private readonly options: PageCacheOptions) {
    this.pages = new TtlCache<RenderedPage>({
      ttlMs: options.maxAgeMs,
      maxEntries: 100_000,
      maxBytes: options.maxBytes,
      sizeOf: (page) => page.body.byteLength + 512,
      keep: keepPage,
    });
    this.generation = coalesced(options.readGeneration);
  }

  /** The cache's own render request: it must reach the page, not the cache. */
  isRender(request: Pick<RequestParts, "headers">): boolean {
    return request.headers.get(RENDER_HEADER) === this.secret;
  }

  /**
   * The page for `key`: from the cache while the content generation is unchanged, else rendered
   * now. Null when the rendered answer may not be shared (an error, a redirect, a 404): the
   * caller lets the request through to Next as if there were no cache.
   */
  async page(key: string, request: RequestParts): Promise<{ page: RenderedPage; hit: boolean } | null> {
    const generation = await this.generation();
    let rendered = false;
    const page = await this.pages.getOrLoad(`${generation}\n${key}`, () => {
      rendered = true;
      return this.render(request);
    });
    return keepPage(page) ? { page, hit: !rendered } : null;
  }

  private render(request: RequestParts): Promise<RenderedPage> {
    const url = new URL(request.nextUrl.pathname + request.nextUrl.search, this.options.origin());
    // Only what the page depends on is passed on (see page-cache-policy.ts): the host headers
    // and the reading mode; no visitor cookies, so nothing per-visitor can end up in the page.
    const headers: Record<string, string> = { [RENDER_HEADER]: this.secret, accept: "text/html" };
    for (const name of HOST_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    if (readingMode(request) === "on") headers.cookie = `${READING_MODE_COOKIE}=on`;
    return new Promise((resolve, reject) => {
      const req = http.get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const kept: Record<string, string> = {};
          for (const name of KEPT_HEADERS) {
            const value = res.headers[name];
            if (typeof value === "string") kept[name] = value;
          }
          const page: RenderedPage = { status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks), setsCookie: res.headers["set-cookie"] !== undefined };
          // Level 9: paid once per kept page, not per visitor, and a smaller page costs less to keep and send.
          if (this.options.precompress && keepPage(page)) Object.assign(page, { body: gzipSync(page.body, { level: 9 }), encoding: "gzip" });
          resolve(page);
        });
      });
      req.on("error", reject);
      req.setTimeout(this.options.renderTimeoutMs ?? 30_000, () => req.destroy(new Error(`rendering ${url.pathname} timed out`)));
    });
  }
}

/**
 * What to send a visitor: a gzipped page as it is to a client that takes gzip, else the plain
 * page (unzipped for the few clients that do not take gzip, about a millisecond for a notice page).
 */
export function bodyFor(page: RenderedPage, takesGzip: boolean): { body: Uint8Array; gzipped: boolean } {
  if (page.encoding !== "gzip") return { body: page.body, gzipped: false };
  return takesGzip ? { body: page.body, gzipped: true } : { body: gunzipSync(page.body), gzipped: false };
}
