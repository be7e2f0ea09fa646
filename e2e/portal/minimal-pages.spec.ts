import { expect, test } from "@playwright/test";

test("the home page lists the latest notices and the log's size and checkpoint", async ({ page, request }) => {
  const info = await (await request.get("/api/v1/log")).json();
  await page.goto("/zh-CN");
  await expect(page.getByRole("heading", { name: /日志状态/ })).toBeVisible();
  expect(Number(await page.getByTestId("log-size").textContent())).toBeGreaterThanOrEqual(info.size);
  const notices = page.getByRole("region", { name: /最新公示/ }).getByTestId("search-hit");
  expect(await notices.count()).toBe(10);
  // Browse by agency and by category, each entry with its count, leading to a filtered list.
  const agencies = (await (await request.get("/api/v1/agencies")).json()).agencies as unknown[];
  await expect(page.getByTestId("browse-agencies").getByRole("listitem")).toHaveCount(agencies.length);
  const category = page.getByTestId("browse-categories").getByRole("link").first();
  const name = (await category.textContent())!;
  await category.click();
  await expect(page).toHaveURL(/\/zh-CN\/notices\?category=/);
  await expect(page.getByRole("link", { name: new RegExp(`类别: ${name}`) })).toBeVisible();
});

test("a notice page shows its content, history and log index", async ({ page, request }) => {
  await page.goto("/zh-CN");
  const first = page
    .getByRole("region", { name: /最新公示/ })
    .getByTestId("search-hit")
    .first()
    .getByRole("link")
    .first();
  const title = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { name: /版本历史/ })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const notice = await (await request.get(`/api/v1/notices/${id}`)).json();
  const current = notice.versions.at(-1);
  await expect(page.getByTestId("log-index")).toContainText(`#${current.log.index}`);
});

test("an unknown notice is a 404 page in the visitor's language", async ({ page }) => {
  let response = await page.goto("/zh-CN/n/NO-SUCH-NOTICE");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  response = await page.goto("/en/n/NO-SUCH-NOTICE");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the English notice page labels everything in English and keeps the content's own language", async ({ page }) => {
  await page.goto("/en");
  await expect(page.getByRole("heading", { name: "Latest notices" })).toBeVisible();
  await page.getByRole("region", { name: "Latest notices" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Version history" })).toBeVisible();
  const lang = await page.getByRole("heading", { level: 1 }).getAttribute("lang");
  expect(["zh-CN", "en"]).toContain(lang);
});

test("agency pages list the agencies and each agency's notices", async ({ page }) => {
  await page.goto("/zh-CN");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "发布机构" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "发布机构" })).toBeVisible();
  const agencies = page.getByRole("main").getByRole("link");
  expect(await agencies.count()).toBeGreaterThanOrEqual(6);
  const name = (await agencies.first().textContent())!;
  await agencies.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const notices = page.getByRole("region", { name: "本机构公示" }).getByRole("link");
  expect(await notices.count()).toBeGreaterThan(0);
  for (const text of await page.getByRole("region", { name: "本机构公示" }).getByRole("listitem").allTextContents()) {
    expect(text).toContain(name);
  }
  expect((await page.goto("/en/agencies/no-such-agency"))?.status()).toBe(404);
});

test("English pages set text in Latin fonts first, Chinese pages in Chinese fonts first", async ({ page }) => {
  const fontOf = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => getComputedStyle(element).fontFamily);
  await page.goto("/en/n/HP-PLAN-2026-038");
  // The citation line, whose quotation marks a CJK font draws full-width.
  for (const selector of ["body", "[data-testid=citation]"]) expect(await fontOf(selector), selector).toMatch(/^system-ui,/);
  await page.goto("/zh-CN/n/HP-PLAN-2026-038");
  for (const selector of ["body", "[data-testid=citation]"]) expect(await fontOf(selector), selector).toMatch(/^"PingFang SC",/);
});
