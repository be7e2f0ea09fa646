import { expect, test } from "@playwright/test";
import { appRoleUrl } from "../support/app-role-url";
import { Child, childEnv, runScript, waitForHttp } from "../support/mirror-pair";
import { REPLICA_DATABASE, ReplicaClusters } from "../support/replica-clusters";
import { E2E_LOG_ORIGIN, E2E_SIGNER_KEY } from "../support/test-log-key";

/**
 * Public reads from a streaming replica (DATABASE_READ_URL, docs/read-replicas.md), project
 * read-replica in playwright.config.ts. A primary and a hot standby of their own
 * (e2e/support/replica-clusters.ts), and the portal as a real server process (`node server.mjs`
 * on the production build) on port 3150 with DATABASE_URL on the primary and DATABASE_READ_URL
 * on the standby. Notices are published on the primary with the project's own services
 * (e2e/support/mirror-seed.ts), as a clerk's publication and the committer would.
 *
 * Where a read went is seen in the standby's pg_stat_activity: a connection of the application
 * role whose last query ended during the request (the router's own position reads excluded).
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = 3150;
const BASE = `http://127.0.0.1:${PORT}`;
const clusters = new ReplicaClusters();
let portal: Child | null = null;
let first: { noticeIds: string[]; size: number };

process.once("exit", () => {
  portal?.process.kill("SIGKILL");
  try {
    clusters.stopAll();
  } catch {
    // Exiting anyway; the directory is in the system's temporary space.
  }
});

const logEnv = { LOG_SIGNER_KEY: E2E_SIGNER_KEY, LOG_ORIGIN: E2E_LOG_ORIGIN };

/** Publishes `count` notices on the primary and logs them (as a clerk's publication and the committer do). */
async function publish(count: number, label: string): Promise<{ noticeIds: string[]; size: number }> {
  const result = await runScript("e2e/support/mirror-seed.ts", ["notices", String(count), label], { DATABASE_URL: clusters.url("primary"), ...logEnv });
  if (result.code !== 0) throw new Error(`mirror-seed exited ${result.code}:\n${result.output}`);
  const line = result.output
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .at(-1)!;
  return JSON.parse(line) as { noticeIds: string[]; size: number };
}

/** The standby's clock now: what pg_stat_activity's timestamps are compared with. */
async function standbyNow(): Promise<string> {
  const [row] = await clusters.sql<{ now: string }>("standby", "SELECT clock_timestamp()::text AS now");
  return row!.now;
}

/** Connections of the portal's role on the standby whose last query ended after `since`. */
async function replicaReadsSince(since: string): Promise<number> {
  const [row] = await clusters.sql<{ n: number }>(
    "standby",
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = $1 AND usename = 'gongshi_app' AND query NOT LIKE '%pg_last_wal_replay_lsn%' AND state_change > $2::timestamptz`,
    [REPLICA_DATABASE, since],
  );
  return row!.n;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${BASE}${path}`);
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  return (await response.json()) as T;
}

async function getPage(path: string): Promise<string> {
  const response = await fetch(`${BASE}${path}`, { headers: { accept: "text/html" } });
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  return response.text();
}

/** Whether the page at `path` shows `text` (a failure names the page, not its whole HTML). */
async function pageShows(path: string, text: string): Promise<boolean> {
  return (await getPage(path)).includes(text);
}

const title = (label: string, n: number) => `镜像测试 ${label} ${n}`;
type Notice = { id: string; versions: { fields: Record<string, string> }[] };
type Search = { total: number; hits: { id: string }[] };

test.beforeAll(async () => {
  // Two clusters made, one migrated and seeded, a server started: well under a minute, but
  // more than a hook's default on a loaded machine.
  test.setTimeout(180_000);
  clusters.startPrimary();
  const prepared = await runScript("e2e/support/mirror-prepare.ts", [], { DATABASE_OWNER_URL: clusters.url("primary") });
  if (prepared.code !== 0) throw new Error(`mirror-prepare exited ${prepared.code}:\n${prepared.output}`);
  first = await publish(2, "replica-a");
  await clusters.startStandby();
  portal = new Child(
    "portal",
    process.execPath,
    ["server.mjs", "-p", String(PORT), "-H", "127.0.0.1"],
    childEnv({
      DATABASE_URL: appRoleUrl(clusters.url("primary")),
      DATABASE_READ_URL: appRoleUrl(clusters.url("standby")),
      ...logEnv,
      LOG_COMMIT_INTERVAL_MS: "500",
      BETTER_AUTH_SECRET: "e2e-only-session-secret-not-for-production",
      RATE_LIMIT_SEARCH_PER_MINUTE: "0",
      RATE_LIMIT_DOWNLOAD_PER_MINUTE: "0",
    }),
  );
  await waitForHttp(portal, `${BASE}/api/v1/log`);
});

/** The size line of the checkpoint /log/checkpoint serves (answered in server.mjs, lib/server/log-http). */
async function checkpointSize(): Promise<number> {
  const response = await fetch(`${BASE}/log/checkpoint`);
  expect(response.status).toBe(200);
  return Number((await response.text()).split("\n")[1]);
}

test.afterAll(async () => {
  await portal?.stop();
  clusters.stopAll();
});

test("public pages and API reads are answered from the replica", async () => {
  await clusters.caughtUp();
  const since = await standbyNow();
  const [id] = first.noticeIds as [string];
  const notice = await getJson<Notice>(`/api/v1/notices/${id}`);
  expect(notice.versions[0]!.fields.title).toBe(title("replica-a", 1));
  expect(await pageShows(`/en/n/${id}`, title("replica-a", 1)), `/en/n/${id}`).toBe(true);
  expect((await getJson<{ size: number }>("/api/v1/log")).size).toBe(first.size);
  expect(await checkpointSize()).toBe(first.size);
  expect(await replicaReadsSince(since), `no read reached the standby:\n${portal!.tail()}`).toBeGreaterThan(0);
});

test("a notice published while the replica's replay is paused is shown at once and never goes away", async () => {
  // The notice list, kept by the page cache before the publication: the cache must not answer
  // it after (its currency is checked on the primary, docs/read-replicas.md).
  await getPage("/en/notices");
  const kept = await fetch(`${BASE}/en/notices`, { headers: { accept: "text/html" } });
  expect(kept.headers.get("x-gongshi-page-cache")).toBe("hit");
  await clusters.pauseReplay();
  const { noticeIds, size } = await publish(1, "replica-b");
  const [id] = noticeIds as [string];
  // The standby really is behind: it has not got the notice.
  const onStandby = await clusters.sql<{ n: number }>("standby", "SELECT count(*)::int AS n FROM notice WHERE id = $1", [id]);
  expect(onStandby[0]!.n).toBe(0);

  const since = await standbyNow();
  let total = 0;
  for (let round = 0; round < 5; round++) {
    expect((await getJson<Notice>(`/api/v1/notices/${id}`)).versions[0]!.fields.title).toBe(title("replica-b", 1));
    expect(await pageShows(`/en/n/${id}`, title("replica-b", 1)), `/en/n/${id}`).toBe(true);
    expect(await pageShows("/en/notices", title("replica-b", 1)), "the page cache answered the list kept before the publication").toBe(true);
    expect((await getJson<{ size: number }>("/api/v1/log")).size).toBeGreaterThanOrEqual(size);
    // server.mjs's own log endpoints (lib/server/log-http) follow the same rule as Next's reads.
    expect(await checkpointSize()).toBeGreaterThanOrEqual(size);
    const search = await getJson<Search>("/api/v1/notices?sort=newest");
    expect(search.hits.map((h) => h.id)).toContain(id);
    expect(search.total).toBeGreaterThanOrEqual(total);
    total = search.total;
  }
  // The paused standby cannot show the new notice, so none of those reads went to it.
  expect(await replicaReadsSince(since)).toBe(0);

  await clusters.resumeReplay();
  await clusters.caughtUp();
  const back = await standbyNow();
  expect((await getJson<Notice>(`/api/v1/notices/${id}`)).versions[0]!.fields.title).toBe(title("replica-b", 1));
  expect(await replicaReadsSince(back), "reads did not return to the standby once it caught up").toBeGreaterThan(0);
});

test("while the primary publishes, what a reader has seen never goes back", async () => {
  const publishing = publish(6, "replica-c");
  let done = false;
  void publishing.finally(() => (done = true));
  let size = 0;
  let total = 0;
  const seen = new Set<string>();
  let rounds = 0;
  while (!done || rounds < 5) {
    const log = await getJson<{ size: number }>("/api/v1/log");
    expect(log.size).toBeGreaterThanOrEqual(size);
    size = log.size;
    const search = await getJson<Search>("/api/v1/notices?sort=newest&pageSize=50");
    expect(search.total).toBeGreaterThanOrEqual(total);
    total = search.total;
    const ids = new Set(search.hits.map((h) => h.id));
    for (const id of seen) expect(ids.has(id), `notice ${id} was listed, then not`).toBe(true);
    for (const id of ids) seen.add(id);
    rounds++;
  }
  const { noticeIds, size: finalSize } = await publishing;
  expect((await getJson<{ size: number }>("/api/v1/log")).size).toBeGreaterThanOrEqual(finalSize);
  for (const id of noticeIds) await getJson<Notice>(`/api/v1/notices/${id}`);
});

test("with the replica stopped, reads fall back to the primary", async () => {
  clusters.stopStandby();
  const [id] = first.noticeIds as [string];
  for (let round = 0; round < 3; round++) {
    expect((await getJson<Notice>(`/api/v1/notices/${id}`)).versions[0]!.fields.title).toBe(title("replica-a", 1));
    expect(await pageShows(`/en/n/${id}`, title("replica-a", 1)), `/en/n/${id}`).toBe(true);
    await getJson<Search>("/api/v1/notices?q=镜像测试");
  }
  expect(portal!.tail()).toContain("read replica unavailable");
});
