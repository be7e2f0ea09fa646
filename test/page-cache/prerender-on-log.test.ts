/**
 * Pre-rendering newly logged notices into the page cache, against a real database and a real
 * HTTP server standing in for `next start`: the pages of what a commit logged are rendered for
 * the host visitors use before anyone asks, a visitor then gets a kept page; a round takes only
 * the newest notices, and nothing is rendered while a visitor's render is under way.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readContentGeneration, readNoticeGeneration } from "@/lib/server/cache/content-generation";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { PageCache } from "@/lib/server/page-cache/page-cache";
import { pageCacheKey, type RequestParts } from "@/lib/server/page-cache/page-cache-policy";
import { noticesLoggedSince, startPrerenderLoop, type PrerenderLoop } from "@/lib/server/page-cache/prerender-on-log";
import { PrerenderQueue } from "@/lib/server/page-cache/prerender-queue";
import { recordRedaction } from "@/lib/server/notices/record-redaction";
import { publishSample, setUp, testLogConfig } from "../log-service/fixtures";

const config = testLogConfig();
let ctx: Awaited<ReturnType<typeof setUp>>;
let server: http.Server;
let origin = "";
let requested: { path: string; host: string | undefined }[] = [];
/** A render that waits for this before answering (a slow visitor's page). */
let hold: Promise<void> | null = null;

function visit(pathname: string): RequestParts {
  return {
    method: "GET",
    headers: new Headers({ host: "notices.example.gov" }),
    nextUrl: { pathname, search: "", searchParams: new URLSearchParams() },
    cookies: { get: () => undefined },
  };
}

beforeAll(async () => {
  ctx = await setUp();
  server = http.createServer(async (req, res) => {
    requested.push({ path: req.url ?? "", host: req.headers.host });
    if (req.url === "/zh-CN/slow" && hold) await hold;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<p>${req.url}</p>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await ctx.tearDown();
});

function newCache(): PageCache {
  return new PageCache({
    origin: () => origin,
    readGeneration: () => readContentGeneration(ctx.prisma),
    readNoticeGeneration: (id) => readNoticeGeneration(ctx.prisma, id),
    maxBytes: 1024 * 1024,
    maxAgeMs: 60_000,
  });
}

describe("PrerenderQueue", () => {
  it("queues each notice's page in both languages, newest first, once, and drops the oldest beyond its bound", () => {
    const queue = new PrerenderQueue(5);
    expect(queue.add(["A"])).toBe(0);
    expect(queue.add(["B", "A"])).toBe(0);
    expect(queue.size).toBe(4);
    expect(queue.add(["C"])).toBe(1);
    expect([queue.next(), queue.next(), queue.next(), queue.next(), queue.next(), queue.next()]).toEqual([
      "/zh-CN/n/C",
      "/en/n/C",
      "/zh-CN/n/B",
      "/en/n/B",
      "/zh-CN/n/A",
      undefined,
    ]);
  });
});

describe("pre-rendering after a commit", () => {
  let loop: PrerenderLoop | null = null;
  afterAll(() => loop?.stop());

  it("names the notices of new log entries, versions and redactions, newest first, at most the limit", async () => {
    await publishSample(ctx.prisma, "P1");
    await publishSample(ctx.prisma, "P2");
    await commitPending(ctx.prisma, config);
    await recordRedaction(ctx.prisma, { noticeId: "P1", version: 1, withhold: ["number"], basis: "测试" });
    await commitPending(ctx.prisma, config);
    expect(await noticesLoggedSince(ctx.prisma, 0n)).toEqual({ size: 3n, noticeIds: ["P1", "P2"] });
    expect(await noticesLoggedSince(ctx.prisma, 1n, 1)).toEqual({ size: 3n, noticeIds: ["P1"] });
    expect(await noticesLoggedSince(ctx.prisma, 3n)).toEqual({ size: 3n, noticeIds: [] });
  });

  it("renders a newly logged notice's pages for the visitors' host before anyone asks, and a visitor then gets them kept", async () => {
    const cache = newCache();
    // A visitor reads some page: the host pre-renders are made for.
    const home = visit("/zh-CN");
    cache.noteVisitor(home);
    await cache.page(pageCacheKey(home)!, home);
    loop = startPrerenderLoop(ctx.prisma, cache, 50);
    await new Promise((r) => setTimeout(r, 200));
    requested = [];
    await publishSample(ctx.prisma, "P3");
    await commitPending(ctx.prisma, config);
    await expect.poll(() => requested.map((r) => r.path).sort(), { timeout: 10_000 }).toEqual(["/en/n/P3", "/zh-CN/n/P3"]);
    expect(requested.every((r) => r.host === "notices.example.gov")).toBe(true);
    const reader = visit("/en/n/P3");
    expect((await cache.page(pageCacheKey(reader)!, reader))?.hit).toBe(true);
    expect(requested).toHaveLength(2);
    loop.stop();
  });

  it("waits while a visitor's render is under way, and takes only the newest notices of a large commit", async () => {
    const cache = newCache();
    const slow = visit("/zh-CN/slow");
    cache.noteVisitor(slow);
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    const visitor = cache.page(pageCacheKey(slow)!, slow);
    loop = startPrerenderLoop(ctx.prisma, cache, 50);
    await new Promise((r) => setTimeout(r, 200));
    requested = [];
    for (let i = 0; i < 120; i++) await publishSample(ctx.prisma, `Q${i}`);
    await commitPending(ctx.prisma, config);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(requested).toEqual([]);
    release();
    hold = null;
    await visitor;
    await expect.poll(() => requested.length, { timeout: 30_000 }).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const rendered = new Set(requested.map((r) => r.path));
    expect(rendered.size).toBe(200);
    // The 100 newest of the 120: Q20…Q119, in both languages; Q0…Q19 wait for their first reader.
    expect(rendered.has("/zh-CN/n/Q119") && rendered.has("/en/n/Q20")).toBe(true);
    expect(rendered.has("/zh-CN/n/Q19")).toBe(false);
    loop.stop();
  });
});
