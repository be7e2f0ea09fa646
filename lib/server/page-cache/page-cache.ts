/**
 * The public page cache (README.md in this folder; docs/decisions.md, "Public pages and search
 * counts are kept until the database's public content changes"). proxy.ts asks it first for every public page; on a miss it renders
 * the page by requesting it from this same server, marked so that the proxy lets that request
 * through, and keeps the result under the content generation read before the render started.
 * A page is answered from the cache only while that generation is still current, so a visitor
 * never sees a page older than the last change committed before their request, from this
 * process or any other; a render that raced a change is simply not reused. A notice's own pages
 * are checked against that notice's generation instead once the global one has moved, so a
 * commit that logs other notices does not make every notice page render again.
 *
 * Per process, in memory, bounded in bytes. Fifty visitors asking for the same cold page share
 * one render.
 */
import http from "node:http";
import { randomBytes } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { coalesced } from "@/lib/server/cache/coalesced.mjs";
import { READING_MODE_COOKIE } from "@/lib/shared/reading-mode-cookie";
import { HOST_HEADERS, KEPT_HEADERS, keepPage, noticeScope, pageCacheKey, readingMode, type RenderedPage, type RequestParts } from "./page-cache-policy";

/** The header marking the cache's own render requests; its value is a per-process secret. */
export const RENDER_HEADER = "x-gongshi-page-render";
/** Whether a response came from the cache ("hit") or was rendered for it ("miss"). */
export const STATUS_HEADER = "x-gongshi-page-cache";
/**
 * Marks an answer whose body is already gzipped. Next drops a proxy answer's Content-Encoding,
 * so server.mjs turns this header into it just before the headers go out (precompressed.mjs).
 */
export { PRECOMPRESSED_HEADER } from "./precompressed.mjs";

export interface PageCacheOptions {
  /** Where this server listens (the cache renders by requesting pages from it). */
  origin: () => string;
  readGeneration: () => Promise<string>;
  maxBytes: number;
  /** A page older than this is rendered again even if its generation is still current. */
  maxAgeMs: number;
  /**
   * One notice's generation (lib/server/cache/content-generation.ts, NOTICE_GENERATION_SQL): with it,
   * a notice's pages outlive changes to the rest of the portal.
   */
  readNoticeGeneration?: (noticeId: string) => Promise<string>;
  /** A render that takes longer fails, and Next answers the visitors itself (default 30 s). */
  renderTimeoutMs?: number;
  /**
   * Keep each page gzipped, compressed once for all visitors instead of once per visitor (only
   * under server.mjs, see there). A page then takes about a fifth of the memory.
   */
  precompress?: boolean;
}

/** A kept page, the generation it is valid for, and its notice's generation when it shows one notice. */
interface KeptPage {
  page: RenderedPage;
  generation: string;
  scope: { notice: string; generation: string } | null;
}

/** At most this many hosts are pre-rendered for. */
const MAX_HOSTS = 4;

export class PageCache {
  private readonly pages: TtlCache<KeptPage>;
  /** Renders under way, by generation and key: visitors of one cold page share one render. */
  private readonly rendering = new Map<string, Promise<KeptPage>>();
  private readonly generation: () => Promise<string>;
  /**
   * The host headers (HOST_HEADERS) of recent visitors' public pages, most recent first: the
   * hosts a page is pre-rendered for (prerender below). One behind a reverse proxy; a few at most.
   */
  private readonly hosts: string[] = [];
  readonly secret = randomBytes(16).toString("hex");

  constructor(private readonly options: PageCacheOptions) {
    this.pages = new TtlCache<KeptPage>({
      ttlMs: options.maxAgeMs,
      maxEntries: 100_000,
      maxBytes: options.maxBytes,
      sizeOf: (kept) => kept.page.body.byteLength + 512,
    });
    this.generation = coalesced(options.readGeneration);
  }

  /** Notes the host a visitor asked a public page for, so pre-renders render for it too. */
  noteVisitor(request: Pick<RequestParts, "headers">): void {
    const tuple = JSON.stringify(HOST_HEADERS.map((name) => request.headers.get(name) ?? ""));
    if (this.hosts[0] === tuple) return;
    const known = this.hosts.indexOf(tuple);
    if (known >= 0) this.hosts.splice(known, 1);
    this.hosts.unshift(tuple);
    this.hosts.length = Math.min(this.hosts.length, MAX_HOSTS);
  }

  /** Whether a render is under way: pre-renders wait until none is, so they never delay a visitor's. */
  get busy(): boolean {
    return this.rendering.size > 0;
  }

  /**
   * Renders `pathname` into the cache, as a visitor with reading mode off would get it from each
   * host visitors used lately, unless it is kept and current already. Returns how many renders it
   * made. A page that may not be kept (a 404, say) is simply not kept, as for a visitor.
   */
  async prerender(pathname: string): Promise<number> {
    let rendered = 0;
    for (const tuple of [...this.hosts]) {
      const values = JSON.parse(tuple) as string[];
      const headers = new Headers();
      HOST_HEADERS.forEach((name, i) => values[i] && headers.set(name, values[i]!));
      const request: RequestParts = { method: "GET", headers, nextUrl: { pathname, search: "", searchParams: new URLSearchParams() }, cookies: { get: () => undefined } };
      const key = pageCacheKey(request);
      if (key === null) continue;
      const found = await this.page(key, request);
      if (found && !found.hit) rendered++;
    }
    return rendered;
  }

  /** The cache's own render request: it must reach the page, not the cache. */
  isRender(request: Pick<RequestParts, "headers">): boolean {
    return request.headers.get(RENDER_HEADER) === this.secret;
  }

  /**
   * The page for `key`: from the cache while the content generation is unchanged, else rendered
   * now. A notice's page kept under an older generation is answered still if that notice's own
   * generation has not moved (a commit logging other notices changes nothing on it): one small
   * query instead of a render. Null when the rendered answer may not be shared (an error, a
   * redirect, a 404): the caller lets the request through to Next as if there were no cache.
   * `refuse` may return an answer instead of a render. It is asked at most once, and never for a
   * page kept under this key and still current: before the database read when nothing is kept
   * under the key, else before starting a render.
   */
  async page<R = never>(
    key: string,
    request: RequestParts,
    refuse?: () => R | null,
  ): Promise<{ page: RenderedPage; hit: boolean } | ([R] extends [never] ? never : { refused: R }) | null> {
    const kept = this.pages.get(key);
    // Nothing kept under this key: whatever the generation, the visitor needs a render, so the
    // caller decides now, before a database read (a refused client may ask many times a second).
    const decided = !kept && refuse !== undefined;
    if (decided) {
      const refused = refuse();
      if (refused != null) return { refused } as [R] extends [never] ? never : { refused: R };
    }
    let generation: string;
    try {
      generation = await this.generation();
    } catch (error) {
      // The database cannot say whether the page changed (saturated or away): a kept page is
      // still the best answer there is, better than none (docs/decisions.md, time-outs).
      if (kept) return { page: kept.page, hit: true };
      throw error;
    }
    if (kept?.generation === generation) return { page: kept.page, hit: true };
    if (kept?.scope && this.options.readNoticeGeneration) {
      if ((await this.options.readNoticeGeneration(kept.scope.notice)) === kept.scope.generation) {
        kept.generation = generation;
        return { page: kept.page, hit: true };
      }
    }
    const flight = `${generation}\n${key}`;
    let rendered = false;
    let pending = this.rendering.get(flight);
    if (!pending) {
      // A new render costs the database; joining one under way costs nothing. Unless it decided
      // above, the caller may refuse it here (proxy.ts: over the search limit, a saturated database).
      const refused = decided ? null : refuse?.();
      if (refused != null) return { refused } as [R] extends [never] ? never : { refused: R };
      rendered = true;
      pending = this.renderAndKeep(key, generation, request).finally(() => this.rendering.delete(flight));
      this.rendering.set(flight, pending);
    }
    const { page } = await pending;
    return keepPage(page) ? { page, hit: !rendered } : null;
  }

  private async renderAndKeep(key: string, generation: string, request: RequestParts): Promise<KeptPage> {
    // The notice's generation is read before the render starts: a change landing during the
    // render then makes the next visitor's check fail and render again, never the reverse.
    const notice = this.options.readNoticeGeneration ? noticeScope(request.nextUrl.pathname) : null;
    const scope = notice === null ? null : { notice, generation: await this.options.readNoticeGeneration!(notice) };
    const kept: KeptPage = { page: await this.render(request), generation, scope };
    if (keepPage(kept.page)) this.pages.set(key, kept);
    return kept;
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
