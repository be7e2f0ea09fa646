/**
 * Review and sign-off in the browser (docs/review.md), each flow in one language and every new
 * page checked with axe in the language of its flow: an administrator makes an agency that
 * requires review and shows who signed off, a clerk for it and a reviewer (ticked on the users
 * page). Each flow in both languages: submit → return with a comment the clerk sees → fix →
 * approve → published, with "签发：…" / "Signed off by …" on the public page; and approve with a
 * time ~15 s ahead → scheduled on the draft page and the dashboard, not published before,
 * published at the time.
 */
import { randomUUID } from "node:crypto";
import { test, type Browser, type Page } from "@playwright/test";
import { formatPortalLocalTime } from "../../lib/shared/portal-local-time";
import { DEFAULT_PORTAL_TIME_ZONE } from "../../lib/shared/portal-time";
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

/** What each flow reads and clicks, in each language (messages/<locale>/review.json and editor.json). */
const L = {
  "zh-CN": {
    agencyNote: "本机关实行审核制度",
    inReview: "本稿正在审核中，不能编辑。",
    titleField: "标题",
    reviewRegion: "审核",
    queue: "待我审核",
    returnComment: "修改意见",
    returnButton: "退回办事员",
    returned: "已退回修改",
    returnedRegion: "退回修改",
    save: "保存草稿",
    saved: "草稿已保存。",
    approve: "签发并发布",
    approved: "已签发",
    publishAt: "发布时间（选填）",
    approveComment: "审核意见（选填）",
    scheduled: "定于",
    scheduledRegion: "定时发布",
    signOff: (name: string) => `签发：${name}`,
    first: "第一稿正文。",
    comment: "正文请补充联系电话。",
    second: "第二稿正文。联系电话：0000-1234567。",
    phone: "联系电话：0000-1234567",
    title: (s: string) => `审核流程测试${s}`,
    scheduledTitle: (s: string) => `定时发布测试${s}`,
    scheduledBody: "定时发布的正文。",
    okComment: "同意，按时发布。",
  },
  en: {
    agencyNote: "This agency requires review",
    inReview: "This draft is in review and cannot be edited.",
    titleField: "Title",
    reviewRegion: "Review",
    queue: "Awaiting your review",
    returnComment: "What needs to change",
    returnButton: "Return to clerk",
    returned: "Returned for changes",
    returnedRegion: "Returned for changes",
    save: "Save draft",
    saved: "Draft saved.",
    approve: "Approve and publish",
    approved: "Approved",
    publishAt: "Publish at (optional)",
    approveComment: "Comment (optional)",
    scheduled: "Scheduled to be published on",
    scheduledRegion: "Scheduled publications",
    signOff: (name: string) => `Signed off by ${name}`,
    first: "First draft text.",
    comment: "Add a contact telephone number.",
    second: "Second draft. Telephone: 0000-1234567.",
    phone: "Telephone: 0000-1234567",
    title: (s: string) => `Review flow test ${s}`,
    scheduledTitle: (s: string) => `Scheduled review test ${s}`,
    scheduledBody: "Published at a set time.",
    okComment: "Fine; publish it at the set time.",
  },
} as const;

for (const locale of ["zh-CN", "en"] as const) {
  const l = L[locale];

  test(`${locale}: submit, return with a comment the clerk sees, fix, approve: published as reviewed, signed off on the public page`, async ({ browser }) => {
    const title = l.title(suffix);
    const clerkContext = await browser.newContext();
    const clerkPage = await clerkContext.newPage();
    await signIn(clerkPage, clerk, locale);
    const draftUrl = await writeDraft(clerkPage, locale, title, l.first);
    await expect(clerkPage.getByText(l.agencyNote)).toBeVisible();
    await submitForReview(clerkPage, locale);
    // In review the editor is gone: the draft is shown read-only, and its author cannot review it.
    await expect(clerkPage.getByRole("textbox", { name: l.titleField, exact: true })).toHaveCount(0);
    await expect(clerkPage.getByText(l.inReview)).toBeVisible();
    await expect(clerkPage.getByRole("region", { name: l.reviewRegion, exact: true })).toHaveCount(0);

    const reviewerContext = await browser.newContext();
    const reviewerPage = await reviewerContext.newPage();
    await signIn(reviewerPage, reviewer, locale);
    const queue = reviewerPage.getByRole("region", { name: l.queue });
    await expect(queue.getByRole("link", { name: title })).toBeVisible();
    await noAxeViolations(reviewerPage);
    await queue.getByRole("link", { name: title }).click();
    await expect(reviewerPage.getByRole("heading", { name: l.reviewRegion, exact: true })).toBeVisible();
    await expect(reviewerPage.getByTestId("draft-content")).toContainText(l.first);
    await noAxeViolations(reviewerPage);
    await reviewerPage.getByRole("textbox", { name: l.returnComment }).fill(l.comment);
    await reviewerPage.getByRole("button", { name: l.returnButton }).click();
    await expect(reviewerPage.getByTestId("review-state")).toHaveText(l.returned);

    // The clerk sees the comment at the top of the editor, fixes the draft and submits again.
    await clerkPage.goto(draftUrl);
    await expect(clerkPage.getByRole("region", { name: l.returnedRegion, exact: true })).toContainText(l.comment);
    await noAxeViolations(clerkPage);
    await (await markdownBody(clerkPage, locale)).fill(l.second);
    await clerkPage.getByRole("button", { name: l.save }).click();
    await expect(clerkPage.getByText(l.saved)).toBeVisible();
    await submitForReview(clerkPage, locale);

    await reviewerPage.goto(draftUrl);
    await expect(reviewerPage.getByTestId("draft-content")).toContainText(l.second);
    await reviewerPage.getByRole("button", { name: l.approve }).click();
    await expect(reviewerPage).toHaveURL(new RegExp(`/${locale}/admin/notices/[^/]+$`));
    const noticeId = reviewerPage.url().split("/").pop()!;

    await clerkPage.goto(`/${locale}/n/${noticeId}`);
    await expect(clerkPage.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(clerkPage.getByTestId("notice-sign-off")).toHaveText(l.signOff(reviewerName));
    await expect(clerkPage.getByText(l.phone)).toBeVisible();
    await clerkContext.close();
    await reviewerContext.close();
  });

  test(`${locale}: approve with a time ~15 s ahead: scheduled, not published before, then published at the time`, async ({ browser }) => {
    const title = l.scheduledTitle(suffix);
    const clerkContext = await browser.newContext();
    const clerkPage = await clerkContext.newPage();
    await signIn(clerkPage, clerk, locale);
    const draftUrl = await writeDraft(clerkPage, locale, title, l.scheduledBody);
    await submitForReview(clerkPage, locale);
    await noAxeViolations(clerkPage);

    const reviewerContext = await browser.newContext();
    const reviewerPage = await reviewerContext.newPage();
    await signIn(reviewerPage, reviewer, locale);
    await reviewerPage.getByRole("region", { name: l.queue }).getByRole("link", { name: title }).click();
    await expect(reviewerPage.getByRole("heading", { name: l.reviewRegion, exact: true })).toBeVisible();
    await noAxeViolations(reviewerPage);
    const at = new Date(Date.now() + 15_000);
    await reviewerPage.getByLabel(l.publishAt).fill(formatPortalLocalTime(at, process.env.PORTAL_TIME_ZONE || DEFAULT_PORTAL_TIME_ZONE, true));
    await reviewerPage.getByRole("textbox", { name: l.approveComment }).fill(l.okComment);
    await reviewerPage.getByRole("button", { name: l.approve }).click();
    await expect(reviewerPage.getByTestId("review-state")).toHaveText(l.approved);
    await expect(reviewerPage.getByTestId("review-scheduled")).toContainText(l.scheduled);
    await noAxeViolations(reviewerPage);

    // Before the time: still a draft, listed as scheduled on the clerk's dashboard.
    await clerkPage.goto(`/${locale}/admin`);
    await expect(clerkPage.getByRole("region", { name: l.scheduledRegion }).getByRole("link", { name: title })).toBeVisible();
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
      .toMatch(new RegExp(`^/${locale}/admin/notices/[^/]+$`));
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
    const noticeId = clerkPage.url().split("/").pop()!;
    await clerkPage.goto(`/${locale}/n/${noticeId}`);
    await expect(clerkPage.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(clerkPage.getByTestId("notice-sign-off")).toHaveText(l.signOff(reviewerName));
    await clerkContext.close();
    await reviewerContext.close();
  });
}
