import { expect, test, type Locator, type Page } from "@playwright/test";
import { axeViolations } from "../a11y/axe-check";
import { insertNoticeVersions } from "../support/insert-notice";
import { MOVED_SECTION_VERSIONS } from "../support/moved-section-notice";

/** The words each <ins> or <del> shows, without the screen-reader labels around them. */
function marked(scope: Locator, tag: "ins" | "del"): Promise<string[]> {
  return scope.locator(tag).evaluateAll((els) =>
    els.map((el) =>
      Array.from(el.childNodes)
        .filter((n) => !(n instanceof HTMLElement && n.classList.contains("sr-only")))
        .map((n) => n.textContent)
        .join(""),
    ),
  );
}

async function expectNoMarkdownSyntax(body: Locator) {
  const text = await body.innerText();
  for (const syntax of ["##", "**", "| ", " |", "---", "](", "> "]) expect(text, syntax).not.toContain(syntax);
}

async function expectNoPageScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test("the diff of an amended demo notice shows the rendered text, with changes marked word by word", async ({ page }) => {
  const response = await page.goto("/zh-CN/n/HP-PLAN-2026-003/diff?from=1&to=2");
  expect(response?.status()).toBe(200);
  const body = page.locator('[data-field="body"]').getByTestId("body-diff");
  await expectNoMarkdownSyntax(body);
  // Headings stay headings (under the field's h3), lists stay lists.
  await expect(body.getByRole("heading", { level: 4, name: /一、规划范围/ })).toBeVisible();
  await expect(body.locator("ul > li")).toHaveCount(5);
  await expect(body.locator("ol > li")).toHaveCount(3);
  await expect(body.locator("strong").filter({ hasText: "功能定位" })).toBeVisible();
  // Whole words (numbers here), not characters; the new section whole.
  const deleted = await marked(body, "del");
  const inserted = await marked(body, "ins");
  expect(deleted).toEqual(expect.arrayContaining(["3", "30", "6123401"]));
  expect(inserted).toEqual(expect.arrayContaining(["18", "45", "6132401", "五、现场说明会"]));
  await expect(body.locator("ins").filter({ hasText: "6132401" })).toContainText("[新增]");
  await expect(body.getByRole("heading", { level: 4, name: /五、现场说明会/ }).locator("ins")).toHaveCount(1);
  expect(await axeViolations(page, "normal")).toEqual([]);
});

test("an English notice's diff marks English words and keeps bold text bold", async ({ page }, testInfo) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/en/n/HP-PLAN-2026-003-EN/diff?from=1&to=2");
    const body = page.locator('[data-field="body"]').getByTestId("body-diff");
    await expectNoMarkdownSyntax(body);
    expect(await marked(body, "del")).toEqual(["3"]);
    const inserted = await marked(body, "ins");
    expect(inserted).toEqual(expect.arrayContaining(["18", " (extended)"]));
    await expect(body.locator("ins strong").filter({ hasText: "Information sessions." })).toHaveCount(1);
    await expect(body.locator("strong").filter({ hasText: "Consultation period." })).toHaveCount(1);
    await page.locator('[data-field="body"]').screenshot({ path: testInfo.outputPath(`diff-en-text-${width}.png`) });
    if (width === 390) await expectNoPageScroll(page);
  }
});

for (const [locale, away, here] of [
  ["zh-CN", "已移至下文", "以下内容由上文移至此处"],
  ["en", "Moved further down", "Moved here from further up"],
] as const) {
  test(`a moved section is shown as moved at both places, changed words as whole words (${locale}, desktop and phone)`, async ({ page }, testInfo) => {
    // Two page widths, each checked by axe, on a loaded 2-core machine.
    test.setTimeout(180_000);
    const movedNotice = `E2E-MOVED-${locale.toUpperCase()}-${Date.now()}`;
    insertNoticeVersions(movedNotice, "hp-gov-office", MOVED_SECTION_VERSIONS);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(`/${locale}/n/${movedNotice}/diff`);
      expect(response?.status()).toBe(200);
      const body = page.locator('[data-field="body"]').getByTestId("body-diff");
      await expectNoMarkdownSyntax(body);

      const marker = body.locator('[data-moved="away"]');
      await expect(marker).toHaveCount(1);
      await expect(marker).toContainText(away);
      await expect(marker).toContainText("二、施工安排");
      const section = body.locator('[data-moved="here"]');
      await expect(section).toHaveCount(1);
      await expect(section).toContainText(here);
      await expect(section.getByRole("heading", { level: 4 })).toContainText("施工安排");
      await expect(section.locator("li")).toHaveCount(2);
      // Moved, not deleted and inserted: its text appears once, in no <ins> or <del>.
      await expect(body.getByText("第一阶段")).toHaveCount(1);
      await expect(body.locator("ins, del").filter({ hasText: "第一阶段" })).toHaveCount(0);

      // Chinese changes are whole words: 修补 → 翻修 (a character diff would mark 补 and 翻).
      const deleted = await marked(body, "del");
      const inserted = await marked(body, "ins");
      expect(deleted).toEqual(expect.arrayContaining(["养护", "修补", "减速慢行"]));
      expect(inserted).toEqual(expect.arrayContaining(["维修", "翻修", "减速缓行"]));
      await expect(body.locator("div.overflow-x-auto > table")).toContainText("交通设施维护");

      await page.screenshot({ path: testInfo.outputPath(`diff-${locale}-${width}.png`), fullPage: true });
      await page.locator('[data-field="body"]').screenshot({ path: testInfo.outputPath(`diff-body-${locale}-${width}.png`) });
      if (width === 390) await expectNoPageScroll(page);
      else {
        // Each place links to the other.
        await marker.getByRole("link").click();
        await expect(page).toHaveURL(/#body-move-1$/);
        await section.getByRole("link").click();
        await expect(page).toHaveURL(/#body-move-1-from$/);
      }
      expect(await axeViolations(page, "normal")).toEqual([]);
    }
  });
}
