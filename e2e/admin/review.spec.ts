/**
 * Review and sign-off in the browser (docs/review.md), each flow in one language and every new
 * page checked with axe in the language of its flow: an administrator makes an agency that
 * requires review and shows who signed off, a clerk for it and a reviewer (ticked on the users
 * page). In Chinese: submit → return with a comment the clerk sees → fix → approve → published,
 * with "签发：…" on the public page. In English: approve with a time ~15 s ahead → scheduled on
 * the draft page and the dashboard, not published before, published at the time.
 */
import { randomUUID } from "node:crypto";
import { test, type Browser, type Page } from "@playwright/test";
import { formatPortalLocalTime } from "../../lib/portal-local-time";
import { DEFAULT_PORTAL_TIME_ZONE } from "../../lib/portal-time";
import { axeViolations } from "../a11y/axe-check";
import { markdownBody } from "./editor-support";
import { createTestAdmin, createUserViaForm, expect, PASSWORD, signIn, uniqueEmail, type Credentials, type Locale } from "./support";

test.describe.configure({ mode: "serial", timeout: 240_000 });

const suffix = randomUUID().slice(0, 6);
const agency = { id: `e2e-review-${suffix}`, nameZh: `审核测试局${suffix}`, nameEn: `Review Bureau ${suffix}` };
const reviewerName = `审核人${suffix}`;
let admin: Credentials;
let clerk: Credentials;
let reviewer: Credentials;

async function noAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page, "normal")).toEqual([]);
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(240_000);
  admin = await createTestAdmin(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, admin);
  await page.goto("/en/admin/agencies/new");
  await page.getByLabel("Id", { exact: true }).fill(agency.id);
  await page.getByLabel("Name (Chinese)").fill(agency.nameZh);
  await page.getByLabel("Name (English)").fill(agency.nameEn);
  await page.getByRole("checkbox", { name: "Require review before publishing" }).check();
  await page.getByRole("checkbox", { name: "Show who signed off on public notice pages" }).check();
  await page.getByRole("button", { name: "Create agency" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/agencies$/);

  clerk = { email: uniqueEmail("e2e-review-clerk"), password: PASSWORD };
  reviewer = { email: uniqueEmail("e2e-reviewer"), password: PASSWORD };
  await createUserViaForm(page, { email: clerk.email, name: `Clerk ${suffix}`, role: "Clerk", agencies: [agency.nameEn] });
  await createUserViaForm(page, { email: reviewer.email, name: reviewerName, role: "Clerk", agencies: [agency.nameEn] });
  // Reviewer rights are given on the user's page, per agency.
  await page.getByRole("link", { name: reviewer.email }).click();
  await page.getByRole("checkbox", { name: `May review (${agency.id})` }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: `May review (${agency.id})` })).toBeChecked();
  await context.close();
});

test("the agency and user pages show the review settings, in both languages, without axe violations", async ({ page }) => {
  await signIn(page, admin, "zh-CN");
  await page.goto(`/zh-CN/admin/agencies/${agency.id}`);
  await expect(page.getByRole("checkbox", { name: "发布前须经审核" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "在公开公告页面显示签发人" })).toBeChecked();
  await noAxeViolations(page);
  await page.goto(`/en/admin/agencies/${agency.id}`);
  await expect(page.getByRole("checkbox", { name: "Require review before publishing" })).toBeChecked();
  await noAxeViolations(page);
  await page.goto("/zh-CN/admin/users");
  await page.getByRole("link", { name: reviewer.email }).click();
  await expect(page.getByRole("checkbox", { name: `可审核（${agency.id}）` })).toBeChecked();
  await noAxeViolations(page);
  // A reviewer right without the agency is refused next to the field, nothing lost.
  await page.getByRole("checkbox", { name: new RegExp(`${agency.nameZh}`) }).uncheck();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("办事员只能审核本人所属机关的稿件。")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: `可审核（${agency.id}）` })).toBeChecked();
});

/** A new draft for the test agency, filled in `locale`'s labels; returns its editor URL. */
async function writeDraft(page: Page, locale: Locale, title: string, body: string): Promise<string> {
  const zh = locale === "zh-CN";
  await page.goto(`/${locale}/admin/notices/new`);
  await page.getByRole("button", { name: zh ? "创建草稿" : "Create draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/drafts/[0-9a-f-]{36}$`));
  const url = page.url();
  await page.getByLabel(zh ? "标题" : "Title", { exact: true }).fill(title);
  await page.getByLabel(zh ? "类别" : "Category", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel(zh ? "公示语言" : "Language of the notice").selectOption(locale);
  await page.getByLabel(zh ? "生效日期" : "Effective date").fill("2026-12-01");
  await (await markdownBody(page, locale)).fill(body);
  return url;
}

/** From the editor: "Submit for review…", then the confirmation page's button. */
async function submitForReview(page: Page, locale: Locale): Promise<void> {
  const zh = locale === "zh-CN";
  await page.getByRole("button", { name: zh ? "提交审核…" : "Submit for review…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh ? "提交本稿送审？" : "Submit this draft for review?");
  await noAxeViolations(page);
  await page.getByRole("button", { name: zh ? "提交审核" : "Submit for review", exact: true }).click();
  await expect(page.getByTestId("review-state")).toHaveText(zh ? "待审核" : "Awaiting review");
}

test("zh-CN: submit, return with a comment the clerk sees, fix, approve: published as reviewed, signed off on the public page", async ({ browser }) => {
  const title = `审核流程测试${suffix}`;
  const clerkContext = await browser.newContext();
  const clerkPage = await clerkContext.newPage();
  await signIn(clerkPage, clerk, "zh-CN");
  const draftUrl = await writeDraft(clerkPage, "zh-CN", title, "第一稿正文。");
  await expect(clerkPage.getByText("本机关实行审核制度")).toBeVisible();
  await submitForReview(clerkPage, "zh-CN");
  // In review the editor is gone: the draft is shown read-only.
  await expect(clerkPage.getByRole("textbox", { name: "标题" })).toHaveCount(0);
  await expect(clerkPage.getByText("本稿正在审核中，不能编辑。")).toBeVisible();
  await expect(clerkPage.getByRole("region", { name: "审核", exact: true })).toHaveCount(0);

  const reviewerContext = await browser.newContext();
  const reviewerPage = await reviewerContext.newPage();
  await signIn(reviewerPage, reviewer, "zh-CN");
  const queue = reviewerPage.getByRole("region", { name: "待我审核" });
  await expect(queue.getByRole("link", { name: title })).toBeVisible();
  await noAxeViolations(reviewerPage);
  await queue.getByRole("link", { name: title }).click();
  await expect(reviewerPage.getByRole("heading", { name: "审核", exact: true })).toBeVisible();
  await expect(reviewerPage.getByTestId("draft-content")).toContainText("第一稿正文。");
  await noAxeViolations(reviewerPage);
  await reviewerPage.getByRole("textbox", { name: "修改意见" }).fill("正文请补充联系电话。");
  await reviewerPage.getByRole("button", { name: "退回办事员" }).click();
  await expect(reviewerPage.getByTestId("review-state")).toHaveText("已退回修改");

  // The clerk sees the comment at the top of the editor, fixes the draft and submits again.
  await clerkPage.goto(draftUrl);
  await expect(clerkPage.getByRole("region", { name: "退回修改", exact: true })).toContainText("正文请补充联系电话。");
  await noAxeViolations(clerkPage);
  await (await markdownBody(clerkPage, "zh-CN")).fill("第二稿正文。联系电话：0000-1234567。");
  await clerkPage.getByRole("button", { name: "保存草稿" }).click();
  await expect(clerkPage.getByText("草稿已保存。")).toBeVisible();
  await submitForReview(clerkPage, "zh-CN");

  await reviewerPage.goto(draftUrl);
  await expect(reviewerPage.getByTestId("draft-content")).toContainText("第二稿正文。");
  await reviewerPage.getByRole("button", { name: "签发并发布" }).click();
  await expect(reviewerPage).toHaveURL(/\/zh-CN\/admin\/notices\/[^/]+$/);
  const noticeId = reviewerPage.url().split("/").pop()!;

  await clerkPage.goto(`/zh-CN/n/${noticeId}`);
  await expect(clerkPage.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(clerkPage.getByTestId("notice-sign-off")).toHaveText(`签发：${reviewerName}`);
  await expect(clerkPage.getByText("联系电话：0000-1234567")).toBeVisible();
  await clerkContext.close();
  await reviewerContext.close();
});

test("en: approve with a time ~15 s ahead: scheduled, not published before, then published at the time", async ({ browser }) => {
  const title = `Scheduled review test ${suffix}`;
  const clerkContext = await browser.newContext();
  const clerkPage = await clerkContext.newPage();
  await signIn(clerkPage, clerk, "en");
  const draftUrl = await writeDraft(clerkPage, "en", title, "Published at a set time.");
  await submitForReview(clerkPage, "en");
  await noAxeViolations(clerkPage);

  const reviewerContext = await browser.newContext();
  const reviewerPage = await reviewerContext.newPage();
  await signIn(reviewerPage, reviewer, "en");
  await reviewerPage.getByRole("region", { name: "Awaiting your review" }).getByRole("link", { name: title }).click();
  await expect(reviewerPage.getByRole("heading", { name: "Review", exact: true })).toBeVisible();
  await noAxeViolations(reviewerPage);
  const at = new Date(Date.now() + 15_000);
  await reviewerPage.getByLabel("Publish at (optional)").fill(formatPortalLocalTime(at, process.env.PORTAL_TIME_ZONE || DEFAULT_PORTAL_TIME_ZONE, true));
  await reviewerPage.getByRole("textbox", { name: "Comment (optional)" }).fill("Fine; publish it at the set time.");
  await reviewerPage.getByRole("button", { name: "Approve and publish" }).click();
  await expect(reviewerPage.getByTestId("review-state")).toHaveText("Approved");
  await expect(reviewerPage.getByTestId("review-scheduled")).toContainText("Scheduled to be published on");
  await noAxeViolations(reviewerPage);

  // Before the time: still a draft, listed as scheduled on the clerk's dashboard.
  await clerkPage.goto("/en/admin");
  await expect(clerkPage.getByRole("region", { name: "Scheduled publications" }).getByRole("link", { name: title })).toBeVisible();
  await clerkPage.goto(draftUrl);
  await expect(clerkPage).toHaveURL(draftUrl);
  expect(Date.now()).toBeLessThan(at.getTime());

  // At the time: the draft page now leads to the published notice.
  await expect
    .poll(
      async () => {
        await clerkPage.goto(draftUrl);
        return new URL(clerkPage.url()).pathname;
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toMatch(/^\/en\/admin\/notices\/[^/]+$/);
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
  const noticeId = clerkPage.url().split("/").pop()!;
  await clerkPage.goto(`/en/n/${noticeId}`);
  await expect(clerkPage.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(clerkPage.getByTestId("notice-sign-off")).toHaveText(`Signed off by ${reviewerName}`);
  await clerkContext.close();
  await reviewerContext.close();
});
