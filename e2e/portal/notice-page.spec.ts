import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";

/** The notice as the API serves it: the page must agree with it. */
async function apiNotice(page: Page, id: string) {
  const response = await page.request.get(`/api/v1/notices/${id}`);
  expect(response.ok()).toBe(true);
  return response.json();
}

test("a seeded notice shows its details, attachments with SHA-256 and a citation with log index and checkpoint size, in both languages", async ({ page }) => {
  const id = "HP-FIN-2026-002";
  const notice = await apiNotice(page, id);
  const current = notice.versions.at(-1);
  for (const [locale, heading, cite] of [
    ["zh-CN", "附件", /公示日志索引 (\d+)，检查点大小 (\d+)/],
    ["en", "Attachments", /Gongshi log index (\d+), checkpoint size (\d+)/],
  ] as const) {
    const response = await page.goto(`/${locale}/n/${id}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const h1 = page.getByRole("heading", { level: 1 });
    await expect(h1).toHaveText(current.fields.title);
    await expect(h1).toHaveAttribute("lang", current.fields.language);
    await expect(page.getByRole("region", { name: locale === "en" ? "Text of the notice" : "公示正文" })).toHaveAttribute("lang", current.fields.language);
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    const attachments = page.getByTestId("attachment");
    await expect(attachments).toHaveCount(current.attachments.length);
    for (const [i, a] of current.attachments.entries()) {
      await expect(attachments.nth(i).getByRole("link", { name: a.fileName })).toHaveAttribute("href", a.url);
      await expect(attachments.nth(i).locator("code")).toHaveText(a.sha256);
      await expect(attachments.nth(i)).toContainText(String(a.size));
    }
    const citation = (await page.getByTestId("citation").textContent())!;
    const [, index, size] = citation.match(cite) ?? [];
    expect(Number(index)).toBe(current.log.index);
    // The first checkpoint that covered the version: fixed, so the citation is the same tomorrow.
    expect(Number(size)).toBe(current.log.checkpointSize);
    expect(Number(size)).toBeGreaterThan(current.log.index);
    expect(Number(size)).toBeLessThanOrEqual(notice.checkpoint.size);
    expect(citation).toContain(`/n/${id}/v/${current.version}`);
    expect(citation).toContain(current.fields.number);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", current.fields.title);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", new RegExp(current.fields.number.replace(/[[\]]/g, "\\$&")));
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", new RegExp(`/en/n/${id}$`));
  }
});

test("a version permalink shows that version and says which version is current", async ({ page }) => {
  const id = "HP-GOV-2026-039";
  const notice = await apiNotice(page, id);
  expect(notice.versions).toHaveLength(2);
  const response = await page.goto(`/en/n/${id}/v/1`);
  expect(response?.status()).toBe(200);
  const banner = page.getByRole("note").filter({ hasText: "You are viewing version 1" });
  await expect(banner).toContainText("The current version is version 2 (Corrected)");
  await expect(page.getByTestId("log-index")).toHaveText(`#${notice.versions[0].log.index}`);
  await expect(page.getByTestId("citation")).toContainText(`/n/${id}/v/1`);
  await expect(page.getByRole("region", { name: "Text of the notice" })).toContainText("市场监管管理局");
  await banner.getByRole("link", { name: "Go to the current version" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/n/${id}$`));
  await expect(page.getByRole("note").filter({ hasText: "corrected on" })).toBeVisible();
});

test("the compare form shows a word diff between two versions of a corrected notice, readable without colour", async ({ page }) => {
  const id = "HP-GOV-2026-039";
  await page.goto(`/zh-CN/n/${id}`);
  await page.getByLabel("比较版本").selectOption("1");
  await page.getByLabel("与版本").selectOption("2");
  await page.getByRole("button", { name: "显示差异" }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-CN/n/${id}/diff\\?from=1&to=2$`));
  const body = page.locator('[data-field="body"]');
  await expect(body).toHaveAttribute("data-change", "changed");
  const inserted = (await body.locator("ins").allTextContents()).join("");
  const deleted = (await body.locator("del").allTextContents()).join("");
  expect(inserted).toContain("督");
  expect(deleted).toContain("管");
  expect(inserted).toContain("[新增]");
  // Word granularity: the unchanged appointment text is not part of any change.
  expect(inserted + deleted).not.toContain("王建华");
  await expect(page.locator('[data-field="title"]')).toHaveAttribute("data-change", "same");
});

test("bad diff parameters are a 404, missing ones default to the latest change", async ({ page }) => {
  const id = "HP-GOV-2026-039";
  for (const query of ["from=0&to=2", "from=1&to=9", "from=x&to=2", "from=01&to=2", "from=1.0&to=2", "from=-1"]) {
    expect((await page.goto(`/en/n/${id}/diff?${query}`))?.status(), query).toBe(404);
  }
  expect((await page.goto(`/en/n/${id}/diff`))?.status()).toBe(200);
  await expect(page.locator("dl").first()).toContainText("Version 1");
  await expect(page.locator("dl").first()).toContainText("Version 2");
});

test("a retracted notice says so, gives the reason, and keeps earlier versions readable", async ({ page }) => {
  await page.goto("/en/n/HP-GOV-2026-047-EN");
  const banner = page.locator('[data-banner="retracted"]');
  await expect(banner).toContainText("This notice was retracted on");
  await expect(banner).toContainText("The draft has been withdrawn");
  await banner.getByRole("link", { name: /version 2/ }).click();
  await expect(page).toHaveURL(/\/en\/n\/HP-GOV-2026-047-EN\/v\/2$/);
  await expect(page.getByRole("region", { name: "Text of the notice" })).toBeVisible();
  await expect(page.locator('[data-banner="retracted"]')).toBeVisible();
});

test("unknown notices, unknown versions and malformed versions are a 404 page in the visitor's language", async ({ page }) => {
  const cases = [
    ["/zh-CN/n/NO-SUCH-NOTICE", "页面不存在"],
    ["/en/n/NO-SUCH-NOTICE/v/1", "Page not found"],
    ["/en/n/HP-GOV-2026-039/v/3", "Page not found"],
    ["/zh-CN/n/HP-GOV-2026-039/v/0", "页面不存在"],
    ["/zh-CN/n/HP-GOV-2026-039/v/abc", "页面不存在"],
    ["/en/n/HP-GOV-2026-039/v/01", "Page not found"],
    ["/en/n/HP-GOV-2026-039/v/99999999999999999999", "Page not found"],
    ["/en/n/%E2%80%AE%3Cscript%3E/v/1", "Page not found"],
  ] as const;
  for (const [path, title] of cases) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(title);
  }
});

/**
 * Inserts the hostile notice through the same service clerks use. Server modules import
 * `server-only`, which only loads under React's server condition, so this runs in a child
 * process with that condition (as the repository's scripts do).
 */
function insertHostileNotice(id: string): void {
  const script = `
    const { createPrisma } = await import("@/lib/server/db/client");
    const { recordNoticeVersion } = await import("@/lib/server/notices/record-notice-version");
    const prisma = createPrisma(process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongshi_e2e");
    await recordNoticeVersion(prisma, {
      noticeId: ${JSON.stringify(id)},
      agencyId: "hp-gov-office",
      kind: "publish",
      fields: {
        title: "Hostile body test",
        number: "TEST 1",
        category: "Test",
        language: "en",
        effectiveDate: "2026-01-01",
        body: ${JSON.stringify(HOSTILE_BODY)},
      },
    });
    await prisma.$disconnect();`;
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script], { stdio: "pipe", timeout: 60_000 });
}

const HOSTILE_BODY = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=1">',
  "[click](javascript:window.__pwned=1)",
  "[again](JaVaScRiPt:window.__pwned=1)",
  '<a href="javascript:window.__pwned=1">raw</a>',
].join("\n\n");

test("a notice whose body holds script, HTML and javascript: links renders inert", async ({ page }) => {
  const id = `E2E-HOSTILE-${Date.now()}`;
  insertHostileNotice(id);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const response = await page.goto(`/en/n/${id}`);
  expect(response?.status()).toBe(200);
  const body = page.getByRole("region", { name: "Text of the notice" });
  await expect(body).toContainText("<script>window.__pwned=1</script>");
  await expect(body.locator("script, img, iframe, [onerror]")).toHaveCount(0);
  await expect(page.locator("script").filter({ hasText: "__pwned" })).toHaveCount(0);
  for (const href of await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))) {
    expect(href.replace(/\s/g, "").toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/);
  }
  await expect(body.getByText("click")).toBeVisible();
  await body.getByText("click").click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // The committer logs it within a moment; the page then shows its log index.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("log-index")).toHaveText(/^#\d+$/);
  }).toPass({ timeout: 15_000 });
});
