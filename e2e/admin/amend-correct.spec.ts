import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";

// Each step waits on a server action and a re-render; the shared 2-core machine is often loaded.
const expect = baseExpect.configure({ timeout: 20_000 });
import { fillNotice, markdownBody, newDraft, signIn, uniqueWord } from "./editor-support";

/** Publishes a complete new notice through the editor (English UI); returns its id once logged. */
async function publishNew(page: Page, title: string, body: string): Promise<string> {
  await newDraft(page, "en");
  await fillNotice(page, { title, category: "Urban and rural planning", body });
  await page.getByRole("button", { name: "Publish…" }).click();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/notices\/HP-PLANNING-2026-[0-9A-Z]{6}$/);
  await expect(page.getByTestId("log-status")).toHaveText(/is in the log: entry \d+\.$/, { timeout: 20_000 });
  return page.url().split("/").pop()!;
}

/** The leaf of the latest version of the notice, as the public log API serves it. */
async function latestLeaf(page: Page, noticeId: string): Promise<{ kind: string; notice: string; version: number }> {
  let index: number | undefined;
  await expect(async () => {
    const notice = await (await page.request.get(`/api/v1/notices/${noticeId}`)).json();
    index = notice.versions.at(-1).log?.index;
    expect(index).toEqual(expect.any(Number));
  }).toPass({ timeout: 20_000 });
  const entry = await (await page.request.get(`/api/v1/log/entries/${index}`)).json();
  return JSON.parse(Buffer.from(entry.leaf, "base64").toString("utf8"));
}

test("amend then correct a published notice in the editor: diff previews, versions 2 and 3 in the log, public banners", async ({ page }) => {
  test.slow();
  const word = uniqueWord();
  await signIn(page, "en");
  const noticeId = await publishNew(page, `Road works ${word}`, "Works start on Monday.");

  await page.getByRole("button", { name: "Amend" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: `Draft amendment of ${noticeId}` })).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(`Road works ${word}`);
  await (await markdownBody(page, "en")).fill("Works start on Tuesday.");
  await page.getByRole("button", { name: "Save draft" }).click();
  const diff = page.getByTestId("diff-preview");
  await expect(diff.locator('[data-field="body"] ins')).toContainText("Tuesday");
  await expect(diff.locator('[data-field="body"] del')).toContainText("Monday");
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(page.getByTestId("diff-preview").locator('[data-field="body"] ins')).toContainText("Tuesday");
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/admin/notices/${noticeId}$`));
  await expect(page.getByTestId("log-status")).toHaveText(/^Version 2 is in the log: entry \d+\.$/, { timeout: 20_000 });
  expect(await latestLeaf(page, noticeId)).toMatchObject({ kind: "amend", notice: noticeId, version: 2 });

  await page.getByRole("button", { name: "Correct" }).click();
  await expect(page.getByRole("heading", { name: `Draft correction of ${noticeId}` })).toBeVisible();
  await page.getByLabel("Effective date").fill("2026-12-02");
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(page.getByTestId("diff-preview").locator('[data-field="effectiveDate"]')).toHaveAttribute("data-change", "changed");
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("log-status")).toHaveText(/^Version 3 is in the log: entry \d+\.$/, { timeout: 20_000 });
  expect(await latestLeaf(page, noticeId)).toMatchObject({ kind: "correct", notice: noticeId, version: 3 });
  await expect(page.getByTestId("admin-version")).toHaveCount(3);

  await page.goto(`/en/n/${noticeId}`);
  await expect(page.locator('[data-banner="corrected"]')).toContainText("(version 3)");
  await page.goto(`/en/n/${noticeId}/v/2`);
  await expect(page.getByText("Works start on Tuesday.")).toBeVisible();
  await page.goto(`/en/n/${noticeId}/v/1`);
  await expect(page.getByText("Works start on Monday.")).toBeVisible();
});

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

for (const locale of ["zh-CN", "en"] as const) {
  test(`the dashboard, the editor (also with field errors), the new-notice page and the notice admin page have no WCAG 2.2 A/AA violations (${locale})`, async ({ page }) => {
    // Several pages, each analysed by axe, on a shared 2-core machine.
    test.setTimeout(480_000);
    await signIn(page, locale);
    const editor = new URL(await newDraft(page, locale)).pathname;
    const violations: string[] = [];
    const analyze = async (label: string) => {
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      violations.push(...results.violations.flatMap((v) => v.nodes.map((n) => `${label} ${v.id}: ${JSON.stringify(n.target)}`)));
    };
    for (const path of [`/${locale}/admin`, editor, `/${locale}/admin/notices/new`, `/${locale}/admin/notices/HP-PLAN-2026-003`]) {
      await page.goto(path);
      await analyze(path);
    }
    // The editor as after a failed publish: every required field marked, messages showing.
    await page.goto(editor);
    await page.getByRole("button", { name: locale === "en" ? "Publish…" : "发布…" }).click();
    await expect(page.locator("#title-error")).toHaveText(locale === "en" ? "Required." : "必填。");
    await analyze("editor with errors");
    expect(violations).toEqual([]);
  });
}
