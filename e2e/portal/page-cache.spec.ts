/**
 * The public page cache (lib/server/page-cache) in the real server: a second visitor gets the same page
 * from memory, with the same security headers; a change committed to the log shows on the next
 * request, not after some delay; reading mode and staff pages are never mixed up with it.
 */
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { amendFreshNotice, publishFreshNotice, versionsWhen } from "../admin/revise-support";

const CACHE = "x-gongshi-page-cache";

/**
 * Two requests in a row, the second answered from the cache. Other specs publish while this
 * one runs, and a change logged between the two requests rightly makes the second a fresh
 * render: then the pair is asked again.
 */
async function cachedPair(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const first = await request.get(path, { headers });
    const second = await request.get(path, { headers });
    expect(first.status(), path).toBe(200);
    expect(second.status(), path).toBe(200);
    if (second.headers()[CACHE] === "hit") return { first, second };
  }
  throw new Error(`${path} was never answered from the page cache`);
}

test("a public page is rendered once and answered from the cache, byte for byte, with the same headers", async ({ request }) => {
  // The same bytes as the render it keeps (asked again if a change was logged in between).
  let pair = await cachedPair(request, "/en/n/HP-PLAN-2026-003");
  for (let attempt = 0; attempt < 5 && (await pair.first.text()) !== (await pair.second.text()); attempt++) {
    pair = await cachedPair(request, "/en/n/HP-PLAN-2026-003");
  }
  const { first, second } = pair;
  expect(await second.text()).toBe(await first.text());
  for (const header of ["content-security-policy", "x-frame-options", "x-content-type-options", "content-type"]) {
    expect(second.headers()[header], header).toBe(first.headers()[header]);
  }
  expect(await second.text()).toContain('<html lang="en"');
});

test("a new notice and an amendment show on the very next request after the committer logs them", async ({ request }) => {
  test.setTimeout(120_000);
  // Warm the list, so that a stale copy would be there to serve.
  const list = "/zh-CN/notices?sort=newest";
  await cachedPair(request, list);

  const fresh = publishFreshNotice("cache");
  await versionsWhen(request, fresh.noticeId, (v) => v[0]?.log !== null && v[0]?.log !== undefined);
  expect(await (await request.get(list)).text()).toContain(fresh.title);

  const page = `/zh-CN/n/${fresh.noticeId}`;
  await cachedPair(request, page);
  const amendedTitle = `${fresh.title} (amended)`;
  amendFreshNotice(fresh.noticeId, 1, amendedTitle);
  await versionsWhen(request, fresh.noticeId, (v) => v.length === 2 && v[1]!.log !== null);
  const amended = await request.get(page);
  expect(await amended.text()).toContain(amendedTitle);
});

test("a notice page stays in the cache when other notices are published and logged", async ({ request }) => {
  test.setTimeout(180_000);
  // Other specs may change this very notice's agency meanwhile, which rightly renders it again:
  // then the whole step is tried again. Were every commit to empty the cache, no try would hit.
  const page = "/en/n/HP-PLAN-2026-003";
  for (let attempt = 0; attempt < 4; attempt++) {
    await cachedPair(request, page);
    const fresh = publishFreshNotice("cache-scope");
    await versionsWhen(request, fresh.noticeId, (v) => v[0]?.log !== null && v[0]?.log !== undefined);
    const after = await request.get(page);
    expect(after.status()).toBe(200);
    if (after.headers()[CACHE] === "hit") return;
  }
  throw new Error(`${page} was rendered again after every commit of another notice`);
});

test("reading mode is its own page; other cookies share the public one", async ({ request }) => {
  const path = "/zh-CN/about";
  const on = await cachedPair(request, path, { cookie: "reading-mode=on" });
  const off = await cachedPair(request, path, { cookie: "reading-mode=off; better-auth.session_token=not-a-session" });
  const htmlTag = async (r: { text(): Promise<string> }) => (await r.text()).match(/<html[^>]*>/)?.[0];
  expect(await htmlTag(on.second)).toContain('data-reading-mode="on"');
  expect(await htmlTag(off.second)).not.toContain("data-reading-mode");
});

test("staff pages, unknown notices and client-router requests are never answered from the cache", async ({ request }) => {
  const signIn = await request.get("/zh-CN/admin/sign-in");
  expect(signIn.headers()[CACHE]).toBeUndefined();
  expect(signIn.headers()["cache-control"]).toBe("no-store");
  for (let i = 0; i < 2; i++) {
    const missing = await request.get("/en/n/HP-NONE-2026-000");
    expect(missing.status()).toBe(404);
    expect(missing.headers()[CACHE]).toBeUndefined();
  }
  await cachedPair(request, "/en/n/HP-PLAN-2026-003");
  const routerRequests: Record<string, string>[] = [{ rsc: "1" }, { rsc: "1", "next-router-prefetch": "1" }];
  for (const headers of routerRequests) {
    const rsc = await request.get("/en/n/HP-PLAN-2026-003", { headers });
    expect(rsc.headers()[CACHE]).toBeUndefined();
    expect(rsc.headers()["content-type"]).toContain("text/x-component");
  }
});

/** The raw bytes and headers of a GET, without a client's transparent decoding. */
function rawGet(baseURL: string, path: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, baseURL), { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

test("pages are gzipped exactly once for clients that take gzip, and sent plain to those that do not", async ({ baseURL }) => {
  const path = "/zh-CN/notices?sort=oldest";
  const states = new Set<string>();
  for (let i = 0; i < 10 && !states.has("hit"); i++) {
    const gz = await rawGet(baseURL!, path, { "accept-encoding": "gzip, deflate, br" });
    states.add(String(gz.headers[CACHE]));
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["x-gongshi-content-encoding"]).toBeUndefined();
    expect(gz.headers.vary).toContain("Accept-Encoding");
    expect(gunzipSync(gz.body).toString("utf8")).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/);
  }
  expect(states).toContain("hit");
  const plain = await rawGet(baseURL!, path, { "accept-encoding": "identity" });
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.body.toString("utf8")).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/);
  // Everything else is compressed by the server too (a JSON API answer here).
  const api = await rawGet(baseURL!, "/api/v1/notices?pageSize=50", { "accept-encoding": "gzip" });
  expect(api.headers["content-encoding"]).toBe("gzip");
  expect(JSON.parse(gunzipSync(api.body).toString("utf8"))).toHaveProperty("hits");
});
