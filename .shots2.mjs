import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3100";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const locale of ["zh-CN", "en"]) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${base}/${locale}/n/HP-PLAN-2026-003`);
  await page.screenshot({ path: `/tmp/shots/p-top-${locale}.png` });
  await page.getByRole("button", { name: /验证此版本|Verify this version/ }).first().click();
  await page.waitForTimeout(5000);
  await page.locator('[data-testid="proof-details"]').scrollIntoViewIfNeeded();
  const panel = page.locator("section", { has: page.locator("details") }).first();
  await panel.screenshot({ path: `/tmp/shots/p-verdict-${locale}.png` }).catch((e) => console.log(e.message));
  await page.locator("section[aria-labelledby=history]").screenshot({ path: `/tmp/shots/p-history-${locale}.png` });
  await page.goto(`${base}/${locale}/n/HP-PLAN-2026-003/diff?from=1&to=2`);
  await page.screenshot({ path: `/tmp/shots/p-diff-${locale}.png` });
  await page.mouse.wheel(0, 800); await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/p-diff2-${locale}.png` });
  await page.close();
}
await browser.close();
