import { test, type Browser, type Cookie } from "@playwright/test";
import { axeViolations } from "../a11y/axe-check";
import { enableReadingMode, LOCALES } from "../a11y/pages";
import { ADMIN_PAGE_TYPES, type Viewer } from "./admin-pages";
import { createTestAdmin, expect, createUserViaForm, DEMO_CLERK, PASSWORD, signIn, uniqueEmail, type Credentials } from "./support";

// axe over a full audit page takes a while on a loaded 2-core machine; the tests are
// independent, so two workers may share them (each makes its own accounts).
test.describe.configure({ mode: "parallel", timeout: 180_000 });

/** One account per role, made once per worker (the demo administrator is not used: see ./support.ts). */
const viewers: Partial<Record<Viewer, Credentials>> = {};
/**
 * Each role's session cookies, signed in through the form once per worker: the tests check the
 * pages a signed-in user sees, not signing in (the sign-in page has its own test here, and
 * e2e/admin/sign-in.spec.ts the form), and a sign-in per test was minutes of the run.
 */
const sessions: Partial<Record<Viewer, Cookie[]>> = {};

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  // Two accounts made through the forms: slow on a loaded machine.
  test.setTimeout(180_000);
  viewers.administrator = await createTestAdmin(browser);
  viewers.clerk = DEMO_CLERK;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, viewers.administrator);
  const auditor = uniqueEmail("e2e-auditor");
  await createUserViaForm(page, { email: auditor, name: "E2E Auditor", role: "Auditor" });
  viewers.auditor = { email: auditor, password: PASSWORD };
  await context.close();
  for (const [role, who] of Object.entries(viewers) as [Viewer, Credentials][]) {
    const signedIn = await browser.newContext();
    await signIn(await signedIn.newPage(), who);
    // Only the session: the language comes from each test's address.
    sessions[role] = (await signedIn.cookies()).filter((cookie) => cookie.name !== "NEXT_LOCALE");
    await signedIn.close();
  }
});

/**
 * Reading mode restyles the same components everywhere; the public suite checks it on every
 * public page type, so here it runs on the admin pages with the most kinds of component (nav,
 * tables, a form with errors, filters), in Chinese. Normal mode: every page type, both languages.
 */
const READING_MODE_SAMPLE = new Set(["dashboard (administrator)", "new user with errors", "audit trail, filtered"]);

for (const mode of ["normal", "reading"] as const) {
  for (const locale of mode === "reading" ? (["zh-CN"] as const) : LOCALES) {
    for (const pageType of ADMIN_PAGE_TYPES.filter((p) => mode === "normal" || READING_MODE_SAMPLE.has(p.name))) {
      const title = `admin ${pageType.name} (${locale}, ${mode} mode) has no WCAG 2.2 A/AA violations`;
      (pageType.pending ? test.fixme : test)(title, async ({ page, context, baseURL }) => {
        if (mode === "reading") await enableReadingMode(context, baseURL!);
        const session = sessions[pageType.as];
        if (session) await context.addCookies(session);
        const response = await page.goto(`/${locale}${pageType.path}`);
        expect(response?.status()).toBe(pageType.status ?? 200);
        await pageType.prepare?.(page, locale);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        expect(await axeViolations(page, mode)).toEqual([]);
      });
    }
  }
}
