import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { appRoleUrl } from "../support/app-role-url";
import { E2E_LOG_ORIGIN, E2E_SIGNER_KEY } from "../support/test-log-key";

/**
 * server.mjs answers the log's public endpoints before Next (lib/server/log-http). Two real
 * `npm start` processes on the e2e database, one as deployed and one with
 * LOG_HTTP_FAST_PATH=off (every request to Next's route handlers, as before), get the same
 * requests over HTTP; status, headers and body must be the same, good requests and bad.
 * Neither process commits or cosigns (the e2e server does that), so both read the same log.
 */
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongshi_e2e";
const FAST_PORT = 3196;
const NEXT_PORT = 3197;

/** Headers that differ between any two answers (time, connection), or by design in framing only. */
const IGNORED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function startServer(port: number, extra: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn("node", ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: appRoleUrl(DATABASE_URL),
      LOG_SIGNER_KEY: E2E_SIGNER_KEY,
      LOG_ORIGIN: E2E_LOG_ORIGIN,
      LOG_COMMIT_INTERVAL_MS: "0",
      LOG_WITNESS_INTERVAL_MS: "0",
      PAGE_PRERENDER_INTERVAL_MS: "0",
      SCHEDULED_PUBLISH_INTERVAL_MS: "0",
      ALERT_DIGEST_INTERVAL_MS: "0",
      BETTER_AUTH_SECRET: "e2e-only-session-secret-not-for-production",
      ...extra,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

/** One request exactly as written (no normalization of the path), the answer as received. */
function raw(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        // The script nonce is new on every answer (in the policy, and in a page Next renders).
        const nonce = /'nonce-([^']+)'/.exec(String(res.headers["content-security-policy"] ?? ""))?.[1];
        const same = (text: string) => (nonce ? text.replaceAll(nonce, "…") : text);
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (!IGNORED.has(name)) kept[name] = same(String(value));
        const body = Buffer.concat(chunks);
        const textual = !res.headers["content-encoding"] && !String(res.headers["content-type"]).startsWith("application/octet-stream");
        resolve({ status: res.statusCode!, headers: kept, body: textual ? same(body.toString("latin1")) : body.toString("base64") });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

async function waitForServer(port: number, output: () => string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      await raw(port, "GET", "/api/v1/log");
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`server on ${port} did not start:\n${output()}`);
}

let fast: ReturnType<typeof startServer>;
let viaNext: ReturnType<typeof startServer>;
let size: number;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fast = startServer(FAST_PORT, {});
  viaNext = startServer(NEXT_PORT, { LOG_HTTP_FAST_PATH: "off" });
  await Promise.all([waitForServer(FAST_PORT, fast.output), waitForServer(NEXT_PORT, viaNext.output)]);
  size = sizeOf(await raw(NEXT_PORT, "GET", "/log/checkpoint"));
});

function note(answer: Raw): string {
  return Buffer.from(answer.body, "latin1").toString();
}

function sizeOf(checkpoint: Raw): number {
  return Number(note(checkpoint).split("\n")[1]);
}

test.afterAll(() => {
  fast?.child.kill("SIGTERM");
  viaNext?.child.kill("SIGTERM");
});

/** Requests whose answer depends only on the log (the head may move between two requests: asked again then). */
function cases(): [string, string, Record<string, string>?][] {
  const s = size;
  const tileWidth = Math.min(s, 255);
  return [
    ["GET", "/log/checkpoint"],
    ["HEAD", "/log/checkpoint"],
    ["GET", "/log/checkpoint", { "accept-encoding": "gzip, deflate, br" }],
    ["GET", "/log/checkpoint", { "x-forwarded-proto": "https" }],
    ["GET", "/log/checkpoint?cache=bust"],
    ["GET", "/log/checkpoint/"],
    ["POST", "/log/checkpoint"],
    ["GET", `/log/tile/0/000.p/${tileWidth}`],
    ["HEAD", `/log/tile/0/000.p/${tileWidth}`],
    ["GET", "/log/tile/0/000.p/1"],
    ["GET", `/log/tile/0/000.p/${Math.min(s + 1, 255)}`],
    ["GET", "/log/tile/0/000"],
    ["GET", "/log/tile/1/000.p/1"],
    ["GET", `/log/tile/entries/000.p/${tileWidth}`],
    ["GET", "/log/tile/entries/000.p/3", { "accept-encoding": "gzip" }],
    ["GET", "/log/tile/entries/000"],
    ["GET", "/log/tile/0/1"],
    ["GET", "/log/tile/0/x999/999"],
    ["GET", "/log/tile/0/x000/000"],
    ["GET", "/log/tile/7/000"],
    ["GET", "/log/tile/0/000.p/0"],
    ["GET", "/log/tile/0/000.p/256"],
    ["GET", "/log/tile/0/000.p/"],
    ["GET", "/log/tile/../checkpoint"],
    ["GET", "/log/tile/0/%30%30%30.p/1"],
    ["GET", "/log/tile/0/000.p/1?x=1"],
    ["GET", "/log/tile"],
    ["GET", "/log/tile/"],
    ["GET", `/log/tile/0/${"x999/".repeat(60)}999`],
    ["GET", "/api/v1/log/entries/0"],
    ["HEAD", "/api/v1/log/entries/0"],
    ["GET", `/api/v1/log/entries/${s - 1}`],
    ["GET", `/api/v1/log/entries/${s}`],
    ["GET", "/api/v1/log/entries/abc"],
    ["GET", "/api/v1/log/entries/-1"],
    ["GET", "/api/v1/log/entries/01"],
    ["GET", "/api/v1/log/entries/1e3"],
    ["GET", "/api/v1/log/entries/99999999"],
    ["GET", "/api/v1/log/entries/99999999999999999999"],
    ["GET", "/api/v1/log/entries/9007199254740993"],
    ["GET", "/api/v1/log/entries/%FF"],
    ["GET", "/api/v1/log/entries/%C3%28"],
    ["GET", "/api/v1/log/entries/1/2"],
    ["GET", "/api/v1/log/entries/"],
    ["GET", `/api/v1/log/proof/inclusion?index=3&size=${s}`],
    ["HEAD", `/api/v1/log/proof/inclusion?index=3&size=${s}`],
    ["GET", `/api/v1/log/proof/inclusion?index=${s - 1}&size=${s}`, { "accept-encoding": "gzip" }],
    ["GET", "/api/v1/log/proof/inclusion?index=0&size=1"],
    ["GET", "/api/v1/log/proof/inclusion?index=3"],
    ["GET", "/api/v1/log/proof/inclusion"],
    ["GET", "/api/v1/log/proof/inclusion?index=x"],
    ["GET", "/api/v1/log/proof/inclusion?index="],
    ["GET", "/api/v1/log/proof/inclusion?index"],
    ["GET", "/api/v1/log/proof/inclusion?size=5"],
    ["GET", "/api/v1/log/proof/inclusion?index=0&size=0"],
    ["GET", "/api/v1/log/proof/inclusion?index=5&size=5"],
    ["GET", "/api/v1/log/proof/inclusion?index=0&size=99999999"],
    ["GET", "/api/v1/log/proof/inclusion?index=0&size=9999999999999999"],
    ["GET", "/api/v1/log/proof/inclusion?index=3&index=4&size=5"],
    ["GET", "/api/v1/log/proof/inclusion?index=%33&size=5"],
    ["GET", "/api/v1/log/proof/inclusion?index=3&size=5&other=1"],
    ["GET", `/api/v1/log/proof/consistency?from=1&to=${s}`],
    ["GET", `/api/v1/log/proof/consistency?from=${Math.floor(s / 2)}&to=${s}`],
    ["GET", `/api/v1/log/proof/consistency?from=0&to=${s}`],
    ["GET", `/api/v1/log/proof/consistency?from=${s}&to=${s}`],
    ["GET", "/api/v1/log/proof/consistency?from=0&to=0"],
    ["GET", "/api/v1/log/proof/consistency?from=5&to=3"],
    ["GET", "/api/v1/log/proof/consistency?from=1"],
    ["GET", "/api/v1/log/proof/consistency?to=3"],
    ["GET", "/api/v1/log/proof/consistency?from=1&to=99999999"],
    ["GET", "/api/v1/log/proof/consistency?from=-1&to=3"],
    ["GET", "/api/v1/log/proof/consistency?from=1&to=3&x=%FF"],
  ];
}

test("the fast path started in one server and not in the other", () => {
  expect(fast.output()).toContain("log endpoints answered before Next");
  expect(viaNext.output()).not.toContain("log endpoints answered before Next");
});

test("every log endpoint answers as Next's route handlers do, good requests and bad", async () => {
  test.setTimeout(120_000);
  const differences: string[] = [];
  for (const [method, path, headers] of cases()) {
    let last: { fast: Raw; next: Raw } | undefined;
    // Three tries: the e2e server may commit or collect a cosignature between the two requests.
    for (let attempt = 0; attempt < 3; attempt++) {
      const answers = { fast: await raw(FAST_PORT, method, path, headers), next: await raw(NEXT_PORT, method, path, headers) };
      last = answers;
      if (JSON.stringify(answers.fast) === JSON.stringify(answers.next)) break;
    }
    try {
      expect(last!.fast, `${method} ${path}`).toEqual(last!.next);
    } catch (error) {
      differences.push((error as Error).message);
    }
  }
  expect(differences, differences.join("\n\n")).toEqual([]);
});

test("the checkpoint served is never older than the one Next served just before", async () => {
  // Each request reads the head after it arrived (lib/server/log-http/log-head.ts), as Next's route does.
  for (let i = 0; i < 20; i++) {
    const before = note(await raw(NEXT_PORT, "GET", "/log/checkpoint"));
    const served = note(await raw(FAST_PORT, "GET", "/log/checkpoint"));
    // Sizes only grow, and a checkpoint's cosignature lines are only ever appended.
    if (served.split("\n")[1] === before.split("\n")[1]) expect(served.startsWith(before)).toBe(true);
    else expect(Number(served.split("\n")[1])).toBeGreaterThan(Number(before.split("\n")[1]));
  }
});
