import { writeFile } from "node:fs/promises";
import { expect as baseExpect, test } from "@playwright/test";

// Each step waits on a server action and a re-render; the shared 2-core machine is often loaded.
const expect = baseExpect.configure({ timeout: 20_000 });
import { expectVerified, startVerify } from "../verify/verify-support";
import { holdCommitter, markdownBody, newDraft, sha256, signIn, smallPdf, uniqueWord } from "./editor-support";

test("a clerk publishes a notice with a PDF, sees it pending then logged without a reload, and a citizen finds and verifies it", async ({ page, browser }) => {
  // Sign-in, editor, publish, commit, search, page and in-browser verification in one story.
  test.setTimeout(300_000);
  const word = uniqueWord();
  const pdf = smallPdf(`Plan ${word}`);
  await signIn(page, "zh-CN");
  await newDraft(page, "zh-CN");

  await page.getByLabel("标题", { exact: true }).fill(`关于${word}规划的公示`);
  await page.getByLabel("发文字号", { exact: true }).fill("海规〔2026〕99号");
  await page.getByLabel("公示语言").selectOption("zh-CN");
  await page.getByLabel("生效日期").fill("2026-12-01");
  await (await markdownBody(page)).fill(`## 公示事项\n\n**${word}** 地块规划。<script>alert(1)</script> [坏链接](javascript:alert(1))`);
  const preview = page.getByTestId("markdown-preview");
  await expect(preview.getByRole("heading", { name: "公示事项" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText(word);
  // Raw HTML is shown as the characters typed; a javascript: link is not a link.
  await expect(preview).toContainText("<script>alert(1)</script>");
  await expect(preview.getByRole("link")).toHaveCount(0);
  await page.getByLabel("添加文件").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: pdf });

  // Category left empty: the draft is saved, the error stands next to the field.
  await page.getByRole("button", { name: "发布…" }).click();
  await expect(page.locator("#category-error")).toHaveText("必填。");
  await expect(page.getByLabel("类别")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("status").first()).toContainText("草稿已保存，但发布前仍需修改部分字段。");
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(`关于${word}规划的公示`);
  await expect(await markdownBody(page)).toHaveValue(new RegExp(`\\*\\*${word}\\*\\*`));
  const stored = page.getByTestId("draft-attachment");
  await expect(stored).toHaveCount(1);
  await expect(stored).toContainText("plan.pdf");
  await expect(stored.getByTestId("attachment-sha256")).toHaveText(sha256(pdf));

  // The clerk chooses from the vocabulary, listed in the page's language.
  const options = await page.getByLabel("类别").locator("option").allTextContents();
  expect(options).toContain("城乡规划");
  expect(options.filter((o) => /[A-Za-z]/.test(o))).toEqual([]);
  await page.getByLabel("类别").selectOption({ label: "城乡规划" });
  await page.getByRole("button", { name: "发布…" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/admin\/drafts\/[0-9a-f-]{36}\/publish$/);
  await expect(page.getByRole("heading", { name: "确认发布此公示？" })).toBeVisible();
  await expect(page.getByText(sha256(pdf))).toBeVisible();

  const committer = await holdCommitter();
  let noticeId = "";
  try {
    await page.getByRole("button", { name: "立即发布" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/admin\/notices\/HP-PLANNING-2026-[0-9A-Z]{6}$/);
    noticeId = page.url().split("/").pop()!;
    await expect(page.getByTestId("log-status")).toHaveText("第 1 版待入日志：等待下一个检查点。");
    await page.evaluate(() => Object.assign(window, { __noReload: true }));
  } finally {
    await committer.release();
  }
  await expect(page.getByTestId("log-status")).toHaveText(/^第 1 版已记入日志：条目 \d+。$/, { timeout: 20_000 });
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  const citizen = await browser.newContext();
  const reader = await citizen.newPage();
  await reader.goto(`/zh-CN/notices?q=${word}`);
  await reader.getByRole("link", { name: `关于${word}规划的公示` }).click();
  await expect(reader).toHaveURL(new RegExp(`/zh-CN/n/${noticeId}$`));
  await expect(reader.getByRole("heading", { name: "附件" })).toBeVisible();
  await expect(reader.getByText("plan.pdf").first()).toBeVisible();
  await expectVerified(await startVerify(reader, "验证此版本"));
  await citizen.close();
});

test("attachments are checked when added: a .pdf holding text and a file over 20 MB are refused with localized messages, the draft keeps its text", async ({ page }, testInfo) => {
  test.slow();
  // From a file on disk: a 21 MB buffer passed inline crawls through the browser protocol.
  const huge = testInfo.outputPath("huge.pdf");
  await writeFile(huge, Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(21 * 1024 * 1024, 0x20)]));
  await signIn(page, "en");
  await newDraft(page, "en");
  await page.getByLabel("Title", { exact: true }).fill("Bad attachments");
  await page.getByLabel("Add files").setInputFiles([{ name: "fake.pdf", mimeType: "application/pdf", buffer: Buffer.from("this is text, not a PDF") }]);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("#attachments-error")).toContainText("“fake.pdf” was not attached: its content does not match its name");
  await page.getByLabel("Add files").setInputFiles(huge);
  await page.getByRole("button", { name: "Save draft" }).click();
  const errors = page.locator("#attachments-error");
  await expect(errors).toContainText("“huge.pdf” was not attached: it is larger than the limit of 20 MB.", { timeout: 30_000 });
  await expect(page.getByText("No attachments.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Bad attachments");
});

test("two clerks editing the same draft: the second save is refused with the conflict message and keeps its text", async ({ page, browser }) => {
  test.slow();
  await signIn(page, "en");
  const url = await newDraft(page, "en");
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, "en");
  await second.goto(url);

  await page.getByLabel("Title", { exact: true }).fill("First clerk's title");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Draft saved.");

  await second.getByLabel("Title", { exact: true }).fill("Second clerk's title");
  await second.getByRole("button", { name: "Save draft" }).click();
  await expect(second.getByRole("status").first()).toContainText("Someone else saved this draft after you opened it.");
  await expect(second.getByLabel("Title", { exact: true })).toHaveValue("Second clerk's title");
  await page.reload();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("First clerk's title");
  await other.close();
});

test("an administrator (not a clerk of the agency) opening a clerk's draft gets the localized 403 page", async ({ page, browser }) => {
  test.slow();
  await signIn(page, "en");
  const url = new URL(await newDraft(page, "en"));
  const other = await browser.newContext();
  const admin = await other.newPage();
  await signIn(admin, "zh-CN", { email: "admin@demo.gongshi.invalid", password: "demo-admin-password" });
  const response = await admin.goto(url.pathname.replace("/en/", "/zh-CN/"));
  expect(response!.status()).toBe(403);
  await expect(admin.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await expect(admin.getByLabel("标题", { exact: true })).toHaveCount(0);
  await other.close();
});
