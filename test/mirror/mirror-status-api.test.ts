/**
 * GET /api/v1/mirror and the mirror's gate on the write APIs, through the route handlers
 * themselves, against a real migrated database with mirror_state rows written directly (as the
 * sync engine writes them): before the first sync, following, refused with its evidence; and a
 * server that is no mirror.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateKey } from "@/lib/core/log";
import { openApiDocument } from "@/lib/server/api/openapi/document";
import { schemas } from "@/lib/server/api/openapi/schemas";
import { createTestDatabase, type TestDatabase } from "../db/harness";

const ORIGIN_URL = "https://notices.haiping.example";
const { verifierKey } = generateKey("notices.haiping.example/log");
let database: TestDatabase;

/** The route modules afresh, so that lib/server/env.ts and lib/server/mirror/mirror-config.ts read `vars` anew. */
async function routes(vars: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
  return {
    mirror: (await import("@/app/api/v1/mirror/route")).GET,
    notices: await import("@/app/api/v1/notices/route"),
    auth: await import("@/app/api/auth/[...all]/route"),
    identity: await import("@/lib/server/log-service/get-log-identity"),
  };
}

const asMirror = () => routes({ MIRROR_OF: `${ORIGIN_URL}/`, MIRROR_LOG_KEY: verifierKey, LOG_SIGNER_KEY: undefined, LOG_ORIGIN: undefined });

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  const { db } = await import("@/lib/server/db/client");
  await db().$disconnect();
  await database.drop();
});

describe("GET /api/v1/mirror", () => {
  it("before the first sync: the configured origin, nothing verified, behind, never cached", async () => {
    const { mirror } = await asMirror();
    const answer = await mirror();
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await answer.json()).toEqual({
      origin: ORIGIN_URL,
      logOrigin: null,
      size: 0,
      verifiedAt: null,
      state: "behind",
      evidence: null,
      originSize: null,
      lastError: null,
      lastAttemptAt: null,
      changedAt: null,
    });
  });

  it("following: the row as stored, sizes as numbers, with exactly the documented fields", async () => {
    await database.client.query(
      `INSERT INTO mirror_state (id, origin_url, log_origin, state, size, verified_at, origin_size, last_attempt_at, changed_at)
       VALUES (1, $1, 'notices.haiping.example/log', 'following', 1234, '2026-12-05T10:00:00.123Z', 1234, '2026-12-05T10:00:01Z', '2026-12-05T09:00:00Z')`,
      [ORIGIN_URL],
    );
    const { mirror } = await asMirror();
    const body = await (await mirror()).json();
    expect(body).toEqual({
      origin: ORIGIN_URL,
      logOrigin: "notices.haiping.example/log",
      size: 1234,
      verifiedAt: "2026-12-05T10:00:00.123Z",
      state: "following",
      evidence: null,
      originSize: 1234,
      lastError: null,
      lastAttemptAt: "2026-12-05T10:00:01.000Z",
      changedAt: "2026-12-05T09:00:00.000Z",
    });
    expect(Object.keys(body).sort()).toEqual([...schemas.MirrorStatus.required].sort());
  });

  it("refused: the evidence in full, as the sync engine stored it", async () => {
    const evidence = {
      kind: "fork",
      message: "the origin's checkpoint 1300 is not consistent with checkpoint 1234 this mirror verified",
      at: "2026-12-05T11:00:00.000Z",
      held: { size: 1234, note: "notices.haiping.example/log\n1234\nAAAA\n\n— notices.haiping.example/log abc=\n" },
      served: { size: 1300, note: "notices.haiping.example/log\n1300\nBBBB\n\n— notices.haiping.example/log def=\n" },
      proof: { from: 1234, to: 1300, hashes: ["x".repeat(43) + "="], verified: false },
      entry: { index: 1233, notice: "HP-FIN-2026-002", version: 2, field: "title", expected: "aa", got: "bb" },
    };
    await database.client.query(
      `UPDATE mirror_state SET state = 'refused', evidence = $1, origin_size = 1300, last_error = 'refused: fork', last_attempt_at = '2026-12-05T11:00:00Z' WHERE id = 1`,
      [JSON.stringify(evidence)],
    );
    const { mirror } = await asMirror();
    const body = await (await mirror()).json();
    expect(body.state).toBe("refused");
    expect(body.size).toBe(1234);
    expect(body.originSize).toBe(1300);
    expect(body.lastError).toBe("refused: fork");
    expect(body.evidence).toEqual(evidence);
  });

  it("on a server that is no mirror: 404 in the API's error form", async () => {
    const { mirror } = await routes({ MIRROR_OF: undefined, MIRROR_LOG_KEY: undefined });
    const answer = await mirror();
    expect(answer.status).toBe(404);
    expect((await answer.json()).error.code).toBe("not-found");
  });
});

describe("a mirror's write APIs", () => {
  it("publishing and better-auth answer 404 not-found before reading the request", async () => {
    const { notices, auth } = await asMirror();
    const publish = new Request("http://127.0.0.1/api/v1/notices", {
      method: "POST",
      headers: { authorization: "Bearer gst_whatever", "idempotency-key": "k1", "content-type": "application/json" },
      body: "{}",
    });
    for (const answer of [
      await notices.POST(publish),
      await auth.POST(new Request("http://127.0.0.1/api/auth/sign-in/email", { method: "POST", body: "{}" })),
      await auth.GET(new Request("http://127.0.0.1/api/auth/get-session")),
    ]) {
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ error: { code: "not-found" } });
    }
  });

  it("on an origin the same publishing request is not a 404 (the gate is mirror mode, not the route)", async () => {
    const { notices } = await routes({ MIRROR_OF: undefined, MIRROR_LOG_KEY: undefined });
    const answer = await notices.POST(new Request("http://127.0.0.1/api/v1/notices", { method: "POST", headers: { authorization: "Bearer gst_whatever" }, body: "{}" }));
    expect(answer.status).toBe(401);
  });

  it("the log identity a mirror serves is the origin's pinned key, its origin line the key's name", async () => {
    const { identity } = await asMirror();
    expect(identity.servedLogKey()).toEqual({ origin: "notices.haiping.example/log", verifierKey });
    expect(identity.getLogIdentity()?.verifierKey).toBe(verifierKey);
  });
});

describe("the OpenAPI document of each kind of server", () => {
  it("an origin's has no /api/v1/mirror; a mirror's has it and no publishing", () => {
    const origin = openApiDocument("origin") as { paths: Record<string, Record<string, unknown>> };
    const mirror = openApiDocument("mirror") as { paths: Record<string, Record<string, unknown>> };
    expect(origin.paths["/api/v1/mirror"]).toBeUndefined();
    expect(origin.paths["/api/v1/notices"]!.post).toBeDefined();
    expect(mirror.paths["/api/v1/mirror"]).toBeDefined();
    expect(mirror.paths["/api/v1/notices"]!.post).toBeUndefined();
    expect(mirror.paths["/api/v1/notices"]!.get).toBeDefined();
  });
});
