import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { expectFailedAt, expectVerified, forgedHistory, KEPT_CHECKPOINT_KEY, startVerify } from "./verify-support";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function violations(page: import("@playwright/test").Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid="verify-control"]').withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
}

test("the open Verify panel has no WCAG 2.2 A/AA violations, verified or showing two histories", async ({ page }) => {
  test.slow();
  await page.goto("/zh-CN/n/HP-PLAN-2026-003");
  await page.evaluate(() => localStorage.clear());
  await expectVerified(await startVerify(page, "验证此版本"));
  expect(await violations(page)).toEqual([]);

  const size = Number((await (await page.request.get("/log/checkpoint")).text()).split("\n")[1]);
  await page.evaluate(([key, note]) => localStorage.setItem(key!, note!), [KEPT_CHECKPOINT_KEY, forgedHistory(size)]);
  await page.reload();
  await expectFailedAt(await startVerify(page, "验证此版本"), "consistency");
  await expect(page.getByTestId("two-histories")).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("the Verify button is reached and pressed by keyboard, and keeps focus while the panel opens", async ({ page }) => {
  await page.goto("/en/n/HP-PLAN-2026-003");
  const button = page.getByRole("button", { name: "Verify this version" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(button).toBeFocused();
  await expectVerified(page.getByTestId("verify-panel").locator("[data-verify-status]"));
});
