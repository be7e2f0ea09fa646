/**
 * The agency API in an agency that requires review, across real processes: an administrator
 * creates two tokens for the demo agency that requires review (海平市生态环境局) — one that follows
 * the review rule and one created with the right to publish directly. The first one's POST
 * becomes a draft submitted for review (201 with its state and its address); the demo reviewer
 * approves it in the browser; its address then names the published notice. The second one's POST
 * is published at once. Another agency's token cannot see the draft.
 */
import { randomUUID } from "node:crypto";
import { test, type APIRequestContext, type Page } from "@playwright/test";
import { createTestAdmin, expect, signIn } from "../admin/support";

const AGENCY = "hp-ecology";
const REVIEWER = { email: "reviewer@demo.gongshi.invalid", password: "demo-reviewer-password" };

test.describe.configure({ mode: "serial", timeout: 240_000 });

const fields = (title: string) => ({ title, category: "environment", language: "en", effectiveDate: "2026-12-01", body: `Notice body for ${title}.` });

function post(request: APIRequestContext, token: string, data: unknown) {
  return request.post("/api/v1/notices", { headers: { authorization: `Bearer ${token}`, "idempotency-key": randomUUID() }, data: data as object });
}

async function createToken(page: Page, agency: string, label: string, publishDirectly: boolean): Promise<string> {
  await page.goto("/en/admin/tokens");
  await page.getByLabel("Agency", { exact: true }).selectOption(agency);
  await page.getByLabel("Label", { exact: true }).fill(label);
  if (publishDirectly) await page.getByRole("checkbox", { name: "May publish without review" }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("It is shown only this once")).toBeVisible();
  await expect(
    page.getByText(
      publishDirectly
        ? "This token publishes at once, even if its agency requires review."
        : "If its agency requires review, this token's notices arrive as drafts submitted for review.",
    ),
  ).toBeVisible();
  const token = await page.getByRole("textbox", { name: "Token", exact: true }).inputValue();
  await expect(page.getByRole("row", { name: new RegExp(label) })).toContainText(publishDirectly ? "Publishes without review" : "Follows the agency's review rule");
  return token;
}

let reviewed = "";
let direct = "";
let other = "";

test.beforeAll(async ({ browser }) => {
  const admin = await createTestAdmin(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, admin);
  const suffix = randomUUID().slice(0, 8);
  reviewed = await createToken(page, AGENCY, `Ecology system ${suffix}`, false);
  direct = await createToken(page, AGENCY, `Ecology direct ${suffix}`, true);
  other = await createToken(page, "hp-planning", `Planning system ${suffix}`, false);
  await context.close();
});

test("a token without the right submits for review; the reviewer approves; the draft's address then names the notice", async ({ request, browser }) => {
  const title = `Submitted through the API ${randomUUID().slice(0, 8)}`;
  const response = await post(request, reviewed, { fields: fields(title) });
  expect(response.status()).toBe(201);
  const body = await response.json();
  expect(body).toMatchObject({ state: "submitted", links: { api: `/api/v1/drafts/${body.draft}` } });
  expect(response.headers()["location"]).toBe(`/api/v1/drafts/${body.draft}`);
  const search = await (await request.get(`/api/v1/notices?q=${encodeURIComponent(title)}`)).json();
  expect(search.total).toBe(0);

  const auth = { headers: { authorization: `Bearer ${reviewed}` } };
  expect(await (await request.get(body.links.api, auth)).json()).toMatchObject({ draft: body.draft, state: "submitted", notice: null });
  const hidden = await request.get(body.links.api, { headers: { authorization: `Bearer ${other}` } });
  expect(hidden.status()).toBe(404);
  expect((await hidden.json()).error.code).toBe("not-found");
  const unsigned = await request.get(body.links.api);
  expect(unsigned.status()).toBe(401);
  expect(unsigned.headers()["www-authenticate"]).toContain("Bearer");

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, REVIEWER, "en");
  await page.getByRole("region", { name: "Awaiting your review" }).getByRole("link", { name: title }).click();
  await expect(page.getByTestId("draft-content")).toContainText(`Notice body for ${title}.`);
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/notices\/[A-Z0-9-]+$/);
  await context.close();

  const published = await (await request.get(body.links.api, auth)).json();
  expect(published).toMatchObject({ state: "published", notice: { version: 1, links: { notice: `/n/${published.notice?.id}` } } });
  expect(published.reviews.map((r: { action: string }) => r.action)).toEqual(["submit", "approve"]);
  const notice = await (await request.get(published.notice.links.api)).json();
  expect(notice.agency.id).toBe(AGENCY);
  expect(notice.versions[0].fields.title).toBe(title);
});

test("a token created with the right to publish directly publishes at once", async ({ request }) => {
  const title = `Published directly ${randomUUID().slice(0, 8)}`;
  const response = await post(request, direct, { fields: fields(title) });
  expect(response.status()).toBe(201);
  const body = await response.json();
  expect(body).toMatchObject({ state: "published", version: 1, links: { api: `/api/v1/notices/${body.id}` } });
  expect((await (await request.get(`/api/v1/notices/${body.id}`)).json()).versions[0].fields.title).toBe(title);
});

test("a request that could not be published is refused at once, with nothing submitted", async ({ request }) => {
  const response = await post(request, reviewed, { fields: { ...fields("Bad date"), effectiveDate: "2026-02-30" } });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.message).toContain("effectiveDate");
});
