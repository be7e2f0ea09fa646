import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3100";
const pages = [
  ["notice", "/n/HP-PLAN-2026-003"],
  ["diff", "/n/HP-PLAN-2026-003/diff"],
  ["home", ""],
  ["log", "/log"],
  ["entries", "/log/entries"],
  ["notices", "/notices"],
];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const [w, h] of [[1280, 900], [390, 844]]) {
  for (const locale of ["zh-CN", "en"]) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    for (const [name, path] of pages) {
      await page.goto(`${base}/${locale}${path}`);
      if (name === "notice") {
        await page.getByRole("button", { name: /验证|Verify/ }).first().click().catch(() => {});
        await page.waitForTimeout(4000);
      }
      await page.screenshot({ path: `/tmp/shots/${name}-${locale}-${w}.png`, fullPage: true });
    }
    await page.close();
  }
}
await browser.close();
