/**
 * The web server's pool under a saturated database, on real PostgreSQL: a statement that waits
 * too long is cancelled and a request that cannot get a connection stops waiting, and both are
 * answered 503 with Retry-After ({error:{code:"unavailable"}}), not hung; pages that would need a
 * render get the localized 503 page; a page the public page cache holds still comes back.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { databaseRecentlyUnavailable, noteDatabaseUnavailable } from "@/lib/server/db/database-unavailable";
import { PageCache } from "@/lib/server/page-cache/page-cache";
import { generationReaders } from "@/lib/server/page-cache/public-page-cache";
import type { RequestParts } from "@/lib/server/page-cache/page-cache-policy";
import * as searchRoute from "@/app/api/v1/notices/route";
import * as agenciesRoute from "@/app/api/v1/agencies/route";
import { renderRefusal } from "@/lib/server/page-cache/render-refusal";
import { COMMIT_LOCK_KEY, commitPending } from "@/lib/server/log-service/commit-pending";
import { generateKey, parseSignerKey } from "@/lib/core/log";
import { createTestDatabase, type TestDatabase } from "./harness";

let database: TestDatabase;
let prisma: PrismaClient;
/** A second connection of the test's own, the "other client" that holds locks. */
let locker: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  // The limits of lib/server/db/client.ts's db(), scaled down so that the test waits half a second, not 10 s.
  prisma = createPrisma(database.url, { statementTimeoutMs: 600, acquireTimeoutMs: 300, max: 2 });
  // The route handlers read the process-wide client (lib/server/db/client.ts).
  (globalThis as unknown as { gongshiPrisma?: PrismaClient }).gongshiPrisma = prisma;
  // The slow work that holds the tables (a long report, a migration, an operator's session)
  // runs with more rights than the application role, which may not LOCK them.
  locker = new pg.Client({ connectionString: database.superuserUrl });
  await locker.connect();
});
afterAll(async () => {
  await locker.end();
  await prisma.$disconnect();
  delete (globalThis as unknown as { gongshiPrisma?: PrismaClient }).gongshiPrisma;
  await database.drop();
});

/** Runs `body` while another connection holds an exclusive lock on `tables`. */
async function whileLocked<T>(tables: string, body: () => Promise<T>): Promise<T> {
  await locker.query("BEGIN");
  await locker.query(`LOCK TABLE ${tables} IN ACCESS EXCLUSIVE MODE`);
  try {
    return await body();
  } finally {
    await locker.query("ROLLBACK");
  }
}

async function expectUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("unavailable");
  expect(body.error.message).not.toMatch(/57014|statement|timeout exceeded/);
}

describe("a saturated database", () => {
  it("cancels a statement stuck behind a lock and answers the API 503 with Retry-After", async () => {
    const response = await whileLocked("notice_search, agency", () => searchRoute.GET(new Request("http://portal.test/api/v1/notices?q=budget")));
    await expectUnavailable(response);
    // The lock gone, the same request is answered again.
    expect((await searchRoute.GET(new Request("http://portal.test/api/v1/notices?q=budget"))).status).toBe(200);
  });

  it("stops a request waiting for a connection when every pooled connection is busy: 503, and the proxy then refuses renders", async () => {
    const answers = await whileLocked("agency", () =>
      // Two requests take both connections and wait on the lock; the third waits for a connection.
      Promise.all([0, 1, 2].map(() => agenciesRoute.GET(new Request("http://portal.test/api/v1/agencies")))),
    );
    for (const answer of answers) await expectUnavailable(answer);
    expect(databaseRecentlyUnavailable()).toBe(true);

    // A page that needs a render gets the localized 503 page, at once (what proxy.ts answers).
    const page = renderRefusal(new NextRequest("http://portal.test/zh-CN/notices?q=%E5%9C%9F%E5%9C%B0"))!;
    expect(page.status).toBe(503);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(page.headers.get("content-language")).toBe("zh-CN");
    expect(await page.text()).toContain("门户网站繁忙");
    const english = renderRefusal(new NextRequest("http://portal.test/en/agencies"))!;
    expect(english.status).toBe(503);
    expect(await english.text()).toContain("The portal is busy");
  });

  it("still answers a page the public page cache holds, from the cache", async () => {
    let renders = 0;
    const server = http.createServer((_req, res) => {
      renders++;
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<p>the notice</p>");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const readers = generationReaders(database.url);
    const cache = new PageCache({
      origin: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      readGeneration: readers.content,
      maxBytes: 1 << 20,
      maxAgeMs: 60_000,
    });
    const visit: RequestParts = {
      method: "GET",
      headers: new Headers({ host: "portal.test" }),
      nextUrl: { pathname: "/en/n/A", search: "", searchParams: new URLSearchParams() },
      cookies: { get: () => undefined },
    };
    try {
      expect((await cache.page("k", visit))?.hit).toBe(false);
      // Every connection of the app's pool busy, and the tables the generation is read from locked.
      const held = [0, 1].map(() => prisma.$queryRawUnsafe("SELECT count(*) FROM notice_version").catch(() => null));
      const found = await whileLocked("notice_version, log_entry, checkpoint, cosignature, redaction, audit_event", async () => {
        noteDatabaseUnavailable();
        return cache.page("k", visit, () => "refused");
      });
      await Promise.all(held);
      expect(found && "page" in found && found.hit).toBe(true);
      expect(found && "page" in found && new TextDecoder().decode(found.page.body)).toBe("<p>the notice</p>");
      expect(renders).toBe(1);
    } finally {
      await readers.end();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it("lets the log committer wait past the web server's statement time-out for another committer's lock", async () => {
    const signer = parseSignerKey(generateKey("time-outs.test/log").signerKey);
    const config = { origin: "time-outs.test/log", signer, verifierKey: signer.verifierKey };
    await locker.query("BEGIN");
    await locker.query("SELECT pg_advisory_xact_lock($1)", [COMMIT_LOCK_KEY]);
    const committing = commitPending(prisma, config);
    // Another instance's commit holds the lock longer than the pool's statement time-out (600 ms).
    await new Promise((r) => setTimeout(r, 1_500));
    await locker.query("COMMIT");
    await expect(committing).resolves.toEqual({ committed: 0, size: 0 });
  });
});
