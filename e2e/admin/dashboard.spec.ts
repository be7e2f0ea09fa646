/**
 * The clerk's "My work" page (/admin/work) in a real browser, in both languages: a clerk of an
 * agency made for this spec, with an item in every state, sees each with its status, dates in the
 * portal's time zone, the reviewer's comment, the scheduled time and the published version;
 * searches, filters by status and sorts (checking the order), all through the URL; a reviewer
 * finds the drafts waiting for them; an administrator is refused. The review services are built
 * elsewhere, so the states they lead to are written into the database directly, as they would
 * leave them; the published notice goes through the real publishing services.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { axeViolations } from "../a11y/axe-check";
import { formatPortalTime, DEFAULT_PORTAL_TIME_ZONE } from "../../lib/shared/portal-time";
import { createTestAdmin, createUserViaForm, expect, PASSWORD, signIn, uniqueEmail, type Credentials } from "./support";

// Accounts and an agency made through the forms, and a notice published by a separate process.
test.describe.configure({ timeout: 180_000 });

const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongshi_e2e";
const TIME_ZONE = process.env.PORTAL_TIME_ZONE || DEFAULT_PORTAL_TIME_ZONE;

let admin: Credentials;
let clerk: Credentials;
let reviewer: Credentials;
let noticeId = "";
const suffix = randomUUID().slice(0, 6);
const agency = { id: `e2e-work-${suffix}`, nameZh: `工作测试局${suffix}`, nameEn: `E2E Work Bureau ${suffix}` };

/** One item per state, saved on different days (so "last saved" orders them), newest first. */
const ITEMS = {
  editing: { title: "规划草稿 Alpha", number: "甲规〔2026〕1号", updated: "2026-05-30T02:00:00Z" },
  untitled: { title: "", number: "", updated: "2026-05-29T02:00:00Z" },
  submitted: { title: "提交的公告 Beta", number: "", updated: "2026-05-28T02:00:00Z" },
  returned: { title: "退回的公告 Gamma", number: "", updated: "2026-05-27T02:00:00Z" },
  approved: { title: "通过的公告 Delta", number: "", updated: "2026-05-26T02:00:00Z" },
  scheduled: { title: "定时的公告 Epsilon", number: "", updated: "2026-05-25T02:00:00Z" },
  published: { title: `已发布的公告 Zeta ${suffix}`, number: "", updated: "2026-05-24T02:00:00Z" },
} as const;
const CREATED = "2026-05-20T01:30:00Z";
const PUBLISH_AT = "2027-01-15T02:00:00Z";
const COLLEAGUE_TITLE = "同事的草稿 Eta";

const time = (iso: string, locale: "zh-CN" | "en") => formatPortalTime(iso, "dateTime", locale, TIME_ZONE);

/** The agency, its clerk and a reviewing colleague, made by the spec's own administrator. */
async function makeAccounts(browser: Browser): Promise<void> {
  admin = await createTestAdmin(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, admin);
  await page.goto("/en/admin/agencies/new");
  await page.getByLabel("Id", { exact: true }).fill(agency.id);
  await page.getByLabel("Name (Chinese)").fill(agency.nameZh);
  await page.getByLabel("Name (English)").fill(agency.nameEn);
  await page.getByRole("button", { name: "Create agency" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/agencies$/);
  clerk = { email: uniqueEmail("e2e-work-clerk"), password: PASSWORD };
  reviewer = { email: uniqueEmail("e2e-work-reviewer"), password: PASSWORD };
  await createUserViaForm(page, { email: clerk.email, name: "E2E Work Clerk", role: "Clerk", agencies: [agency.nameEn] });
  await createUserViaForm(page, { email: reviewer.email, name: "E2E Work Reviewer", role: "Clerk", agencies: [agency.nameEn] });
  await context.close();
}

/** A notice of the agency, published by the clerk through the publishing services (e2e/support/publishing-cli.ts). */
function publishNotice(): string {
  const fields = { title: ITEMS.published.title, category: "规划公示", language: "zh-CN", effectiveDate: "2026-05-24", body: "我的工作页面测试用的公示正文。" };
  const out = execFileSync("npx", ["tsx", "--conditions=react-server", "e2e/support/publishing-cli.ts", "publish", clerk.email, JSON.stringify(fields)], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return (JSON.parse(out.trim().split("\n").at(-1)!) as { noticeId: string }).noticeId;
}

/** The drafts, in the states the review services would leave them, written as the database superuser. */
async function writeDrafts(): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const userId = async (email: string) => (await client.query<{ id: string }>("SELECT id FROM auth_user WHERE email = $1", [email])).rows[0]!.id;
    const [clerkId, reviewerId] = [await userId(clerk.email), await userId(reviewer.email)];
    // The colleague reviews for the agency: a change of assignment, with its audit event.
    await client.query("BEGIN");
    await client.query("INSERT INTO audit_event (action, subject, detail) VALUES ('user.agencies-change', $1, '{\"canReview\":true}')", [reviewerId]);
    await client.query("UPDATE clerk_agency SET can_review = true WHERE user_id = $1", [reviewerId]);
    await client.query("COMMIT");
    const insert = async (item: { title: string; number: string; updated: string }, by: string, extra: Record<string, unknown> = {}) => {
      const id = randomUUID();
      const fields = JSON.stringify({ ...(item.title && { title: item.title }), ...(item.number && { number: item.number }) });
      const row: Record<string, unknown> = {
        id,
        agency_id: agency.id,
        kind: "publish",
        fields,
        created_by: by,
        updated_by: by,
        created_at: CREATED,
        updated_at: item.updated,
        ...extra,
      };
      const columns = Object.keys(row);
      await client.query(`INSERT INTO notice_draft (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`, Object.values(row));
      return id;
    };
    const submitted = (item: { updated: string }) => ({ submitted_at: item.updated, submitted_by: clerkId });
    await insert(ITEMS.editing, clerkId);
    await insert(ITEMS.untitled, clerkId);
    await insert(ITEMS.submitted, clerkId, { state: "submitted", ...submitted(ITEMS.submitted) });
    const returned = await insert(ITEMS.returned, clerkId, { state: "returned", ...submitted(ITEMS.returned) });
    await client.query("INSERT INTO draft_review (draft_id, action, actor, actor_name, revision, comment) VALUES ($1, 'return', $2, '审核员 王', 0, $3)", [
      returned,
      reviewerId,
      "请补充规划图附件。\n第二行只在编辑页显示。",
    ]);
    await insert(ITEMS.approved, clerkId, { state: "approved", reviewed_revision: 0, ...submitted(ITEMS.approved) });
    await insert(ITEMS.scheduled, clerkId, { state: "approved", reviewed_revision: 0, publish_at: PUBLISH_AT, ...submitted(ITEMS.scheduled) });
    await insert(ITEMS.published, clerkId, { published_notice_id: noticeId, published_version: 1, published_at: ITEMS.published.updated });
    await insert({ title: COLLEAGUE_TITLE, number: "", updated: "2026-05-31T02:00:00Z" }, reviewerId);
  } finally {
    await client.end();
  }
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  await makeAccounts(browser);
  noticeId = publishNotice();
  await writeDrafts();
});

const table = (page: Page) => page.getByTestId("work-table");
const titleLinks = (page: Page) => table(page).locator("tbody tr td:first-child a");
const titlesShown = (page: Page) => titleLinks(page).allTextContents();

test("a clerk sees their drafts, submitted, returned, approved, scheduled and published items with status and dates (zh-CN)", async ({ page }) => {
  await signIn(page, clerk, "zh-CN");
  await page.getByRole("link", { name: "我的工作：草稿、审核、定时发布和已发布的公示" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的工作");
  await expect(page.getByRole("navigation", { name: "工作人员导航" }).getByRole("link", { name: "我的工作" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("work-results")).toHaveText("共 7 项");
  // Newest saved first; the colleague's draft is not the clerk's.
  await expect(titleLinks(page)).toHaveText([
    ITEMS.editing.title,
    "（未命名草稿）",
    ITEMS.submitted.title,
    ITEMS.returned.title,
    ITEMS.approved.title,
    ITEMS.scheduled.title,
    ITEMS.published.title,
  ]);
  await expect(table(page)).not.toContainText(COLLEAGUE_TITLE);

  const row = (title: string) => table(page).getByRole("row", { name: new RegExp(title) });
  await expect(row("Alpha")).toContainText("草稿");
  await expect(row("Alpha")).toContainText("新公示 · 甲规〔2026〕1号");
  await expect(row("Alpha")).toContainText(time(ITEMS.editing.updated, "zh-CN"));
  await expect(row("Alpha")).toContainText(time(CREATED, "zh-CN"));
  await expect(row("Beta")).toContainText("已提交审核");
  await expect(row("Beta")).toContainText(time(ITEMS.submitted.updated, "zh-CN"));
  await expect(row("Gamma")).toContainText("已退回审核员 王 退回：请补充规划图附件。");
  await expect(row("Gamma")).not.toContainText("第二行");
  await expect(row("Delta")).toContainText("已审核通过");
  await expect(row("Epsilon")).toContainText(`定时发布定于 ${time(PUBLISH_AT, "zh-CN")} 发布`);
  await expect(row("Zeta")).toContainText(`公示编号 ${noticeId}`);
  await expect(row("Zeta")).toContainText(time(ITEMS.published.updated, "zh-CN"));
  await expect(row("Zeta").getByRole("link", { name: "第 1 版（公开页面）" })).toHaveAttribute("href", `/zh-CN/n/${noticeId}/v/1`);
  await expect(row("Zeta").getByRole("link", { name: ITEMS.published.title })).toHaveAttribute("href", `/zh-CN/admin/notices/${noticeId}`);
  await expect(row("Alpha").getByRole("link", { name: ITEMS.editing.title })).toHaveAttribute("href", /\/zh-CN\/admin\/drafts\/[0-9a-f-]{36}$/);
  await expect(table(page).getByRole("columnheader", { name: "最后保存", exact: true })).toHaveAttribute("aria-sort", "descending");
  expect(await axeViolations(page, "normal")).toEqual([]);

  // The whole office's work includes the colleague's draft.
  await page.getByLabel("范围").selectOption({ label: "所属机关全部" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/scope=agencies/);
  await expect(page.getByTestId("work-results")).toHaveText("共 8 项");
  await expect(titleLinks(page).first()).toHaveText(COLLEAGUE_TITLE);
  await expect(page.getByRole("link", { name: "草稿（3）" })).toBeVisible();
});

test("a clerk searches, filters by status and sorts, and the URL keeps the view (en)", async ({ page }) => {
  await signIn(page, clerk, "en");
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "My work" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My work");
  const row = (title: string) => table(page).getByRole("row", { name: new RegExp(title) });
  await expect(row("Gamma")).toContainText("ReturnedReturned by 审核员 王: 请补充规划图附件。");
  await expect(row("Epsilon")).toContainText(`ScheduledPublishes ${time(PUBLISH_AT, "en")}`);
  await expect(row("Zeta").getByRole("link", { name: "Version 1 (public page)" })).toHaveAttribute("href", `/en/n/${noticeId}/v/1`);
  await expect(row("Alpha")).toContainText(time(ITEMS.editing.updated, "en"));
  await expect(row("untitled draft")).toContainText("New notice");

  // Search: case does not matter, Chinese works, the document number is searched too.
  const search = page.getByRole("searchbox", { name: "Search by title, document number or notice id" });
  await search.fill("ALPHA");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/q=ALPHA/);
  await expect(titleLinks(page)).toHaveText([ITEMS.editing.title]);
  await search.fill("公告");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("work-results")).toHaveText("5 items");
  await expect(page.getByRole("link", { name: "Draft (0)" })).toBeVisible();
  await search.fill("甲规〔2026〕1");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(titleLinks(page)).toHaveText([ITEMS.editing.title]);
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page.getByTestId("work-results")).toHaveText("7 items");

  // Filter by status: the tab says how many, and is marked as the current one.
  await page.getByRole("link", { name: "Returned (1)" }).click();
  await expect(page).toHaveURL(/state=returned/);
  await expect(page.getByRole("link", { name: "Returned (1)" })).toHaveAttribute("aria-current", "page");
  await expect(titleLinks(page)).toHaveText([ITEMS.returned.title]);
  await page.getByRole("link", { name: "Draft (2)" }).click();
  await expect(titleLinks(page)).toHaveText([ITEMS.editing.title, "(untitled draft)"]);
  await page.getByRole("link", { name: "All (7)" }).click();
  await expect(page.getByRole("link", { name: "All (7)" })).toHaveAttribute("aria-current", "page");

  // Sort: oldest saved first, then by scheduled or published time, then by title both ways.
  await table(page).getByRole("link", { name: "Last saved", exact: true }).click();
  await expect(table(page).getByRole("columnheader", { name: "Last saved", exact: true })).toHaveAttribute("aria-sort", "ascending");
  await expect(titleLinks(page)).toHaveText([
    ITEMS.published.title,
    ITEMS.scheduled.title,
    ITEMS.approved.title,
    ITEMS.returned.title,
    ITEMS.submitted.title,
    "(untitled draft)",
    ITEMS.editing.title,
  ]);
  await table(page).getByRole("link", { name: "Scheduled or published", exact: true }).click();
  await expect(page).toHaveURL(/sort=publication/);
  await expect(table(page).getByRole("columnheader", { name: "Last saved", exact: true })).not.toHaveAttribute("aria-sort");
  await expect(titleLinks(page).nth(0)).toHaveText(ITEMS.scheduled.title);
  await expect(titleLinks(page).nth(1)).toHaveText(ITEMS.published.title);
  await table(page).getByRole("link", { name: "Title", exact: true }).click();
  await expect(table(page).getByRole("columnheader", { name: "Title", exact: true })).toHaveAttribute("aria-sort", "ascending");
  const ascending = await titlesShown(page);
  expect(ascending.at(-1)).toBe("(untitled draft)");
  await table(page).getByRole("link", { name: "Title", exact: true }).click();
  await expect(table(page).getByRole("columnheader", { name: "Title", exact: true })).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sort=title&dir=desc/);
  const descending = await titlesShown(page);
  expect(descending).toEqual([...ascending.slice(0, -1).reverse(), "(untitled draft)"]);

  // The view is in the URL: reloading it shows the same, and works without script.
  await page.reload();
  await expect(titleLinks(page)).toHaveText(descending);
  expect(await axeViolations(page, "normal")).toEqual([]);
});

test("an address the page does not understand still shows the list, saying what was left out, and a short page links the rest (en, zh-CN)", async ({ page }) => {
  await signIn(page, clerk, "en");
  const response = await page.goto(`/en/admin/work?state=lost&sort=colour&dir=up&q=${"x".repeat(300)}&limit=-1`);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("work-ignored")).toHaveText(
    "Some settings in this address were not understood and were left out: search (at most 200 characters), status, sort column, sort direction, number shown.",
  );
  await expect(page.getByTestId("work-results")).toHaveText("7 items");
  expect(await axeViolations(page, "normal")).toEqual([]);
  await page.goto("/zh-CN/admin/work?scope=everyone&state=draft&state=returned");
  await expect(page.getByTestId("work-ignored")).toHaveText("网址中的部分条件无法识别，已忽略：状态、范围。");
  await expect(page.getByTestId("work-results")).toHaveText("共 7 项");

  // A few rows at a time, with a link to the rest.
  await page.goto("/zh-CN/admin/work?limit=3");
  await expect(titleLinks(page)).toHaveCount(3);
  await page.getByRole("link", { name: "再显示 4 项" }).click();
  await expect(titleLinks(page)).toHaveCount(7);
  await expect(page.getByRole("link", { name: /再显示/ })).toHaveCount(0);
});

test("a reviewer finds the drafts submitted to them, not their own (en); an administrator is refused (zh-CN)", async ({ page, browser }) => {
  await signIn(page, reviewer, "en");
  await page.goto("/en/admin/work");
  await expect(titleLinks(page)).toHaveText([COLLEAGUE_TITLE]);
  await page.getByLabel("Whose items").selectOption({ label: "Awaiting my review" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/scope=review/);
  await expect(titleLinks(page)).toHaveText([ITEMS.submitted.title]);
  await expect(table(page).getByRole("row", { name: /Beta/ })).toContainText("Submitted for review");
  expect(await axeViolations(page, "normal")).toEqual([]);

  const context = await browser.newContext();
  const adminPage = await context.newPage();
  await signIn(adminPage, admin, "zh-CN");
  await expect(adminPage.getByRole("navigation", { name: "工作人员导航" }).getByRole("link", { name: "我的工作" })).toHaveCount(0);
  const response = await adminPage.goto("/zh-CN/admin/work");
  expect(response?.status()).toBe(403);
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText("无权访问");
  await context.close();
});
