/**
 * Per-client rate limits on the expensive public requests, over real HTTP: the route handlers
 * behind server.mjs's request preparer (lib/server/http/client-address.mjs) on a random port, on a real
 * database. A client over its limit gets 429 with Retry-After ({error:{code:"rate-limited"}}),
 * keyed on its real address (a forged X-Forwarded-For changes nothing), while another address
 * is still served; uncached pages with a query string get the localized 429 page; a page the
 * cache holds is never counted.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { clientAddressPreparer } from "@/lib/server/http/client-address.mjs";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/auth/request-origin";
import { generateKey } from "@/lib/core/log";
import { PageCache } from "@/lib/server/page-cache/page-cache";
import { renderRefusal, sendRefusal } from "@/lib/server/page-cache/render-refusal";
import { TokenBuckets } from "@/lib/server/rate-limit/token-buckets";
import { REFUSAL_HOLD_MS } from "@/lib/server/rate-limit/rate-limits";
import * as search from "@/app/api/v1/notices/route";
import * as csv from "@/app/api/v1/notices.csv/route";
import * as atom from "@/app/feeds/notices.atom/route";
import * as tlogProof from "@/app/api/v1/notices/[id]/versions/[version]/tlog-proof/route";
import { createTestDatabase, type TestDatabase } from "../db/harness";

const BURST = 3;
let database: TestDatabase;
let prisma: PrismaClient;
let server: http.Server;
let base = "";

beforeAll(async () => {
  database = await createTestDatabase();
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    LOG_SIGNER_KEY: generateKey("limits.test/log").signerKey,
    RATE_LIMIT_SEARCH_PER_MINUTE: "6",
    RATE_LIMIT_DOWNLOAD_PER_MINUTE: "6",
    RATE_LIMIT_BURST: String(BURST),
  });
  prisma = createPrisma(database.url);
  (globalThis as unknown as { gongshiPrisma?: PrismaClient }).gongshiPrisma = prisma;
  const prepare = clientAddressPreparer(undefined);
  server = http.createServer(async (req, res) => {
    prepare(req);
    const url = new URL(req.url ?? "/", "http://portal.test");
    const request = new Request(url, { headers: new Headers(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === "string")) });
    let response: Response;
    if (url.pathname === "/api/v1/notices") response = await search.GET(request);
    else if (url.pathname === "/api/v1/notices.csv") response = await csv.GET(request);
    else if (url.pathname === "/feeds/notices.atom") response = await atom.GET(request);
    else if (url.pathname === "/api/v1/notices/N/versions/1/tlog-proof") response = await tlogProof.GET(request, { params: Promise.resolve({ id: "N", version: "1" }) });
    else response = new Response("not found", { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await prisma.$disconnect();
  delete (globalThis as unknown as { gongshiPrisma?: PrismaClient }).gongshiPrisma;
  await database.drop();
});
// Fresh buckets for each test (they live on globalThis, as in the server).
beforeEach(() => {
  delete (globalThis as unknown as { gongshiRateLimits?: unknown }).gongshiRateLimits;
});

interface Answer {
  status: number;
  retryAfter: string | null;
  body: string;
}

/** A GET from a given local address (127.0.0.1 or 127.0.0.2: two clients on one machine). */
function get(path: string, from = "127.0.0.1", headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { localAddress: from, headers }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: (res.headers["retry-after"] as string | undefined) ?? null, body }));
      })
      .on("error", reject);
  });
}

async function statuses(path: string, count: number, from?: string, headers?: Record<string, string>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await get(path, from, headers)).status);
  return out;
}

describe("rate limits", () => {
  it("answer a client over the search limit 429 with Retry-After, whatever X-Forwarded-For it sends, and still serve another address", async () => {
    const served = await Promise.all(Array.from({ length: BURST }, (_, i) => get(`/api/v1/notices?q=word${i}`, "127.0.0.1", { "x-forwarded-for": `198.51.100.${i}` })));
    expect(served.map((a) => a.status)).toEqual([200, 200, 200]);
    const asked = performance.now();
    const refused = await get("/api/v1/notices?q=another", "127.0.0.1", { "x-forwarded-for": "203.0.113.77", [CLIENT_ADDRESS_HEADER]: "203.0.113.78" });
    expect(refused.status).toBe(429);
    // Held before it is sent, so that a client asking again at once is slowed (a lower bound only).
    expect(performance.now() - asked).toBeGreaterThanOrEqual(REFUSAL_HOLD_MS - 5);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.body)).toEqual({ error: { code: "rate-limited", message: expect.stringContaining("try again") } });
    // The CSV export and feeds of a search count against the same limit.
    expect((await get("/api/v1/notices.csv?q=x")).status).toBe(429);
    expect((await get("/feeds/notices.atom?q=x")).status).toBe(429);
    // The plain feed is the same for everyone and not limited.
    expect(await statuses("/feeds/notices.atom", BURST + 2)).toEqual(Array(BURST + 2).fill(200));
    // Another client is unaffected.
    expect((await get("/api/v1/notices?q=word", "127.0.0.2")).status).toBe(200);
  });

  it("limit proof downloads separately from searches", async () => {
    expect(await statuses("/api/v1/notices/N/versions/1/tlog-proof", BURST + 1)).toEqual([...Array(BURST).fill(404), 429]);
    expect((await get("/api/v1/notices?q=still")).status).toBe(200);
  });

  it("refuse an uncached page with a query string with the localized 429 page, held, never a page without one", async () => {
    const from = (url: string, headers: Record<string, string> = {}) => new NextRequest(url, { headers: { [CLIENT_ADDRESS_HEADER]: "192.0.2.9", ...headers } });
    for (let i = 0; i < BURST; i++) expect(renderRefusal(from(`http://portal.test/zh-CN/notices?q=${i}`))).toBeNull();
    const refused = renderRefusal(from("http://portal.test/zh-CN/notices?q=more"))!;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("content-language")).toBe("zh-CN");
    expect(renderRefusal(from("http://portal.test/en/n/A?x=1"))!.status).toBe(429);
    // proxy.ts holds a 429 page as the API holds its 429, and sends a 503 at once.
    const asked = performance.now();
    expect(await sendRefusal(refused)).toBe(refused);
    expect(performance.now() - asked).toBeGreaterThanOrEqual(REFUSAL_HOLD_MS - 5);
    // A page without a query, a client-side navigation's `_rsc`, a prefetch: not counted.
    expect(renderRefusal(from("http://portal.test/en/n/A"))).toBeNull();
    expect(renderRefusal(from("http://portal.test/en/agencies?_rsc=abc"))).toBeNull();
    expect(renderRefusal(from("http://portal.test/en/notices?q=x", { "next-router-prefetch": "1" }))).toBeNull();
    // Another visitor still searches.
    expect(renderRefusal(new NextRequest("http://portal.test/en/notices?q=x", { headers: { [CLIENT_ADDRESS_HEADER]: "192.0.2.10" } }))).toBeNull();
  });

  it("never count a page the cache holds", async () => {
    const origin = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<p>results</p>");
    });
    await new Promise<void>((r) => origin.listen(0, "127.0.0.1", r));
    try {
      const cache = new PageCache({
        origin: () => `http://127.0.0.1:${(origin.address() as AddressInfo).port}`,
        readGeneration: async () => "1",
        maxBytes: 1 << 20,
        maxAgeMs: 60_000,
      });
      const visit = new NextRequest("http://portal.test/en/notices?q=budget", { headers: { [CLIENT_ADDRESS_HEADER]: "192.0.2.20" } });
      const answers = [];
      for (let i = 0; i < BURST * 3; i++) answers.push(await cache.page("k", visit, () => renderRefusal(visit)));
      expect(answers.map((a) => a && "page" in a && a.hit)).toEqual([false, ...Array(BURST * 3 - 1).fill(true)]);
      // The one render counted: BURST - 1 searches are left for this visitor.
      for (let i = 1; i < BURST; i++)
        expect(renderRefusal(new NextRequest(`http://portal.test/en/notices?q=n${i}`, { headers: { [CLIENT_ADDRESS_HEADER]: "192.0.2.20" } }))).toBeNull();
      expect(renderRefusal(new NextRequest("http://portal.test/en/notices?q=over", { headers: { [CLIENT_ADDRESS_HEADER]: "192.0.2.20" } }))?.status).toBe(429);
    } finally {
      await new Promise<void>((r) => origin.close(() => r()));
    }
  });
});

describe("TokenBuckets", () => {
  it("allows a burst, then one request per interval, per key", () => {
    const buckets = new TokenBuckets({ perMinute: 60, burst: 2 });
    expect([buckets.take("a", 0), buckets.take("a", 0), buckets.take("a", 0)]).toEqual([0, 0, 1]);
    expect(buckets.take("b", 0)).toBe(0);
    expect(buckets.take("a", 999)).toBe(1);
    expect(buckets.take("a", 1_000)).toBe(0);
    expect(buckets.take("a", 1_000)).toBe(1);
    // Refilled to the burst, never beyond.
    expect([buckets.take("a", 60_000), buckets.take("a", 60_000), buckets.take("a", 60_000)]).toEqual([0, 0, 1]);
  });

  it("forgets the least recently used keys beyond its bound", () => {
    const buckets = new TokenBuckets({ perMinute: 1, burst: 1, maxKeys: 2 });
    expect([buckets.take("a", 0), buckets.take("b", 0), buckets.take("c", 0)]).toEqual([0, 0, 0]);
    expect(buckets.take("c", 0)).toBeGreaterThan(0);
    expect(buckets.take("a", 0)).toBe(0); // forgotten, so full again
  });
});
