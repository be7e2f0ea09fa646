import { expect, test } from "@playwright/test";

/**
 * The notices list in the real browser over the demo data: Chinese and English search, facets,
 * pagination that survives a reload, exact matches, and bad parameters normalized (never a 500).
 */
test.describe("notices list page", () => {
  test("pages through all notices, and the page survives a reload", async ({ page, request }) => {
    // Oldest first: notices other tests publish meanwhile join the end of the list, not the start,
    // so they cannot shift the second page between the click and the reload.
    await page.goto("/zh-CN/notices?sort=oldest");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    // Other tests may add notices meanwhile; at least the 62 demo notices are there.
    expect(Number((await page.getByTestId("result-count").textContent())!.replace(/\D/g, ""))).toBeGreaterThanOrEqual(62);
    expect((await (await request.get("/api/v1/notices")).json()).total).toBeGreaterThanOrEqual(62);
    await expect(page.getByTestId("search-hit")).toHaveCount(20);
    const firstTitle = await page.getByTestId("search-hit").first().getByRole("link").first().textContent();
    await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/[?&]page=2\b/);
    await expect(page).toHaveURL(/[?&]sort=oldest\b/);
    await expect(page.getByRole("navigation", { name: "分页" }).locator("[aria-current=page]")).toContainText("2");
    const secondPageTitle = await page.getByTestId("search-hit").first().getByRole("link").first().textContent();
    expect(secondPageTitle).not.toBe(firstTitle);
    await page.reload();
    await expect(page.getByTestId("search-hit").first().getByRole("link").first()).toHaveText(secondPageTitle!);
  });

  test("a two-character Chinese word finds notices containing it, with the match marked", async ({ page }) => {
    await page.goto("/zh-CN/notices");
    await page.getByRole("searchbox", { name: "检索公告" }).fill("土地");
    await page.getByRole("button", { name: "检索", exact: true }).click();
    await expect(page).toHaveURL(/q=%E5%9C%9F%E5%9C%B0/);
    const hits = page.getByTestId("search-hit");
    expect(await hits.count()).toBeGreaterThan(0);
    // Ranked: the best hit has the word in its title or its snippet.
    await expect(hits.first()).toContainText("土地");
    await expect(page.getByTestId("search-results").locator("mark").first()).toHaveText("土地");
  });

  test("a phrase must appear as written, not as scattered characters", async ({ request, page }) => {
    await page.goto(`/zh-CN/notices?q=${encodeURIComponent("信息公开")}`);
    const phrase = await page.getByTestId("search-hit").count();
    expect(phrase).toBeGreaterThan(0);
    for (const text of await page.getByTestId("search-hit").allTextContents()) expect(text.replace(/\s/g, "")).toMatch(/信息公开|信息|公开/);
    // The characters reversed are not the phrase: fewer (or no) notices have 开公息信.
    const reversed = await (await request.get(`/api/v1/notices?q=${encodeURIComponent("开公息信")}`)).json();
    expect(reversed.total).toBeLessThan(phrase);
  });

  test("English search stems and finds by prefix", async ({ page }) => {
    await page.goto(`/en/notices?q=planning`);
    const planning = Number((await page.getByTestId("result-count").textContent())!.match(/\d+/)![0]);
    expect(planning).toBeGreaterThan(0);
    await page.goto(`/en/notices?q=plann`);
    await expect(page.getByTestId("search-hit").first()).toBeVisible();
  });

  test("facet checkboxes filter, show as removable chips, and keep the query", async ({ page }) => {
    await page.goto(`/en/notices?q=${encodeURIComponent("公示")}`);
    const form = page.getByRole("form", { name: "Filters" });
    await form.getByRole("group", { name: "Status" }).getByRole("checkbox").first().check();
    await form.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=/);
    await expect(page).toHaveURL(/q=/);
    const chip = page.getByRole("link", { name: /^Remove filter: Status/ });
    await expect(chip).toBeVisible();
    await chip.click();
    await expect(page).not.toHaveURL(/status=/);
  });

  test("retracted and withheld filters show exactly those notices", async ({ page }) => {
    await page.goto("/en/notices?status=retracted");
    const statuses = await page.getByTestId("hit-status").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["Retracted"]));
    await page.goto("/en/notices?status=withheld");
    await expect(page.getByTestId("search-hit")).toContainText(["Part withheld by law"]);
  });

  test("a pasted document number, or a log index, is an exact match", async ({ page }) => {
    await page.goto(`/zh-CN/notices?q=${encodeURIComponent("海规资〔2026〕9号")}`);
    await expect(page.getByTestId("exact-matches")).toContainText("海平市2026年度国有建设用地供应计划");
    await page.goto(`/en/notices?q=${encodeURIComponent("#0")}`);
    await expect(page.getByTestId("exact-matches")).toContainText("Log index #0");
    await page.getByTestId("exact-matches").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/en\/n\/[^/]+\/v\/1$/);
  });

  test("a notice's id in any case, or an attachment's file name, finds the notice", async ({ page }) => {
    await page.goto("/en/notices?q=hp-plan-2026-038");
    await expect(page.getByTestId("exact-matches")).toContainText("Notice ID");
    await expect(page.getByTestId("search-hit").first().getByRole("link").first()).toHaveAttribute("href", /\/n\/HP-PLAN-2026-038(\/v\/\d+)?$/);
    await expect(page.getByText("No notices match.")).toHaveCount(0);
    for (const q of ["rd-centre-programme-2026-application-checklist.pdf", "rd-centre-programme-2026-application-checklist"]) {
      await page.goto(`/en/notices?q=${encodeURIComponent(q)}`);
      // A hit links the notice, or its current version's permalink.
      await expect(page.getByTestId("search-results").locator('a[href$="/n/HP-DRC-2026-026-EN"], a[href*="/n/HP-DRC-2026-026-EN/v/"]').first()).toBeVisible();
    }
  });

  test("snippets show a Markdown body as text, never its syntax", async ({ page }) => {
    await page.goto(`/zh-CN/notices?q=${encodeURIComponent("综合管廊")}`);
    const hits = await page.getByTestId("search-results").getByTestId("search-hit").allTextContents();
    expect(hits.length).toBeGreaterThan(0);
    for (const text of hits) expect(text).not.toMatch(/##|\*\*|---|\]\(|\||\d\. 规划建设/);
  });

  test("absurd parameters are normalized and explained, never an error page", async ({ page }) => {
    const response = await page.goto("/zh-CN/notices?page=-3&pageSize=7&status=bogus&from=2026-13-45&sort=random&x=1&agency=%3Cscript%3E");
    expect(response!.status()).toBe(200);
    await expect(page.getByTestId("search-problems")).toBeVisible();
    await expect(page.getByTestId("search-hit")).toHaveCount(20);
    const beyond = await page.goto("/en/notices?page=999");
    expect(beyond!.status()).toBe(200);
    await expect(page.getByRole("link", { name: "Go to the last page" })).toBeVisible();
  });
});
