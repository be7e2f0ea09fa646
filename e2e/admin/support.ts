/**
 * Signing in for the admin browser tests. Tests that act as an administrator use one of their
 * own, created through the users page by the demo administrator: e2e/admin/sign-in.spec.ts
 * signs the demo administrator out everywhere, which would break a test running alongside it.
 */
import { randomUUID } from "node:crypto";
import { expect as baseExpect, type Browser, type Page } from "@playwright/test";

/** Server actions hash passwords and render the next page; on a loaded 2-core machine that takes a while. */
export const expect = baseExpect.configure({ timeout: 20_000 });

export interface Credentials {
  email: string;
  password: string;
}

export const DEMO_ADMIN: Credentials = { email: "admin@demo.gongshi.invalid", password: "demo-admin-password" };
export const DEMO_CLERK: Credentials = { email: "clerk@demo.gongshi.invalid", password: "demo-clerk-password" };
export const PASSWORD = "a long e2e test password";

const LABELS = {
  en: { email: "Email", password: "Password", signIn: "Sign in", dashboard: "Staff dashboard" },
  "zh-CN": { email: "电子邮箱", password: "密码", signIn: "登录", dashboard: "工作台" },
} as const;

export type Locale = keyof typeof LABELS;

export async function signIn(page: Page, who: Credentials, locale: Locale = "en"): Promise<void> {
  const labels = LABELS[locale];
  await page.goto(`/${locale}/admin/sign-in`);
  await page.getByLabel(labels.email).fill(who.email);
  await page.getByLabel(labels.password).fill(who.password);
  await page.getByRole("button", { name: labels.signIn }).click();
  await expect(page.getByRole("heading", { name: labels.dashboard })).toBeVisible();
}

/** A fresh address, so tests and repeated runs never collide. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@manage.example`;
}

/** Fills and submits the new-user form (English), as the administrator signed in on `page`. */
export async function createUserViaForm(page: Page, user: { email: string; name: string; role: "Administrator" | "Clerk" | "Auditor"; agencies?: string[] }): Promise<void> {
  await page.goto("/en/admin/users/new");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Name", { exact: true }).fill(user.name);
  await page.getByLabel("Initial password").fill(PASSWORD);
  await page.getByRole("combobox", { name: "Role" }).selectOption({ label: user.role });
  for (const agency of user.agencies ?? []) await page.getByRole("checkbox", { name: agency }).check();
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/users$/);
  await expect(page.getByRole("link", { name: user.email })).toBeVisible();
}

/** An administrator of the test's own, made by the demo administrator in a separate browser context. */
export async function createTestAdmin(browser: Browser): Promise<Credentials> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO_ADMIN);
  const email = uniqueEmail("e2e-admin");
  await createUserViaForm(page, { email, name: "E2E Administrator", role: "Administrator" });
  await context.close();
  return { email, password: PASSWORD };
}
