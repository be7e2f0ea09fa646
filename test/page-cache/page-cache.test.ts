/**
 * PageCache against a real HTTP server standing in for `next start`: what it sends to render
 * a page, when it renders again, and what it never shares.
 */
import http from "node:http";
import { gunzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bodyFor, PageCache, RENDER_HEADER } from "@/lib/server/page-cache/page-cache";
import type { RequestParts } from "@/lib/server/page-cache/page-cache-policy";

let server: http.Server;
let origin = "";
let renders: http.IncomingHttpHeaders[] = [];
/** What the stand-in server answers for a path. */
let answer: (path: string, headers: http.IncomingHttpHeaders) => { status: number; headers?: Record<string, string>; body: string };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    renders.push(req.headers);
    const a = answer(req.url ?? "", req.headers);
    res.writeHead(a.status, { "content-type": "text/html; charset=utf-8", ...a.headers });
    res.end(a.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  renders = [];
  answer = (path, headers) => ({ status: 200, body: `<p>${path} ${headers.cookie ?? "no cookie"} #${renders.length}</p>` });
});

function visit(url: string, cookies: Record<string, string> = {}, headers: Record<string, string> = {}): RequestParts {
  const u = new URL(url, "http://portal.example");
  return {
    method: "GET",
    headers: new Headers({ host: "portal.example", ...headers }),
    nextUrl: { pathname: u.pathname, search: u.search, searchParams: u.searchParams },
    cookies: { get: (name) => (cookies[name] === undefined ? undefined : { value: cookies[name] }) },
  };
}

function cache(generation: { value: string }) {
  return new PageCache({ origin: () => origin, readGeneration: async () => generation.value, maxBytes: 1024 * 1024, maxAgeMs: 60_000 });
}
const text = (page: { body: Uint8Array }) => new TextDecoder().decode(page.body);

describe("PageCache", () => {
  it("renders a page once, from this server, marked with its secret, and answers it again while the generation holds", async () => {
    const generation = { value: "1" };
    const c = cache(generation);
    const first = await c.page("k", visit("/zh-CN/n/A?x=1"));
    expect(first?.hit).toBe(false);
    expect(text(first!.page)).toBe("<p>/zh-CN/n/A?x=1 no cookie #1</p>");
    expect(renders[0]![RENDER_HEADER]).toBe(c.secret);
    expect(c.isRender({ headers: new Headers({ [RENDER_HEADER]: c.secret }) })).toBe(true);
    expect(c.isRender({ headers: new Headers({ [RENDER_HEADER]: "guess" }) })).toBe(false);
    const second = await c.page("k", visit("/zh-CN/n/A?x=1"));
    expect(second?.hit).toBe(true);
    expect(text(second!.page)).toBe(text(first!.page));
    expect(renders).toHaveLength(1);

    generation.value = "2"; // something public changed: the next visitor gets a fresh render
    const third = await c.page("k", visit("/zh-CN/n/A?x=1"));
    expect(third?.hit).toBe(false);
    expect(text(third!.page)).toContain("#2");
  });

  it("shares one render among concurrent visitors of a cold page", async () => {
    const c = cache({ value: "1" });
    const pages = await Promise.all(Array.from({ length: 20 }, () => c.page("k", visit("/en/notices"))));
    expect(renders).toHaveLength(1);
    expect(new Set(pages.map((p) => text(p!.page))).size).toBe(1);
  });

  it("passes on the host headers and the reading mode, and no visitor cookie", async () => {
    const c = cache({ value: "1" });
    await c.page(
      "k",
      visit("/zh-CN", { "reading-mode": "on", "better-auth.session_token": "secret-session" }, { "x-forwarded-host": "gov.example", "x-forwarded-proto": "https" }),
    );
    expect(renders[0]!.cookie).toBe("reading-mode=on");
    expect(renders[0]!.host).toBe("portal.example");
    expect(renders[0]!["x-forwarded-host"]).toBe("gov.example");
    expect(renders[0]!["x-forwarded-proto"]).toBe("https");
    await c.page("k2", visit("/zh-CN", { "reading-mode": "off", "better-auth.session_token": "secret-session" }));
    expect(renders[1]!.cookie).toBeUndefined();
  });

  it("never shares a 404, an error, a redirect or a page that sets a cookie: those are rendered by Next every time", async () => {
    const c = cache({ value: "1" });
    const answers: [number, Record<string, string>][] = [
      [404, {}],
      [500, {}],
      [307, { location: "/en" }],
      [200, { "set-cookie": "a=b" }],
    ];
    for (const [status, headers] of answers) {
      answer = () => ({ status, headers, body: "x" });
      renders = [];
      expect(await c.page(`k${status}`, visit("/en/n/NONE"))).toBeNull();
      expect(await c.page(`k${status}`, visit("/en/n/NONE"))).toBeNull();
      expect(renders).toHaveLength(2);
    }
  });

  it("gives up on a render that does not answer, so the visitors can be answered without the cache", async () => {
    const silent = http.createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const c = new PageCache({
        origin: () => `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        readGeneration: async () => "1",
        maxBytes: 1024,
        maxAgeMs: 60_000,
        renderTimeoutMs: 200,
      });
      await expect(c.page("k", visit("/en"))).rejects.toThrow("timed out");
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it("keeps the headers a page is answered with, and not per-response ones", async () => {
    answer = () => ({ status: 200, headers: { link: "<http://portal.example/en>; rel=alternate", "x-request-id": "r1", "cache-control": "private, no-store" }, body: "p" });
    const found = await cache({ value: "1" }).page("k", visit("/zh-CN"));
    expect(found!.page.headers).toEqual({ "content-type": "text/html; charset=utf-8", link: "<http://portal.example/en>; rel=alternate", "cache-control": "private, no-store" });
  });

  it("keeps each shared page gzipped only when asked to, and answers it gzipped or plain as the client takes it", async () => {
    const html = "<p>公示 notice</p>".repeat(200);
    answer = () => ({ status: 200, body: html });
    const plain = (await cache({ value: "1" }).page("k", visit("/en")))!.page;
    expect(plain.encoding).toBeUndefined();
    expect(bodyFor(plain, true)).toEqual({ body: plain.body, gzipped: false });
    const c = new PageCache({ origin: () => origin, readGeneration: async () => "1", maxBytes: 1024 * 1024, maxAgeMs: 60_000, precompress: true });
    const page = (await c.page("k", visit("/en")))!.page;
    expect(page.encoding).toBe("gzip");
    expect(page.body.byteLength).toBeLessThan(Buffer.byteLength(html) / 10);
    expect(gunzipSync(page.body).toString("utf8")).toBe(html);
    const forGzip = bodyFor(page, true);
    expect(forGzip.gzipped).toBe(true);
    expect(gunzipSync(forGzip.body).toString("utf8")).toBe(html);
    const forOthers = bodyFor(page, false);
    expect(forOthers.gzipped).toBe(false);
    expect(Buffer.from(forOthers.body).toString("utf8")).toBe(html);
    // What is not shared is not compressed either.
    answer = () => ({ status: 404, body: "missing" });
    expect(await c.page("k404", visit("/en/n/NONE"))).toBeNull();
  });

  it("keeps a notice's pages across changes elsewhere while that notice's own generation holds", async () => {
    const generation = { value: "1" };
    const notices: Record<string, string> = { A: "a1", B: "b1" };
    const noticeReads: string[] = [];
    const c = new PageCache({
      origin: () => origin,
      readGeneration: async () => generation.value,
      readNoticeGeneration: async (id) => {
        noticeReads.push(id);
        return notices[id] ?? "";
      },
      maxBytes: 1024 * 1024,
      maxAgeMs: 60_000,
    });
    const get = (url: string) => c.page(url, visit(url));
    for (const url of ["/en/n/A", "/zh-CN/n/A/v/1", "/en/n/A/diff", "/en/n/B", "/en/notices"]) expect((await get(url))?.hit, url).toBe(false);
    expect(noticeReads).toEqual(["A", "A", "A", "B"]); // read before each render; the list page has no notice

    generation.value = "2"; // B is amended: the global generation moves, and B's own
    notices.B = "b2";
    renders = [];
    expect((await get("/en/n/A"))?.hit).toBe(true);
    expect((await get("/zh-CN/n/A/v/1"))?.hit).toBe(true);
    expect((await get("/en/n/A/diff"))?.hit).toBe(true);
    expect(renders).toHaveLength(0);
    expect((await get("/en/n/B"))?.hit).toBe(false);
    expect((await get("/en/notices"))?.hit).toBe(false); // not one notice's page: rendered again
    expect(renders).toHaveLength(2);

    noticeReads.length = 0;
    expect((await get("/en/n/A"))?.hit).toBe(true); // checked once under the new generation, then a plain hit
    expect(noticeReads).toEqual([]);

    generation.value = "3"; // A is redacted
    notices.A = "a2";
    renders = [];
    const redacted = await get("/en/n/A");
    expect(redacted?.hit).toBe(false);
    expect(renders).toHaveLength(1);
  });
});
