import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { enableReadingMode, LOCALES, PAGE_TYPES, url } from "./pages";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const READING_MODE_RULES = ["color-contrast", "color-contrast-enhanced", "link-in-text-block", "target-size", "meta-viewport"];

/** Violations as short lines, so a failure says which rule and which element. */
function summary(violations: { id: string; nodes: { target: unknown }[] }[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
}

for (const mode of ["normal", "reading"] as const) {
  for (const locale of LOCALES) {
    for (const pageType of PAGE_TYPES) {
      const title = `${pageType.name} (${locale}, ${mode} mode) has no WCAG 2.2 A/AA violations`;
      (pageType.pending ? test.fixme : test)(title, async ({ page, context, baseURL }) => {
        if (mode === "reading") await enableReadingMode(context, baseURL!);
        const response = await page.goto(url(locale, pageType));
        expect(response?.status()).toBe(pageType.status ?? 200);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        if (mode === "reading") await expect(page.locator("html")).toHaveAttribute("data-reading-mode", "on");
        // Reading mode changes only styles (same markup), so there the rules that depend on
        // styles run — including the AAA contrast level it promises, 7:1 (WCAG 1.4.6).
        const builder = new AxeBuilder({ page });
        const results = await (mode === "reading" ? builder.withRules(READING_MODE_RULES) : builder.withTags(WCAG_TAGS)).analyze();
        expect(summary(results.violations)).toEqual([]);
      });
    }
  }
}
