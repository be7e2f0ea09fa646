import { expect, test } from "@playwright/test";
import { enableReadingMode, NOTICE_ID } from "../a11y/pages";

test.use({ viewport: { width: 390, height: 844 } });

for (const readingMode of [false, true]) {
  test(`on a 390 px phone${readingMode ? " in reading mode" : ""} the version table keeps each version, kind and log index on one line`, async ({ page, baseURL }) => {
    if (readingMode) await enableReadingMode(page.context(), baseURL!);
    await page.goto(`/zh-CN/n/${NOTICE_ID}`);
    const rows = page
      .getByRole("table")
      .filter({ has: page.getByRole("columnheader", { name: "变更" }) })
      .locator("tr");
    expect(await rows.count()).toBeGreaterThan(2);
    // Version, change and log index: short words that must not break; the two date columns may wrap.
    const cells = await rows.evaluateAll((trs) =>
      trs.flatMap((tr) =>
        [0, 1, 4]
          .map((i) => tr.children[i])
          .map((cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell!);
            // One line of text has one client rect per text run on that line, all on one top.
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            return { text: cell!.textContent, lines: tops.size };
          }),
      ),
    );
    for (const cell of cells) expect(cell, cell.text ?? "").toMatchObject({ lines: 1 });
  });
}

test("a file input shows a real button, not plain text", async ({ page }) => {
  await page.goto("/zh-CN/verify");
  const input = page.locator('input[type="file"]').first();
  await expect(input).toBeAttached();
  const button = await input.evaluate((el) => {
    const s = getComputedStyle(el, "::file-selector-button");
    return { border: s.borderTopWidth, style: s.borderTopStyle, padding: parseFloat(s.paddingLeft) };
  });
  expect(button).toMatchObject({ border: "1px", style: "solid" });
  expect(button.padding).toBeGreaterThanOrEqual(8);
});
