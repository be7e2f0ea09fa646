import { expect, test } from "@playwright/test";
import { CLERK, OTHER_AGENCY_NOTICE, OWN_AGENCY_NOTICE, publishFreshNotice, signIn, versionsWhen } from "./revise-support";

// Signing in and publishing a notice through a separate process take long on a loaded machine.
test.describe.configure({ timeout: 240_000 });

const OWNED_PATHS = (id: string) => [`/admin/notices/${id}/retract`, `/admin/notices/${id}/redact`];

test("a clerk gets the localized 403 page for another agency's retract page, in both languages", async ({ page }) => {
  await signIn(page, CLERK);
  for (const [locale, heading] of [
    ["zh-CN", "无权访问"],
    ["en", "Not allowed"],
  ] as const) {
    const response = await page.goto(`/${locale}/admin/notices/${OTHER_AGENCY_NOTICE}/retract`);
    expect(response!.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    // Nothing of the notice leaks into the refusal.
    await expect(page.getByRole("main")).not.toContainText(OTHER_AGENCY_NOTICE);
    await expect(page.getByRole("textbox")).toHaveCount(0);
  }
});

test("a clerk gets 403 on every redact page, even for its own agency's notices", async ({ page }) => {
  await signIn(page, CLERK, "en");
  for (const id of [OWN_AGENCY_NOTICE, OTHER_AGENCY_NOTICE]) {
    const response = await page.goto(`/en/admin/notices/${id}/redact`);
    expect(response!.status(), id).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  }
  // Its own agency's retract page, by contrast, opens.
  expect((await page.goto(`/en/admin/notices/${OWN_AGENCY_NOTICE}/retract`))!.status()).toBe(200);
});

test("the retract action authorizes the notice it is sent, not the page it came from: a tampered notice id is refused with 403 and retracts nothing", async ({ page, request }) => {
  const { noticeId } = publishFreshNotice("cross-agency");
  const target = await versionsWhen(request, OTHER_AGENCY_NOTICE, () => true);
  await signIn(page, CLERK, "en");
  await page.goto(`/en/admin/notices/${noticeId}/retract`);
  // Point the form at agency B's notice and its current version, as a hand-made request would.
  await page.locator('input[name="noticeId"]').evaluate((input: HTMLInputElement, id) => (input.value = id), OTHER_AGENCY_NOTICE);
  await page.locator('input[name="baseVersion"]').evaluate((input: HTMLInputElement, v) => (input.value = String(v)), target.at(-1)!.version);
  await page.getByLabel("Reason for the retraction").fill("Not my agency's notice.");
  await page.getByRole("checkbox", { name: "I understand a retraction is permanent and public." }).check();
  await page.getByRole("button", { name: "Retract notice" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("You may not retract this notice: it belongs to an agency you do not publish for (403).");
  await expect(page.getByLabel("Reason for the retraction")).toHaveValue("Not my agency's notice.");
  expect((await versionsWhen(request, OTHER_AGENCY_NOTICE, () => true)).map((v) => v.kind)).toEqual(target.map((v) => v.kind));
  expect((await versionsWhen(request, noticeId, () => true)).map((v) => v.kind)).toEqual(["publish"]);
});

test("anonymous visitors are sent to the sign-in page from every retract and redact URL", async ({ page, request }) => {
  for (const locale of ["zh-CN", "en"] as const) {
    for (const path of [...OWNED_PATHS(OWN_AGENCY_NOTICE), ...OWNED_PATHS(OTHER_AGENCY_NOTICE), ...OWNED_PATHS("NO-SUCH-NOTICE")]) {
      const response = await request.get(`/${locale}${path}`, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expect(new URL(response.headers().location!, "http://x").pathname, path).toBe(`/${locale}/admin/sign-in`);
    }
  }
  await page.goto(`/en${OWNED_PATHS(OTHER_AGENCY_NOTICE)[0]}`);
  await expect(page).toHaveURL(/\/en\/admin\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff sign-in");
});

test("a form sent with a field the retract form does not have is refused as unknown, and nothing is retracted", async ({ page, request }) => {
  const { noticeId } = publishFreshNotice("unknown field");
  await signIn(page, CLERK, "en");
  await page.goto(`/en/admin/notices/${noticeId}/retract`);
  await page
    .locator("form")
    .filter({ has: page.locator('input[name="noticeId"]') })
    .evaluate((form) => {
      const extra = document.createElement("input");
      extra.type = "hidden";
      extra.name = "agencyId";
      extra.value = "hp-finance";
      form.append(extra);
    });
  await page.getByLabel("Reason for the retraction").fill("With an extra field.");
  await page.getByRole("checkbox", { name: "I understand a retraction is permanent and public." }).check();
  await page.getByRole("button", { name: "Retract notice" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("The form sent a field it does not have. Reload the page and try again.");
  await expect(page.getByLabel("Reason for the retraction")).toHaveValue("With an extra field.");
  expect((await versionsWhen(request, noticeId, () => true)).map((v) => v.kind)).toEqual(["publish"]);
});

test("a clerk gets the 403 page for another agency's staff notice page, while its own agency's opens", async ({ page }) => {
  await signIn(page, CLERK, "en");
  const refused = await page.goto(`/en/admin/notices/${OTHER_AGENCY_NOTICE}`);
  expect(refused!.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  await expect(page.getByRole("button", { name: /amend|correct/i })).toHaveCount(0);
  const own = await page.goto(`/en/admin/notices/${OWN_AGENCY_NOTICE}`);
  expect(own!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(OWN_AGENCY_NOTICE);
});
