import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { ADMIN, ensureE2eAdministrator, publishFreshNotice, signIn, versionsWhen } from "../admin/revise-support";
import { verifyCheckpoint } from "../support/independent-verifier";
import { E2E_VERIFIER_KEY } from "../support/test-log-key";
import { E2E_MIRROR_URL as MIRROR } from "../support/test-mirror-keys";
import { expectVerified, startVerify } from "../verify/verify-support";
import { mirrorBanner, mirrorInfo } from "./mirror-support";

/**
 * The mirror of the shared e2e portal (playwright.config.ts: port 3120, its own database,
 * following every 0.5 s): what the portal publishes or withholds reaches the mirror by itself,
 * verifies there in the browser against the key built into the pages, and the mirror has no
 * staff area. The portal is this project's baseURL; the mirror is addressed by its full URL.
 */
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const BASIS = "《中华人民共和国个人信息保护法》第十三条";

// One signed-in administrator for the spec (the redaction), one browser context for all of it.
// Not serial: each test publishes a notice of its own, so one failing does not skip the others.
test.describe.configure({ timeout: 180_000 });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  ensureE2eAdministrator();
  context = await browser.newContext();
  page = await context.newPage();
  await signIn(page, ADMIN, "en");
});

test.afterAll(async () => {
  await context?.close();
});

test("a notice published at the origin appears at the mirror by itself, verifies there in the browser, and the mirror says it follows", async ({ request }) => {
  const { noticeId, title } = publishFreshNotice("镜像", "镜像附件.pdf");
  const [v1] = await versionsWhen(request, noticeId, (v) => v[0]?.log !== null);
  const index = v1!.log!.index;

  // Nobody tells the mirror: its loop finds the new checkpoint at the origin and copies it.
  await expect.poll(async () => (await request.get(`${MIRROR}/en/n/${noticeId}`)).status(), { timeout: 30_000 }).toBe(200);
  const atOrigin = (await (await request.get(`/api/v1/notices/${noticeId}`)).json()).versions[0];
  const atMirror = (await (await request.get(`${MIRROR}/api/v1/notices/${noticeId}`)).json()).versions[0];
  expect(atMirror.fields).toEqual(atOrigin.fields);
  expect(atMirror.salts).toEqual(atOrigin.salts);
  expect(atMirror.log.index).toBe(index);
  expect(atMirror.attachments.map((a: { sha256: string }) => a.sha256)).toEqual(atOrigin.attachments.map((a: { sha256: string }) => a.sha256));
  const copied = await (await request.get(`${MIRROR}${atMirror.attachments[0].url}`)).body();
  expect(copied.equals(await (await request.get(atOrigin.attachments[0].url)).body())).toBe(true);

  await page.goto(`${MIRROR}/en/n/${noticeId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(mirrorBanner(page, ORIGIN)).toBeVisible();
  // The mirror's own earlier checkpoints must not decide this verification: start afresh.
  await page.evaluate(() => localStorage.clear());
  const status = await startVerify(page);
  // Same key (built into the pages), same witnesses: the mirror serves the origin's cosignatures.
  await expectVerified(status);
  await expect(status).toContainText("cosigned by 2 of 2 witnesses");

  await page.goto(`${MIRROR}/zh-CN/n/${noticeId}`);
  await expect(mirrorBanner(page, ORIGIN, "zh-CN")).toBeVisible();

  await expect.poll(async () => (await mirrorInfo(request, MIRROR)).size, { timeout: 20_000 }).toBeGreaterThan(index);
  const info = await mirrorInfo(request, MIRROR);
  expect(info.state).toBe("following");
  expect(info.origin).toBe(ORIGIN);
  expect(info.evidence).toBeNull();
  // What the mirror serves as its checkpoint is the origin's, signed by the key this test holds.
  const served = verifyCheckpoint(await (await request.get(`${MIRROR}/log/checkpoint`)).text(), E2E_VERIFIER_KEY);
  expect(served.size).toBeGreaterThan(index);
});

test("a field withheld at the origin is withheld at the mirror too: shown with its basis, its value and salt no longer served, and the version still verifies", async ({
  request,
}) => {
  const { noticeId } = publishFreshNotice("镜像隐去");
  await versionsWhen(request, noticeId, (v) => v[0]?.log !== null);
  const number = (await (await request.get(`/api/v1/notices/${noticeId}`)).json()).versions[0].fields.number as string;
  // The mirror first holds the value, so withholding must take it away there, not just never copy it.
  await expect
    .poll(
      async () => {
        const r = await request.get(`${MIRROR}/api/v1/notices/${noticeId}`);
        return r.status() === 200 ? (await r.json()).versions[0].fields.number : null;
      },
      { timeout: 30_000 },
    )
    .toBe(number);

  await page.goto(`/en/admin/notices/${noticeId}/redact`);
  await page.getByRole("checkbox", { name: "Document number", exact: true }).check();
  await page.getByLabel("Legal basis").fill(BASIS);
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByRole("button", { name: "Confirm redaction" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/n/${noticeId}/v/1$`));
  await versionsWhen(request, noticeId, (v) => v[0]!.withheld.length === 1 && v[0]!.withheld[0]!.logIndex !== null);

  let version: { fields: Record<string, string>; salts: Record<string, string>; withheld: { path: string; basis: string; logIndex: number | null }[] } | undefined;
  await expect
    .poll(
      async () => {
        version = (await (await request.get(`${MIRROR}/api/v1/notices/${noticeId}`)).json()).versions[0];
        return version!.withheld.map((w) => [w.path, w.basis, w.logIndex !== null]);
      },
      { timeout: 30_000 },
    )
    .toEqual([["number", BASIS, true]]);
  expect(version!.fields).not.toHaveProperty("number");
  expect(version!.salts).not.toHaveProperty("number");
  expect(JSON.stringify(version)).not.toContain(number);

  await page.goto(`${MIRROR}/en/n/${noticeId}/v/1`);
  const withheld = page.locator('[data-banner="withheld"]');
  await expect(withheld).toHaveCount(1);
  await expect(withheld).toContainText("Document number");
  await expect(withheld).toContainText(BASIS);
  await expect(page.getByRole("main")).not.toContainText(number);
  await expectVerified(await startVerify(page));
  await expect(page.getByTestId("verify-withheld")).toContainText("number");
});

test("the mirror has no staff area: admin pages, sign-in and the sign-in API answer 404", async ({ request }) => {
  for (const path of ["/en/admin", "/zh-CN/admin", "/en/admin/sign-in", "/zh-CN/admin/sign-in", "/en/admin/notices/new"]) {
    const response = await request.get(`${MIRROR}${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  const signInApi = await request.post(`${MIRROR}/api/auth/sign-in/email`, { data: { email: ADMIN.email, password: ADMIN.password } });
  expect(signInApi.status()).toBe(404);
  // In the browser too: no form to type a password into.
  const response = await page.goto(`${MIRROR}/zh-CN/admin/sign-in`);
  expect(response!.status()).toBe(404);
  await expect(page.getByLabel("密码")).toHaveCount(0);
});
