/**
 * server.mjs's guard (lib/server/http/request-guard.mjs) in front of a stand-in for Next on a real
 * node:http server: malformed paths answer 400 (API) or become a 404 page path; a server action
 * from another origin is 403; an anonymous body over 1 MiB, or of unknown length, is 413 before
 * the stand-in reads a byte; only the editor's upload with a live session (asked over HTTP, as
 * server.mjs asks the app's /api/auth/get-session) may send more.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardRequest, SMALL_BODY_LIMIT } from "@/lib/server/http/request-guard.mjs";
import { HSTS, servedOverHttps } from "@/lib/server/http/strict-transport.mjs";

let base = "";
let server: http.Server;
/** What reached the stand-in for Next: its URL after the guard, and the body bytes it read. */
const reached: { url: string; bytes: number }[] = [];

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    if (req.url === "/api/auth/get-session") {
      res.setHeader("content-type", "application/json");
      return res.end(req.headers.cookie === "gongshi.session_token=live" ? JSON.stringify({ session: { id: "s" }, user: { id: "u" } }) : "null");
    }
    const options = {
      uploadLimit: 4 * SMALL_BODY_LIMIT,
      hasStaffSession: async (cookie: string) => {
        const answer = await fetch(`${base}/api/auth/get-session`, { headers: { cookie } });
        return Boolean(await answer.json());
      },
    };
    if (await guardRequest(req, res, options)) return;
    let bytes = 0;
    for await (const chunk of req) bytes += (chunk as Buffer).length;
    reached.push({ url: req.url ?? "", bytes });
    res.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw HTTP/1.1 request (fetch would normalize the path and the headers under test). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | Buffer[],
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    // A single Buffer is sent with its Content-Length; a list of parts is sent chunked.
    const length = Buffer.isBuffer(body) ? { "content-length": String(body.length) } : {};
    const request = http.request(`${base}${path}`, { method, headers: { host: new URL(base).host, ...length, ...headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    // The server may answer and close before the whole body is sent: the answer still counts.
    request.on("error", reject);
    for (const part of Array.isArray(body) ? body : body ? [body] : []) request.write(part);
    request.end();
  });
}

const MiB = SMALL_BODY_LIMIT;

describe("malformed paths", () => {
  it("an API path that is not UTF-8 is a 400 in the API's error form", async () => {
    const answer = await raw("GET", "/api/v1/log/entries/%ED%A0%80", {});
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toContain("application/json");
    expect(JSON.parse(answer.text)).toEqual({ error: { code: "bad-request", message: expect.stringContaining("percent-encoded") } });
  });

  it("a page path that is not UTF-8, or encodes a %, goes on as a path no page claims, in its locale", async () => {
    reached.length = 0;
    for (const path of ["/en/n/%25", "/en/n/%ED%A0%80", "/zh-CN/log/entries/%2", "/%FF/x"]) expect((await raw("GET", path, {})).status).toBe(200);
    expect(reached.map((r) => r.url)).toEqual(["/en/_not-a-path", "/en/_not-a-path", "/zh-CN/_not-a-path", "/_not-a-path"]);
  });

  it("leaves well-formed paths alone", async () => {
    reached.length = 0;
    await raw("GET", "/zh-CN/n/%E4%B8%AD?q=%25", {});
    expect(reached.map((r) => r.url)).toEqual(["/zh-CN/n/%E4%B8%AD?q=%25"]);
  });
});

describe("server actions from another origin", () => {
  const action = { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" };
  it.each([["https://evil.example"], ["null"], ["not a url"]])("Origin %s is a 403, before the action runs", async (origin) => {
    reached.length = 0;
    expect((await raw("POST", "/en/admin/sign-in", { ...action, origin }, Buffer.from("[]"))).status).toBe(403);
    expect((await raw("POST", "/en/admin/sign-in", { "content-type": "multipart/form-data; boundary=x", origin }, Buffer.from("--x--"))).status).toBe(403);
    expect(reached).toEqual([]);
  });

  it("the same host, or no Origin at all (as Next allows), goes on", async () => {
    reached.length = 0;
    expect((await raw("POST", "/en/admin/sign-in", { ...action, origin: base }, Buffer.from("[]"))).status).toBe(200);
    expect((await raw("POST", "/en/admin/sign-in", action, Buffer.from("[]"))).status).toBe(200);
    expect(reached).toHaveLength(2);
  });
});

describe("request bodies", () => {
  const action = { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" };

  it("an anonymous server action of 1 MiB is read; one byte more is a 413 before any of it is read", async () => {
    reached.length = 0;
    expect((await raw("POST", "/en/admin/sign-in", action, Buffer.alloc(MiB))).status).toBe(200);
    expect(reached).toEqual([{ url: "/en/admin/sign-in", bytes: MiB }]);
    reached.length = 0;
    const refused = await raw("POST", "/en/admin/sign-in", action, Buffer.alloc(MiB + 1)).catch((e: Error) => e);
    if (!(refused instanceof Error)) expect(refused.status).toBe(413);
    expect(reached).toEqual([]);
  });

  it("a body of unknown length (chunked) is a 413, however small its first chunk", async () => {
    reached.length = 0;
    const answer = await raw("POST", "/en/admin/sign-in", { ...action, "transfer-encoding": "chunked" }, [Buffer.from("[]")]);
    expect(answer.status).toBe(413);
    expect(reached).toEqual([]);
  });

  it("the editor's upload may be larger with a live session only; a dead cookie or another page stays at 1 MiB", async () => {
    const upload = "/en/admin/drafts/0b6e0cde-3f7a-4b0e-9d43-3f0c1c2d9e10";
    reached.length = 0;
    expect((await raw("POST", upload, { ...action, cookie: "gongshi.session_token=live" }, Buffer.alloc(3 * MiB))).status).toBe(200);
    expect(reached).toEqual([{ url: upload, bytes: 3 * MiB }]);
    reached.length = 0;
    for (const [path, cookie] of [
      [upload, "gongshi.session_token=forged"],
      ["/en/admin/sign-in", "gongshi.session_token=live"],
    ] as const) {
      const refused = await raw("POST", path, { ...action, cookie }, Buffer.alloc(3 * MiB)).catch((e: Error) => e);
      if (!(refused instanceof Error)) expect(refused.status).toBe(413);
    }
    expect(reached).toEqual([]);
  });

  it("the agency API's publish keeps its own limit (it authenticates before reading)", async () => {
    reached.length = 0;
    expect((await raw("POST", "/api/v1/notices", { "content-type": "application/json" }, Buffer.alloc(2 * MiB))).status).toBe(200);
    expect(reached[0]!.bytes).toBe(2 * MiB);
  });

  it("the API answers a large body in its JSON error form", async () => {
    const answer = await raw("POST", "/api/auth/sign-in/email", { "content-type": "application/json", "content-length": String(2 * MiB) });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error.code).toBe("payload-too-large");
  });
});

describe("Strict-Transport-Security", () => {
  const req = (headers: Record<string, string>, encrypted = false) => ({ headers, socket: { encrypted } }) as unknown as http.IncomingMessage;
  it("only over HTTPS: TLS, a proxy's X-Forwarded-Proto https, or an https PUBLIC_URL", () => {
    expect(HSTS).toMatch(/^max-age=\d+/);
    expect(servedOverHttps(req({}), undefined)).toBe(false);
    expect(servedOverHttps(req({}), "http://portal.test")).toBe(false);
    expect(servedOverHttps(req({ "x-forwarded-proto": "http" }), undefined)).toBe(false);
    expect(servedOverHttps(req({}, true), undefined)).toBe(true);
    expect(servedOverHttps(req({ "x-forwarded-proto": "https, http" }), undefined)).toBe(true);
    expect(servedOverHttps(req({}), "https://notices.example.gov")).toBe(true);
  });
});
