import { expect, test } from "@playwright/test";

for (const [path, lang, skip] of [
  ["/zh-CN", "zh-CN", "跳到正文"],
  ["/en", "en", "Skip to main content"],
] as const) {
  test(`home page ${path} renders in ${lang} with a heading, html lang set, and no console errors`, async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));

    const response = await page.goto(path);
    expect(response?.status()).toBe(200);

    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page).toHaveTitle(/Gongshi/);
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    await expect(page.getByRole("link", { name: skip })).toHaveAttribute("href", "#main");

    // Let hydration and any late client errors surface before checking.
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
  });
}

test("a link without a language goes to the visitor's language", async ({ browser }) => {
  for (const [browserLocale, expected] of [
    ["zh-CN", /\/zh-CN$/],
    ["en-US", /\/en$/],
  ] as const) {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(expected);
    await context.close();
  }
});

test("the language switch leads to the same page in the other language", async ({ page }) => {
  await page.goto("/zh-CN");
  await page.getByRole("link", { name: "切换到英文版" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "Switch to the Chinese version" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});
