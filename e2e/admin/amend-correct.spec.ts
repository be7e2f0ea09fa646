import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";

// Each step waits on a server action and a re-render; the shared 2-core machine is often loaded.
const expect = baseExpect.configure({ timeout: 20_000 });
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
import { fillNotice, fillReason, markdownBody, newDraft, signIn, uniqueWord } from "./editor-support";

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
async function latestLeaf(page: Page, noticeId: string): Promise<{ kind: string; notice: string; version: number; fields: Record<string, string> }> {
  let index: number | undefined;
  await expect(async () => {
    const notice = await (await page.request.get(`/api/v1/notices/${noticeId}`)).json();
    index = notice.versions.at(-1).log?.index;
    expect(index).toEqual(expect.any(Number));
  }).toPass({ timeout: 20_000 });
  const entry = await (await page.request.get(`/api/v1/log/entries/${index}`)).json();
  return JSON.parse(Buffer.from(entry.leaf, "base64").toString("utf8"));
}

test("amend then correct a published notice in the editor, each stating its reason: diff previews, versions 2 and 3 in the log, public banners with the reasons", async ({
  page,
}) => {
  test.slow();
  const word = uniqueWord();
  await signIn(page, "en");
  const noticeId = await publishNew(page, `Road works ${word}`, "Works start on Monday.");

  await page.getByRole("button", { name: "Amend" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: `Draft amendment of ${noticeId}` })).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(`Road works ${word}`);
  await expect(page.getByLabel("Reason for this amendment")).toHaveValue("");
  await (await markdownBody(page, "en")).fill("Works start on Tuesday.");
  await page.getByRole("button", { name: "Save draft" }).click();
  const diff = page.getByTestId("diff-preview");
  await expect(diff.locator('[data-field="body"] ins')).toContainText("Tuesday");
  await expect(diff.locator('[data-field="body"] del')).toContainText("Monday");
  // Without a reason the amendment goes no further than the editor, which says what is missing.
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(page.locator("#reason-error")).toHaveText("Required.");
  await expect(page.getByLabel("Reason for this amendment")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Text (Markdown)")).toHaveValue("Works start on Tuesday.");
  expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
  await fillReason(page, "amend", `The contractor moved the start ${word}.`, { detail: "Monday is a public holiday.\nNothing else changes." });
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(page).toHaveURL(/\/publish$/);
  await expect(page.getByText(`The contractor moved the start ${word}.`)).toBeVisible();
  await expect(page.getByTestId("diff-preview").locator('[data-field="body"] ins')).toContainText("Tuesday");
  // The reason is the version's, not a change of the notice: the diff preview has no reason field.
  await expect(page.getByTestId("diff-preview").locator('[data-field="reason"]')).toHaveCount(0);
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/admin/notices/${noticeId}$`));
  await expect(page.getByTestId("log-status")).toHaveText(/^Version 2 is in the log: entry \d+\.$/, { timeout: 20_000 });
  const amendLeaf = await latestLeaf(page, noticeId);
  expect(amendLeaf).toMatchObject({ kind: "amend", notice: noticeId, version: 2 });
  expect(Object.keys(amendLeaf.fields)).toEqual(expect.arrayContaining(["reason", "reasonDetail", "body"]));

  await page.getByRole("button", { name: "Correct" }).click();
  await expect(page.getByRole("heading", { name: `Draft correction of ${noticeId}` })).toBeVisible();
  // A new revision states its own reason: the amendment's is not carried over.
  await expect(page.getByLabel("Reason for this correction")).toHaveValue("");
  await page.getByLabel("Effective date").fill("2026-12-02");
  await fillReason(page, "correct", "The effective date was a day early.");
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(page.getByTestId("diff-preview").locator('[data-field="effectiveDate"]')).toHaveAttribute("data-change", "changed");
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("log-status")).toHaveText(/^Version 3 is in the log: entry \d+\.$/, { timeout: 20_000 });
  const correctLeaf = await latestLeaf(page, noticeId);
  expect(correctLeaf).toMatchObject({ kind: "correct", notice: noticeId, version: 3 });
  expect(Object.keys(correctLeaf.fields)).toContain("reason");
  expect(Object.keys(correctLeaf.fields)).not.toContain("reasonDetail");
  await expect(page.getByTestId("admin-version")).toHaveCount(3);

  await page.goto(`/en/n/${noticeId}`);
  const corrected = page.locator('[data-banner="corrected"]');
  await expect(corrected).toContainText("(version 3)");
  await expect(corrected.getByTestId("banner-reason")).toHaveText("Reason for correction: The effective date was a day early.");
  await page.goto(`/zh-CN/n/${noticeId}`);
  await expect(page.locator('[data-banner="corrected"]').getByTestId("banner-reason")).toHaveText("更正原因：The effective date was a day early.");
  // Version 2's permalink says why version 2 was made, in both languages, with its detail.
  await page.goto(`/zh-CN/n/${noticeId}/v/2`);
  const revised = page.locator('[data-banner="revisedBy"]');
  await expect(revised).toContainText("第 2 版对本公示作了修订。");
  await expect(revised.getByTestId("banner-reason")).toContainText(`修订原因：The contractor moved the start ${word}.`);
  await expect(revised.getByTestId("banner-reason")).toContainText("Monday is a public holiday.");
  await page.goto(`/en/n/${noticeId}/v/2`);
  await expect(page.locator('[data-banner="revisedBy"]').getByTestId("banner-reason")).toContainText(`Reason for amendment: The contractor moved the start ${word}.`);
  await expect(page.getByText("Works start on Tuesday.")).toBeVisible();
  // The diff page states the newer version's reason above the changes, and lists no reason field.
  await page.goto(`/en/n/${noticeId}/diff?from=1&to=2`);
  await expect(page.locator('[data-banner="reason"]')).toContainText(`Reason for amendment: The contractor moved the start ${word}.`);
  await expect(page.locator('[data-field="reason"]')).toHaveCount(0);
  await page.goto(`/en/n/${noticeId}/v/1`);
  await expect(page.getByText("Works start on Monday.")).toBeVisible();
});

test("an amendment's reason in the Chinese editor is shown as 修订原因 on the public page", async ({ page }) => {
  test.slow();
  const word = uniqueWord();
  await signIn(page, "en");
  const noticeId = await publishNew(page, `Bus stop ${word}`, "The stop moves on 1 May.");
  await page.goto(`/zh-CN/admin/notices/${noticeId}`);
  await page.getByRole("button", { name: "修订", exact: true }).click();
  await expect(page).toHaveURL(/\/zh-CN\/admin\/drafts\/[0-9a-f-]{36}$/);
  await page.getByLabel("正文（Markdown）").fill("The stop moves on 8 May.");
  await fillReason(page, "amend", `应居民要求，迁移日期推迟一周 ${word}。`, { locale: "zh-CN" });
  await page.getByRole("button", { name: "发布…" }).click();
  await expect(page.getByText(`应居民要求，迁移日期推迟一周 ${word}。`)).toBeVisible();
  await page.getByRole("button", { name: "立即发布" }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-CN/admin/notices/${noticeId}$`));
  await page.goto(`/zh-CN/n/${noticeId}`);
  await expect(page.locator('[data-banner="amended"]').getByTestId("banner-reason")).toHaveText(`修订原因：应居民要求，迁移日期推迟一周 ${word}。`);
  await page.goto(`/en/n/${noticeId}`);
  await expect(page.locator('[data-banner="amended"]').getByTestId("banner-reason")).toHaveText(`Reason for amendment: 应居民要求，迁移日期推迟一周 ${word}。`);
});

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
