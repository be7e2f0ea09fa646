import { expect, test, type Page } from "@playwright/test";
import { enableReadingMode, READING_MODE_COOKIE } from "./pages";

/** WCAG relative-luminance contrast of an element's text against white, the page's card colour. */
async function look(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const s = getComputedStyle(el);
      const channel = (v: number) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      // Chromium may report oklch(); a 1×1 canvas converts any CSS colour to sRGB bytes.
      const ctx = document.createElement("canvas").getContext("2d")!;
      ctx.fillStyle = s.color;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      const luminance = 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
      return { fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight), contrast: 1.05 / (luminance + 0.05) };
    });
}

test("reading mode makes text larger, more spaced and higher in contrast, and persists across reloads and pages", async ({ page }) => {
  await page.goto("/zh-CN/about");
  const toggle = page.getByRole("button", { name: "适老模式" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const before = await look(page, "footer p");

  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-reading-mode", "on");
  await expect(page.getByRole("button", { name: "适老模式" })).toHaveAttribute("aria-pressed", "true");
  const after = await look(page, "footer p");
  expect(after.fontSize).toBeGreaterThan(before.fontSize * 1.2);
  expect(after.lineHeight).toBeGreaterThan(before.lineHeight);
  expect(after.contrast).toBeGreaterThan(before.contrast);
  expect(after.contrast).toBeGreaterThanOrEqual(7);

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-reading-mode", "on");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "日志" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/log$/);
  await expect(page.locator("html")).toHaveAttribute("data-reading-mode", "on");
  await page.goto("/en");
  await expect(page.getByRole("button", { name: "Large text" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "Large text" }).click();
  await expect(page.getByRole("button", { name: "Large text" })).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator("html")).not.toHaveAttribute("data-reading-mode", /.*/);
  await page.reload();
  await expect(page.locator("html")).not.toHaveAttribute("data-reading-mode", /.*/);
});

test("reading mode is in the server's HTML, so the first paint is already large", async ({ request }) => {
  const withCookie = await request.get("/zh-CN", { headers: { cookie: `${READING_MODE_COOKIE}=on` } });
  expect(await withCookie.text()).toMatch(/<html[^>]*data-reading-mode="on"/);
  const without = await request.get("/zh-CN", { headers: { cookie: `${READING_MODE_COOKIE}=off` } });
  expect(await without.text()).not.toMatch(/<html[^>]*data-reading-mode/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the reading mode switch still works and persists", async ({ page }) => {
    await page.goto("/zh-CN/accessibility");
    await page.getByRole("button", { name: "适老模式" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-reading-mode", "on");
    await page.goto("/zh-CN/log");
    await expect(page.getByRole("button", { name: "适老模式" })).toHaveAttribute("aria-pressed", "true");
  });
});

test("in reading mode the header and footer links stay on one baseline (a flex row takes no paragraph spacing)", async ({ page, baseURL }) => {
  await enableReadingMode(page.context(), baseURL!);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/zh-CN/about");
  await expect(page.locator("html")).toHaveAttribute("data-reading-mode", "on");
  for (const nav of [page.getByRole("navigation", { name: "主导航" }), page.locator("footer nav")]) {
    const tops = await nav.locator("li").evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top));
    expect(tops.length).toBeGreaterThan(1);
    // All on the first row at this width: every item's top within a pixel of the first one's.
    for (const top of tops) expect(Math.abs(top - tops[0]!)).toBeLessThanOrEqual(1);
  }
  // Stacked paragraphs still get the extra spacing.
  const gap = await page
    .locator("main p + p")
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).marginBlockStart));
  expect(gap).toBeGreaterThan(0);
});
