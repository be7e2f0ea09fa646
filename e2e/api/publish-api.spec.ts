/**
 * The agency API against the real server: an administrator creates a token in the page (shown
 * once), an agency system publishes with it (201, pending, then a log index within seconds),
 * retries publish once, and every wrong request gets the status the README promises. The
 * committer runs every 500 ms in the e2e server (playwright.config.ts).
 */
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { LOCALES } from "../a11y/pages";

const ADMIN = { email: "admin@demo.gongshi.invalid", password: "demo-admin-password" };
const CLERK = { email: "clerk@demo.gongshi.invalid", password: "demo-clerk-password" };
const AGENCY = "hp-planning";
const OTHER_AGENCY = "hp-finance";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** A real (tiny) PDF header is all the content check needs. */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

// Serial: later tests use the token the first one creates. Pages with sign-in under a loaded
// 2-core CI machine need more than the default minute.
test.describe.configure({ mode: "serial", timeout: 180_000 });

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/en/admin/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Password hashing on a busy 2-core machine can take several seconds.
  await expect(page).toHaveURL(/\/en\/admin$/, { timeout: 30_000 });
}

/** Creates a token in the admin page (signed in afresh: another spec may end admin sessions). */
async function createToken(page: Page, label: string): Promise<string> {
  await signIn(page, ADMIN);
  await page.goto("/en/admin/tokens");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Agency", { exact: true }).selectOption(AGENCY);
  await page.getByLabel("Label", { exact: true }).fill(label);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("It is shown only this once")).toBeVisible();
  return page.getByRole("textbox", { name: "Token", exact: true }).inputValue();
}

const fields = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  number: "海规〔2026〕99号",
  category: "规划公示",
  language: "en",
  effectiveDate: "2026-12-01",
  body: `Notice body for ${title}.`,
  ...extra,
});

function post(request: APIRequestContext, token: string | null, data: unknown, headers: Record<string, string> = {}) {
  return request.post("/api/v1/notices", {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "idempotency-key": randomUUID(), ...headers },
    data: data as object,
  });
}

let token = "";

test("an administrator creates a token: shown once with a warning, listed by prefix, typed values kept on error", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/en/admin/tokens");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Agency", { exact: true }).selectOption(AGENCY);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Enter a label.")).toBeVisible();
  await expect(page.getByLabel("Agency", { exact: true })).toHaveValue(AGENCY);
  const label = `E2E system ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Label", { exact: true }).fill(label);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("It is shown only this once")).toBeVisible();
  token = await page.getByRole("textbox", { name: "Token", exact: true }).inputValue();
  expect(token).toMatch(/^gst_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row", { name: new RegExp(label) });
  await expect(row).toContainText(`${token.slice(0, 12)}…`);
  await expect(row).toContainText("Never");
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(label) })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Token", exact: true })).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
});

test("an agency system publishes: 201 with Location, pending, then a log index within seconds", async ({ request }) => {
  const title = `Agency API notice ${randomUUID()}`;
  const response = await post(request, token, {
    fields: fields(title),
    attachments: [{ fileName: "plan.pdf", mediaType: "application/pdf", contentBase64: PDF.toString("base64") }],
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  expect(body).toMatchObject({ version: 1, status: "pending", links: { api: `/api/v1/notices/${body.id}` } });
  expect(response.headers()["location"]).toBe(`/api/v1/notices/${body.id}`);
  const first = await (await request.get(`/api/v1/notices/${body.id}`)).json();
  expect(first.agency.id).toBe(AGENCY);
  expect(first.versions[0].fields.title).toBe(title);
  // "规划公示", an older name of the vocabulary's planning category, is logged as its slug.
  expect(first.versions[0].fields.category).toBe("planning");
  expect(first.versions[0].attachments[0]).toMatchObject({ fileName: "plan.pdf", mediaType: "application/pdf", size: PDF.length });
  await expect.poll(async () => (await (await request.get(`/api/v1/notices/${body.id}`)).json()).versions[0].log?.index, { timeout: 15_000 }).toEqual(expect.any(Number));
  const logged = (await (await request.get(`/api/v1/notices/${body.id}`)).json()).versions[0];
  expect(logged.status).toBe("committed");
});

test("a retry with the same Idempotency-Key publishes once and answers the same; another request with that key is 409", async ({ request }) => {
  const word = `zq${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  const key = randomUUID();
  const data = { fields: fields(`Retried notice ${word}`) };
  const first = await post(request, token, data, { "idempotency-key": key });
  const retries = await Promise.all([1, 2, 3].map(() => post(request, token, data, { "idempotency-key": key })));
  expect(first.status()).toBe(201);
  const id = (await first.json()).id;
  for (const retry of retries) {
    expect(retry.status()).toBe(201);
    expect((await retry.json()).id).toBe(id);
    expect(retry.headers()["idempotent-replayed"]).toBe("true");
  }
  const found = await (await request.get(`/api/v1/notices?q=${word}`)).json();
  expect(found.total).toBe(1);
  const other = await post(request, token, { fields: fields(`Different ${word}`) }, { "idempotency-key": key });
  expect(other.status()).toBe(409);
  expect((await other.json()).error.message).toContain("Idempotency-Key");
});

test("multipart with a file part publishes too", async ({ request }) => {
  const response = await request.post("/api/v1/notices", {
    headers: { authorization: `Bearer ${token}`, "idempotency-key": randomUUID() },
    multipart: {
      notice: JSON.stringify({ fields: fields(`Multipart notice ${randomUUID()}`) }),
      attachment: { name: "../../etc/report.pdf", mimeType: "application/pdf", buffer: PDF },
    },
  });
  expect(response.status()).toBe(201);
  const notice = await (await request.get(`/api/v1/notices/${(await response.json()).id}`)).json();
  expect(notice.versions[0].attachments[0].fileName).toBe("report.pdf");
});

test("refuses: no token 401, unknown token 401, another agency 403, foreign Origin 403, no Idempotency-Key 400", async ({ request }) => {
  const data = { fields: fields("Refused") };
  const anonymous = await post(request, null, data);
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["www-authenticate"]).toMatch(/^Bearer /);
  expect((await anonymous.json()).error.code).toBe("unauthorized");
  expect((await post(request, `gst_${"A".repeat(43)}`, data)).status()).toBe(401);
  const other = await post(request, token, { ...data, agencyId: OTHER_AGENCY });
  expect(other.status()).toBe(403);
  expect((await other.json()).error.code).toBe("forbidden");
  expect((await post(request, token, data, { origin: "https://evil.example" })).status()).toBe(403);
  const noKey = await request.post("/api/v1/notices", { headers: { authorization: `Bearer ${token}` }, data });
  expect(noKey.status()).toBe(400);
  expect((await noKey.json()).error.message).toContain("Idempotency-Key");
});

test("refuses bad bodies with 400 naming the problem, a fake PDF with 400, an oversized file with 413", async ({ request }) => {
  const missing = await post(request, token, { fields: { ...fields("x"), title: undefined } });
  expect(missing.status()).toBe(400);
  expect((await missing.json()).error.message).toContain("title");
  const badDate = await post(request, token, { fields: fields("Bad date", { effectiveDate: "2026-02-30" }) });
  expect((await badDate.json()).error.message).toContain("effectiveDate");
  const unknownField = await post(request, token, { fields: fields("Unknown", { colour: "red" }) });
  expect(unknownField.status()).toBe(400);
  expect((await unknownField.json()).error.message).toContain("colour");
  const unknownCategory = await post(request, token, { fields: fields("Unknown category", { category: "Street parties" }) });
  expect(unknownCategory.status()).toBe(400);
  expect((await unknownCategory.json()).error).toMatchObject({ code: "bad-request", message: expect.stringContaining("category: is not a category") });
  const categories = await (await request.get("/api/v1/categories")).json();
  expect(categories.categories).toContainEqual({ slug: "planning", label: { "zh-CN": "城乡规划", en: "Urban and rural planning" } });
  const unknownMember = await post(request, token, { fields: fields("Unknown member"), publishAt: "now" });
  expect(unknownMember.status()).toBe(400);
  expect((await unknownMember.json()).error.message).toContain("publishAt");
  const fake = await post(request, token, {
    fields: fields("Fake PDF"),
    attachments: [{ fileName: "report.pdf", contentBase64: Buffer.from("<html>hi</html>").toString("base64") }],
  });
  expect(fake.status()).toBe(400);
  expect((await fake.json()).error.message).toMatch(/attachment/);
  const huge = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
  const oversized = await request.post("/api/v1/notices", {
    headers: { authorization: `Bearer ${token}`, "idempotency-key": randomUUID() },
    multipart: { notice: JSON.stringify({ fields: fields("Too big") }), attachment: { name: "big.pdf", mimeType: "application/pdf", buffer: huge } },
  });
  expect(oversized.status()).toBe(413);
  expect((await oversized.json()).error).toMatchObject({ code: "payload-too-large", message: expect.stringContaining("limit") });
});

test("a revoked token stops working at once", async ({ page, request }) => {
  const label = `Revoke me ${randomUUID().slice(0, 8)}`;
  const doomed = await createToken(page, label);
  expect((await post(request, doomed, { fields: fields(`Before revocation ${randomUUID()}`) })).status()).toBe(201);
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(label) });
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: /Revoke/ }).click();
  await expect(row).toContainText("stops working at once");
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByRole("row", { name: new RegExp(label) })).toContainText("Revoked");
  const after = await post(request, doomed, { fields: fields("After revocation") });
  expect(after.status()).toBe(401);
});

test("the tokens page is for administrators: a clerk gets the 403 page, an anonymous visitor gets the sign-in page", async ({ page, browser }) => {
  await page.goto("/en/admin/tokens");
  await expect(page).toHaveURL(/\/en\/admin\/sign-in$/);
  const clerk = await browser.newPage();
  await signIn(clerk, CLERK);
  const refused = await clerk.goto("/en/admin/tokens");
  expect(refused!.status()).toBe(403);
  await expect(clerk.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  await expect(clerk.getByRole("button", { name: "Create token" })).toHaveCount(0);
  await clerk.close();
});

for (const locale of LOCALES) {
  test(`the tokens page (${locale}) has no WCAG 2.2 A/AA violations, with a new token shown`, async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto(`/${locale}/admin/tokens`);
    // The secret arrives in the server action's answer, which needs the hydrated form.
    await page.waitForLoadState("networkidle");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await page.locator("#token-agency").selectOption(AGENCY);
    await page.locator("#token-label").fill(`a11y ${locale}`);
    await page.getByRole("button", { name: locale === "en" ? "Create token" : "创建令牌" }).click();
    await expect(page.locator("#new-token-secret")).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`))).toEqual([]);
  });
}
