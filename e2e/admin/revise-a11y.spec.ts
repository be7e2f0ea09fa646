import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { enableReadingMode, LOCALES } from "../a11y/pages";
import { ADMIN, CLERK, ensureE2eAdministrator, OTHER_AGENCY_NOTICE, OWN_AGENCY_NOTICE, signIn } from "./revise-support";

/** The same rules as the public pages (e2e/a11y/axe.spec.ts), and in reading mode its AAA contrast. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const READING_MODE_RULES = ["color-contrast", "color-contrast-enhanced", "link-in-text-block", "target-size", "meta-viewport"];

// Several axe runs per test, after signing in, on a shared 2-core machine.
test.describe.configure({ timeout: 300_000 });

async function violations(page: Page, mode: "normal" | "reading" = "normal"): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (mode === "reading" ? builder.withRules(READING_MODE_RULES) : builder.withTags(WCAG_TAGS)).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
}

for (const locale of LOCALES) {
  const en = locale === "en";

  test(`the retract page, with and without field errors, and the 403 page (${locale}) have no WCAG 2.2 A/AA violations, nor in reading mode`, async ({
    page,
    context,
    baseURL,
  }) => {
    await signIn(page, CLERK, locale);
    await page.goto(`/${locale}/admin/notices/${OWN_AGENCY_NOTICE}/retract`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    expect(await violations(page)).toEqual([]);
    // Submitting nothing shows the errors; no retraction can happen without a reason.
    await page.getByRole("button", { name: en ? "Retract notice" : "撤回公示" }).click();
    await expect(page.locator("#reason-error")).not.toBeEmpty();
    expect(await violations(page)).toEqual([]);
    await page.goto(`/${locale}/admin/notices/${OTHER_AGENCY_NOTICE}/retract`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en ? "Not allowed" : "无权访问");
    expect(await violations(page)).toEqual([]);
    await enableReadingMode(context, baseURL!);
    await page.goto(`/${locale}/admin/notices/${OWN_AGENCY_NOTICE}/retract`);
    await expect(page.locator("html")).toHaveAttribute("data-reading-mode", "on");
    expect(await violations(page, "reading")).toEqual([]);
  });

  test(`the redact page's choice and confirmation steps (${locale}) have no WCAG 2.2 A/AA violations, nor in reading mode`, async ({ page, context, baseURL }) => {
    ensureE2eAdministrator();
    await signIn(page, ADMIN, locale);
    await page.goto(`/${locale}/admin/notices/${OWN_AGENCY_NOTICE}/redact`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.getByRole("button", { name: en ? "Review" : "检查" }).click();
    await expect(page.locator("#withhold-error")).not.toBeEmpty();
    expect(await violations(page)).toEqual([]);
    // Reviewing writes nothing: only "Confirm redaction" would.
    await page.getByRole("checkbox", { name: en ? "Category" : "类别", exact: true }).check();
    await page.getByLabel(en ? "Legal basis" : "法律依据").fill("《中华人民共和国个人信息保护法》第十三条");
    await page.getByRole("button", { name: en ? "Review" : "检查" }).click();
    await expect(page.getByTestId("redact-confirm")).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await enableReadingMode(context, baseURL!);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-reading-mode", "on");
    expect(await violations(page, "reading")).toEqual([]);
  });
}
