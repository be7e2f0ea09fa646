/**
 * Every admin page type, once, with who views it. e2e/admin/admin-a11y.spec.ts runs axe over
 * this list in both languages, so a new admin page is a one-line addition here. `pending`
 * marks a page built on another branch: reported as "fixme" until the flag is removed.
 */
import type { Page } from "@playwright/test";

export type Viewer = "administrator" | "clerk" | "auditor" | "anonymous";

export interface AdminPageType {
  name: string;
  /** Path after the locale prefix. */
  path: string;
  as: Viewer;
  status?: number;
  pending?: string;
  /** Steps after loading `path` that bring the page into the state to check (a link followed, a form failed). */
  prepare?: (page: Page, locale: string) => Promise<void>;
}

export const ADMIN_PAGE_TYPES: AdminPageType[] = [
  { name: "sign-in", path: "/admin/sign-in", as: "anonymous" },
  { name: "dashboard (clerk)", path: "/admin", as: "clerk" },
  { name: "dashboard (administrator)", path: "/admin", as: "administrator" },
  { name: "my work (clerk)", path: "/admin/work", as: "clerk" },
  { name: "my work, address not understood", path: "/admin/work?state=lost&sort=colour", as: "clerk" },
  { name: "forbidden (clerk on users)", path: "/admin/users", as: "clerk", status: 403 },
  { name: "users", path: "/admin/users", as: "administrator" },
  { name: "new user", path: "/admin/users/new", as: "administrator" },
  {
    name: "new user with errors",
    path: "/admin/users/new",
    as: "administrator",
    prepare: async (page, locale) => {
      await page.getByRole("button", { name: locale === "en" ? "Create user" : "创建用户" }).click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
    },
  },
  {
    name: "one user",
    path: "/admin/users",
    as: "administrator",
    prepare: async (page) => {
      await page.getByRole("link", { name: "clerk@demo.gongshi.invalid" }).click();
      await page.waitForURL(/\/admin\/users\/[^/]+$/);
    },
  },
  { name: "agencies", path: "/admin/agencies", as: "administrator" },
  { name: "new agency", path: "/admin/agencies/new", as: "administrator" },
  { name: "one agency", path: "/admin/agencies/hp-planning", as: "administrator" },
  { name: "audit trail", path: "/admin/audit", as: "administrator" },
  { name: "audit trail, filtered", path: "/admin/audit?action=sign-in&from=2020-01-01", as: "auditor" },
  { name: "audit trail, bad filter", path: "/admin/audit?from=yesterday", as: "administrator" },
  { name: "own account", path: "/admin/account", as: "auditor" },
];
