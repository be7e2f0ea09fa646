/**
 * Findings of a security review, against the real server (server.mjs, the production build):
 * malformed paths, server actions from another origin or with a tampered locale, large anonymous
 * bodies, the script nonce of every page (also when the page cache answers), HSTS only over
 * HTTPS, and attachments served so that nothing in them can run.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";

async function signInForm(request: APIRequestContext): Promise<{ actionId: string; key: string }> {
  const html = await (await request.get("/en/admin/sign-in")).text();
  const unescape = (s: string) => s.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  const ref = /name="\$ACTION_(\d+):0" value="([^"]+)"/.exec(html);
  const key = /name="\$ACTION_KEY" value="([^"]+)"/.exec(html);
  expect(ref, "the sign-in form carries its action for browsers without script").not.toBeNull();
  return { actionId: (JSON.parse(unescape(ref![2]!)) as { id: string }).id, key: key?.[1] ?? "" };
}

/** The sign-in form as a browser without script posts it, with the bound locale as given. */
function signInPost(actionId: string, key: string, locale: string, email = "clerk@demo.gongshi.invalid", password = "demo-clerk-password") {
  return {
    $ACTION_REF_1: "",
    "$ACTION_1:0": JSON.stringify({ id: actionId, bound: "$@1" }),
    "$ACTION_1:1": JSON.stringify([locale, { error: null, email: "" }]),
    $ACTION_KEY: key,
    email,
    password,
  };
}

test("malformed paths answer 400 (API, JSON) or a localized 404 page, never 500", async ({ request, page }) => {
  const api = await request.get("/api/v1/log/entries/%ED%A0%80");
  expect(api.status()).toBe(400);
  expect((await api.json()).error.code).toBe("bad-request");
  // /a.b/notices skips the locale proxy (a dot: a file name) and gets the bilingual global 404;
  // /login/notices is sent to the visitor's language first, as any path without one.
  for (const [path, lang] of [
    ["/en/n/%25", "en"],
    ["/zh-CN/n/%ED%A0%80", "zh-CN"],
    ["/a.b/notices", "zh-CN"],
    ["/login/notices", "zh-CN"],
  ] as const) {
    const answer = await page.goto(path);
    expect(answer!.status(), path).toBe(404);
    await expect(page.locator("html"), path).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
  }
});

test("a server action from another origin is a 403; a tampered bound locale cannot redirect off the site", async ({ request }) => {
  const { actionId, key } = await signInForm(request);
  const foreign = await request.post("/en/admin/sign-in", {
    multipart: signInPost(actionId, key, "en", "a@b.c", "x"),
    headers: { origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  for (const tampered of ["/evil.example", "../../x"]) {
    const answer = await request.post("/en/admin/sign-in", { multipart: signInPost(actionId, key, tampered), maxRedirects: 0 });
    expect(answer.status()).toBe(303);
    expect(answer.headers()["location"]).toBe("/zh-CN/admin");
  }
});

test("an anonymous server action over 1 MiB is refused with 413 before it is read", async ({ request }) => {
  const { actionId, key } = await signInForm(request);
  const answer = await request.post("/en/admin/sign-in", {
    multipart: { ...signInPost(actionId, key, "en", "a@b.c", "x"), padding: "x".repeat(2 * 1024 * 1024) },
    failOnStatusCode: false,
  });
  expect(answer.status()).toBe(413);
});

function scriptNonces(html: string): { scripts: number; nonces: Set<string> } {
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  return { scripts: tags.length, nonces: new Set(tags.map((t) => /\bnonce="([^"]+)"/.exec(t)?.[1] ?? "(none)")) };
}

test("every page's scripts carry the nonce of its own Content-Security-Policy, also when the page cache answers", async ({ request }) => {
  for (const path of ["/zh-CN", "/en/notices", "/en/log", "/en/admin/sign-in"]) {
    const seen = new Set<string>();
    const cache = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const answer = await request.get(path);
      cache.add(answer.headers()["x-gongshi-page-cache"] ?? "none");
      const csp = answer.headers()["content-security-policy"]!;
      const scriptSrc = /script-src ([^;]+)/.exec(csp)![1]!;
      expect(scriptSrc, path).not.toContain("unsafe-inline");
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
      expect(nonce, path).toBeTruthy();
      const { scripts, nonces } = scriptNonces(await answer.text());
      expect(scripts, path).toBeGreaterThan(0);
      expect([...nonces], path).toEqual([nonce]);
      seen.add(nonce!);
    }
    // Staff pages are never cached: a fresh nonce each time. Public pages came from the cache.
    if (path.includes("/admin")) expect(seen.size).toBe(3);
    else expect(cache, path).toContain("hit");
  }
});

test("pages, the verifier and the sign-in run with no Content-Security-Policy violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  for (const path of ["/zh-CN", "/en/notices", "/en/log", "/en/verify", "/en/about", "/en/agencies", "/en/admin/sign-in"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await page.goto("/en/notices");
  await page.getByRole("main").getByRole("link").filter({ hasText: /\S/ }).first().waitFor();
  expect(violations).toEqual([]);
  // Scripts did run: the client router navigates without a full load.
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("Strict-Transport-Security only over HTTPS", async ({ request }) => {
  expect((await request.get("/en")).headers()["strict-transport-security"]).toBeUndefined();
  expect((await request.get("/en", { headers: { "x-forwarded-proto": "https" } })).headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
});

test("attachments are downloads that cannot run: attachment disposition, nosniff, a sandbox policy", async ({ request }) => {
  const list = (await (await request.get("/api/v1/notices?pageSize=50")).json()) as { hits: { id: string }[] };
  let url: string | undefined;
  for (const { id } of list.hits) {
    url = /"url":"(\/api\/v1\/notices\/[^"]+\/attachments\/\d+)"/.exec(await (await request.get(`/api/v1/notices/${id}`)).text())?.[1];
    if (url) break;
  }
  expect(url, "the seeded notices include one with an attachment").toBeTruthy();
  const answer = await request.get(url!);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(answer.headers()["content-type"]).toBe("application/octet-stream");
  expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
  expect(answer.headers()["content-security-policy"]).toContain("sandbox");
});
