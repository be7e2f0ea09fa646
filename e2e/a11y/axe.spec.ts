import { expect, test } from "@playwright/test";
import { axeViolations } from "./axe-check";
import { enableReadingMode, LOCALES, PAGE_TYPES, url } from "./pages";

// The longest files of the suite, of independent tests: spread over both workers rather than
// holding one to the end of the run.
test.describe.configure({ mode: "parallel" });

// Reading mode (适老模式) changes styles only, the same in both languages, so it is checked in
// Chinese, the language of most of its readers; the normal mode in both (keeps CI well under 30 min).
for (const mode of ["normal", "reading"] as const) {
  for (const locale of mode === "reading" ? (["zh-CN"] as const) : LOCALES) {
    for (const pageType of PAGE_TYPES) {
      const title = `${pageType.name} (${locale}, ${mode} mode) has no WCAG 2.2 A/AA violations`;
      (pageType.pending ? test.fixme : test)(title, async ({ page, context, baseURL }) => {
        if (mode === "reading") await enableReadingMode(context, baseURL!);
        const response = await page.goto(url(locale, pageType));
        expect(response?.status()).toBe(pageType.status ?? 200);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        if (mode === "reading") await expect(page.locator("html")).toHaveAttribute("data-reading-mode", "on");
        expect(await axeViolations(page, mode)).toEqual([]);
      });
    }
  }
}
