import { expect, test } from "@playwright/test";
import { enableReadingMode, NOTICE_ID } from "../a11y/pages";

test.use({ viewport: { width: 390, height: 844 } });

for (const readingMode of [false, true]) {
  test(`on a 390 px phone${readingMode ? " in reading mode" : ""} the version table keeps each kind and version on one line`, async ({ page, baseURL }) => {
    if (readingMode) await enableReadingMode(page.context(), baseURL!);
    await page.goto(`/zh-CN/n/${NOTICE_ID}`);
    const rows = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "变更" }) }).locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(1);
    const cells = await rows.evaluateAll((trs) =>
      trs.flatMap((tr) =>
        [tr.querySelector("th"), tr.querySelectorAll("td")[0]].map((cell) => {
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
