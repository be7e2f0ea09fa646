import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { fillReason, markdownBody, signIn, uniqueWord } from "./editor-support";
import { amendFreshNotice, publishFreshNotice } from "./revise-support";

// Each step waits on a server action and a re-render; the shared 2-core machine is often loaded.
const expect = baseExpect.configure({ timeout: 20_000 });
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function noViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`))).toEqual([]);
}

/** Opens an amendment draft of a fresh notice and saves `body` in it; returns the notice id. */
async function amendDraft(page: Page, locale: "zh-CN" | "en", label: string, body: string): Promise<string> {
  const { noticeId } = publishFreshNotice(label);
  await page.goto(`/${locale}/admin/notices/${noticeId}`);
  await page.getByRole("button", { name: locale === "en" ? "Amend" : "修订", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/drafts/[0-9a-f-]{36}$`));
  await (await markdownBody(page, locale)).fill(body);
  await fillReason(page, "amend", locale === "en" ? "Text rewritten." : "正文重写。", { locale });
  await page.getByRole("button", { name: locale === "en" ? "Save draft" : "保存草稿" }).click();
  await expect(page.getByTestId("diff-preview").locator('[data-field="body"] ins').first()).toContainText(body.split(" ")[0]!);
  return noticeId;
}

test("a draft overtaken by a newer version says which, shows what changed, rebases and then publishes as the next version (en)", async ({ page }) => {
  test.slow();
  const word = uniqueWord();
  await signIn(page, "en");
  const noticeId = await amendDraft(page, "en", `stale ${word}`, `Clerk typed ${word}.`);
  // Another clerk publishes version 2 behind the editor's back (the real publishing services).
  amendFreshNotice(noticeId, 1, `Changed elsewhere ${word}`, { body: "Another clerk's text." });

  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(page).toHaveURL(/\/publish$/);
  await page.getByRole("button", { name: "Publish now" }).click();
  const stale = page.getByTestId("stale-draft");
  await expect(stale).toContainText(
    /^Version 2 of this notice was published on .+ by 演示办事员 Demo Clerk \(.+\) after you started this draft; your draft is based on version 1\./,
  );
  await expect(stale.getByRole("link", { name: "Version 2", exact: true })).toHaveAttribute("href", `/en/n/${noticeId}/v/2`);
  await noViolations(page);

  await stale.getByRole("link", { name: "Review the changes and rebase on version 2" }).click();
  await expect(page.getByRole("heading", { name: "Rebase this draft on version 2" })).toBeVisible();
  const diff = page.getByTestId("diff-preview");
  await expect(diff.getByRole("heading", { name: "Changes from version 1 to version 2" })).toBeVisible();
  await expect(diff.locator('[data-field="body"] ins').first()).toContainText("Another");
  await expect(diff.locator('[data-field="title"] ins').first()).toContainText("Changed");
  await noViolations(page);

  await page.getByRole("button", { name: "Rebase on version 2" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("stale-draft")).toHaveCount(0);
  // What the clerk typed is kept; the preview now compares it with version 2.
  await expect(await markdownBody(page, "en")).toHaveValue(`Clerk typed ${word}.`);
  await expect(page.getByTestId("diff-preview").getByRole("heading", { name: /version 2/ })).toBeVisible();
  await expect(page.getByTestId("diff-preview").locator('[data-field="title"] del').first()).toContainText("Changed");

  await page.getByRole("button", { name: "Publish…" }).click();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/admin/notices/${noticeId}$`));
  await expect(page.getByTestId("admin-version")).toHaveCount(3);
  const notice = await (await page.request.get(`/api/v1/notices/${noticeId}`)).json();
  expect(notice.versions.map((v: { version: number; kind: string }) => [v.version, v.kind])).toEqual([
    [1, "publish"],
    [2, "amend"],
    [3, "amend"],
  ]);
  await page.goto(`/en/n/${noticeId}/v/3`);
  await expect(page.getByText(`Clerk typed ${word}.`)).toBeVisible();
});

test("the editor of an overtaken draft names the newer version in Chinese (zh-CN)", async ({ page }) => {
  test.slow();
  const word = uniqueWord();
  await signIn(page, "zh-CN");
  const noticeId = await amendDraft(page, "zh-CN", `过时 ${word}`, `办事员输入 ${word}。`);
  amendFreshNotice(noticeId, 1, `他处修改 ${word}`);
  await page.reload();
  const stale = page.getByTestId("stale-draft");
  await expect(stale).toContainText(/^在您开始此草稿后，此公示的第 2 版已于 .+ 由 演示办事员 Demo Clerk（.+） 发布；您的草稿基于第 1 版。/);
  await expect(stale.getByRole("link", { name: "第 2 版", exact: true })).toHaveAttribute("href", `/zh-CN/n/${noticeId}/v/2`);
  await expect(await markdownBody(page)).toHaveValue(`办事员输入 ${word}。`);
  await noViolations(page);
  await stale.getByRole("link", { name: "查看变更并改为基于第 2 版" }).click();
  await expect(page.getByRole("heading", { name: "将此草稿改为基于第 2 版" })).toBeVisible();
  await noViolations(page);
});
