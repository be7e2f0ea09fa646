/**
 * One language at a time: the category facets, the home page's categories and the list rows
 * speak the page's language (lib/shared/categories/vocabulary.ts), rows in the other language carry a
 * tag naming theirs, and a notice and its translation (lib/server/seed/demo-translations.ts) link each
 * other both ways. Zero axe violations on each page, in both languages.
 */
import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "../a11y/axe-check";

const CJK = /[\u3400-\u9fff]/;
const LATIN = /[A-Za-z]/;
/** A Chinese notice of the demo and its English translation. */
const ORIGINAL = "HP-FIN-2026-002";
const TRANSLATION = "HP-FIN-2026-002-EN";

/** The labels of the search page's category checkboxes, without their counts. */
async function categoryLabels(page: Page, legend: string): Promise<string[]> {
  const group = page.getByRole("group", { name: legend, exact: true });
  const labels = await group.locator("label").allTextContents();
  return labels.map((l) => l.replace(/\s*\(\d+\)\s*$/, "").trim());
}

test("the English search page lists categories only in English, the Chinese page only in Chinese", async ({ page }) => {
  await page.goto("/en/notices");
  const english = await categoryLabels(page, "Category");
  expect(english.length).toBeGreaterThan(5);
  expect(english.filter((l) => CJK.test(l))).toEqual([]);
  expect(english).toContain("Urban and rural planning");
  // A category that old notices spelled in both languages is one entry.
  expect(english.filter((l) => /planning/i.test(l))).toEqual(["Urban and rural planning"]);
  expect(await axeViolations(page, "normal")).toEqual([]);

  await page.goto("/zh-CN/notices");
  const chinese = await categoryLabels(page, "类别");
  expect(chinese.length).toBe(english.length);
  expect(chinese.filter((l) => LATIN.test(l))).toEqual([]);
  expect(chinese).toContain("城乡规划");
  expect(await axeViolations(page, "normal")).toEqual([]);
});

test("filtering by a category uses its slug in the URL, and an old label link still filters", async ({ page }) => {
  await page.goto("/en/notices");
  await page
    .getByRole("group", { name: "Category", exact: true })
    .getByLabel(/^Budgets and final accounts/)
    .check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]category=budget(&|$)/);
  const hits = page.getByTestId("search-hit");
  await expect(hits.first()).toBeVisible();
  const titles = await hits.getByRole("link").allTextContents();
  // The Chinese budget notices and the English summary, under one category.
  expect(titles.some((t) => CJK.test(t))).toBe(true);
  expect(titles.some((t) => !CJK.test(t))).toBe(true);

  await page.goto(`/zh-CN/notices?category=${encodeURIComponent("预算公开")}`);
  await expect(page.getByRole("group", { name: "类别", exact: true }).getByLabel(/^预决算公开/)).toBeChecked();
  await expect(page.getByTestId("search-problems")).toHaveCount(0);
  await expect(page.getByTestId("search-hit")).toHaveCount(titles.length);
});

test("the home page browses categories in the page's language", async ({ page }) => {
  for (const [locale, foreign] of [
    ["en", CJK],
    ["zh-CN", LATIN],
  ] as const) {
    await page.goto(`/${locale}`);
    const names = await page.getByTestId("browse-categories").getByRole("link").allTextContents();
    expect(names.length).toBeGreaterThan(5);
    expect(
      names.filter((n) => foreign.test(n)),
      locale,
    ).toEqual([]);
  }
});

test("rows in the other language carry a tag naming theirs; rows in the page's language carry none", async ({ page }) => {
  await page.goto("/zh-CN/notices?language=en");
  const rows = page.getByTestId("search-hit");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  await expect(rows.getByTestId("language-tag")).toHaveCount(count);
  await expect(rows.first().getByTestId("language-tag")).toHaveText("English");
  await expect(rows.first().getByTestId("language-tag")).toHaveAttribute("lang", "en");
  await page.goto("/zh-CN/notices?language=zh-CN");
  await expect(page.getByTestId("search-hit").first()).toBeVisible();
  await expect(page.getByTestId("language-tag")).toHaveCount(0);
  await page.goto("/en/notices?language=zh-CN");
  await expect(page.getByTestId("search-hit").first().getByTestId("language-tag")).toHaveText("中文");
  expect(await axeViolations(page, "normal")).toEqual([]);
});

test("a notice and its translation link each other, each link in its target's language", async ({ page }) => {
  await page.goto(`/zh-CN/n/${ORIGINAL}`);
  const toEnglish = page.getByTestId("notice-translations").getByRole("link", { name: "Also in English" });
  await expect(toEnglish).toHaveAttribute("lang", "en");
  await expect(page.getByText("Budgets and final accounts")).toHaveCount(0);
  expect(await axeViolations(page, "normal")).toEqual([]);
  await toEnglish.click();
  await expect(page).toHaveURL(new RegExp(`/en/n/${TRANSLATION}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("English Summary");
  // The category in the page's language, whichever language the notice committed it in.
  await expect(page.locator("dd", { hasText: "Budgets and final accounts" })).toBeVisible();

  const toChinese = page.getByTestId("notice-translations").getByRole("link", { name: "另有中文版" });
  await expect(toChinese).toHaveAttribute("lang", "zh-CN");
  expect(await axeViolations(page, "normal")).toEqual([]);
  await toChinese.click();
  await expect(page).toHaveURL(new RegExp(`/zh-CN/n/${ORIGINAL}$`));
  await expect(page.locator("dd", { hasText: "预决算公开" })).toBeVisible();
});

test("a notice without a translation shows no translation links", async ({ page }) => {
  await page.goto("/en/n/HP-FIN-2026-006");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("notice-translations")).toHaveCount(0);
});
