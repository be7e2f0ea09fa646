import { expect, test, type Page } from "@playwright/test";
import { ensureAdministrator } from "./revise-support";

const CLERK = { email: "clerk@demo.gongshi.invalid", password: "demo-clerk-password" };
const ADMIN = { email: "admin@demo.gongshi.invalid", password: "demo-admin-password" };

async function signIn(page: Page, email: string, password: string, locale = "zh-CN") {
  await page.goto(`/${locale}/admin/sign-in`);
  await page.getByLabel(locale === "en" ? "Email" : "电子邮箱").fill(email);
  await page.getByLabel(locale === "en" ? "Password" : "密码").fill(password);
  await page.getByRole("button", { name: locale === "en" ? "Sign in" : "登录" }).click();
}

test("an anonymous visitor to /zh-CN/admin lands on the sign-in page, which is neither cached nor indexed", async ({ page }) => {
  const response = await page.goto("/zh-CN/admin");
  await expect(page).toHaveURL(/\/zh-CN\/admin\/sign-in$/);
  await expect(page.getByRole("heading", { name: "工作人员登录" })).toBeVisible();
  expect(response!.headers()["cache-control"]).toContain("no-store");
  expect(response!.headers()["x-robots-tag"]).toContain("noindex");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});

test("the demo clerk signs in, sees role, agency and its notices with log indexes, and signs out", async ({ page }) => {
  await signIn(page, CLERK.email, CLERK.password, "en");
  await expect(page).toHaveURL(/\/en\/admin$/);
  await expect(page.getByRole("heading", { name: "Staff dashboard" })).toBeVisible();
  await expect(page.getByText("Role: Clerk")).toBeVisible();
  await expect(page.getByRole("region", { name: "Your agencies", exact: true })).toContainText("Natural Resources and Planning");
  await expect(
    page
      .getByRole("region", { name: "Published", exact: true })
      .getByText(/Log entry \d+/)
      .first(),
  ).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/admin\/sign-in$/);
  await page.goto("/en/admin");
  await expect(page).toHaveURL(/\/en\/admin\/sign-in$/);
});

/**
 * This test ends every session of its user, so it signs in as a user no other spec uses: specs
 * run in parallel, and the demo administrator's session of another spec (creating an API token,
 * say) ended mid-test when this one used it.
 */
const SIGN_OUT_ADMIN = { email: "e2e-sign-out-admin@demo.gongshi.invalid", password: "e2e-sign-out-admin-password" };

test("sign out everywhere ends the sessions of other browsers too", async ({ page, browser }) => {
  ensureAdministrator(SIGN_OUT_ADMIN);
  await signIn(page, SIGN_OUT_ADMIN.email, SIGN_OUT_ADMIN.password);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, SIGN_OUT_ADMIN.email, SIGN_OUT_ADMIN.password);
  await expect(otherPage.getByRole("heading", { name: "工作台" })).toBeVisible();
  await page.getByRole("button", { name: "在所有设备上退出" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/admin\/sign-in$/);
  await otherPage.goto("/zh-CN/admin");
  await expect(otherPage).toHaveURL(/\/zh-CN\/admin\/sign-in$/);
  await other.close();
});

test("a wrong password shows the localized error and keeps the typed email", async ({ page }) => {
  await signIn(page, ADMIN.email, "not the right password");
  await expect(page.getByRole("status")).toHaveText("电子邮箱或密码不正确。");
  await expect(page.getByLabel("电子邮箱")).toHaveValue(ADMIN.email);
  await expect(page).toHaveURL(/\/zh-CN\/admin\/sign-in$/);
});

test("a burst of wrong passwords backs the address off with a localized message naming the wait", async ({ page }) => {
  const email = "burst@demo.gongshi.invalid";
  // Three failures are free; then each try waits twice as long (lib/server/auth/sign-in-throttle.ts).
  // A slow browser may outlast a short wait, so keep trying until the refusal shows.
  for (let i = 0; i < 3; i++) {
    await signIn(page, email, `wrong password ${i}`, "en");
    await expect(page.getByRole("status")).toHaveText("The email or password is wrong.");
  }
  const status = page.getByRole("status");
  for (let i = 0; i < 8; i++) {
    await signIn(page, email, "wrong password again", "en");
    await expect(status).not.toHaveText("");
    if ((await status.textContent())?.startsWith("Too many")) break;
  }
  await expect(status).toHaveText(/^Too many failed sign-ins from this network\. Try again in \d+ seconds?\.$/);
});
