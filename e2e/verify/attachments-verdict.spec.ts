import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { WCAG_TAGS } from "../a11y/axe-check";
import { expectVerified, openDetails, plainVerdictOf, sql, startVerify } from "./verify-support";

async function apiNotice(page: Page, id: string) {
  const response = await page.request.get(`/api/v1/notices/${id}`);
  expect(response.ok()).toBe(true);
  return response.json();
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
}

test("an untouched notice with an attachment: the verdict sentence comes first, naming the agency, the date and 2 witnesses; Details is closed", async ({ page }) => {
  const id = "HP-DRC-2026-015-EN";
  const notice = await apiNotice(page, id);
  const attachment = notice.versions[0].attachments[0];
  for (const [locale, button, sentence, files] of [
    [
      "en",
      "Verify this version",
      new RegExp(
        `^✓ This is the notice exactly as ${notice.agency.nameEn} published it on \\w+ \\d{1,2}, 2026; it has not been changed since; confirmed by 2 independent witnesses\\.`,
      ),
      "Its attachment was downloaded and checked",
    ],
    ["zh-CN", "验证此版本", new RegExp(`^✓ 这是${notice.agency.nameZh}于2026年\\d{1,2}月\\d{1,2}日发布的公告原文，发布后未被改动；已由 2 个独立见证方确认。`), "附件已下载并核对"],
  ] as const) {
    await page.goto(`/${locale}/n/${id}`);
    const status = await startVerify(page, button);
    await expectVerified(status);
    const verdict = plainVerdictOf(page);
    await expect(verdict).toBeVisible();
    await expect(verdict).toHaveText(sentence);
    await expect(verdict).toContainText(files);
    // The steps are there, but behind a closed Details.
    const details = page.getByTestId("verify-details");
    await expect(details).not.toHaveAttribute("open");
    await expect(status.locator('[data-step="content"]')).toBeHidden();
    await openDetails(page);
    await expect(status.locator('[data-step="content"]')).toBeVisible();
    const checked = page.getByTestId("verify-attachments").locator("li");
    await expect(checked).toHaveCount(1);
    await expect(checked).toHaveAttribute("data-attachment-status", "ok");
    await expect(checked).toContainText(attachment.fileName);
    expect(await axe(page)).toEqual([]);
  }
});

test("the attachment download shows a labelled progress bar until it is done", async ({ page }) => {
  const id = "HP-DRC-2026-015-EN";
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/v1/notices/${id}/versions/1/attachments/0`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/en/n/${id}`);
  const status = await startVerify(page);
  const progress = page.getByRole("progressbar", { name: /^Downloading “haiping-foreign-investment-guide-2026-summary\.pdf”$/ });
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("verify-phase")).toContainText("Downloading each attachment");
  expect(await axe(page)).toEqual([]);
  release();
  await expectVerified(status);
  await expect(progress).toHaveCount(0);
});

test("an attachment altered in the database after logging fails the verdict, which names the file, in both languages", async ({ page }) => {
  // A notice of its own: the change is permanent in the shared e2e database.
  const id = "HP-PLAN-2026-009";
  const notice = await apiNotice(page, id);
  const name = notice.versions[0].attachments[0].fileName as string;
  // Same length, one byte different: only hashing the downloaded bytes can tell.
  await sql(
    `UPDATE attachment SET content = set_byte(content, 0, get_byte(content, 0) # 1)
      WHERE position = 0 AND notice_version_id = (SELECT id FROM notice_version WHERE notice_id = $1 AND version = 1)`,
    [id],
  );
  for (const [locale, button, sentence] of [
    [
      "en",
      "Verify this version",
      `✗ The attachment “${name}” offered on this page is not the file that was published: its contents differ from the fingerprint recorded in the public log.`,
    ],
    ["zh-CN", "验证此版本", `✗ 本页提供下载的附件“${name}”不是发布时的文件：其内容与公开日志中记录的指纹不符。`],
  ] as const) {
    await page.goto(`/${locale}/n/${id}`);
    const status = await startVerify(page, button);
    await expect(status).toHaveAttribute("data-verify-status", "failed", { timeout: 30_000 });
    await expect(plainVerdictOf(page)).toHaveText(sentence);
    await openDetails(page);
    // The log itself is intact: every step passes; the file the portal serves is what changed.
    for (const step of ["content", "leaf", "inclusion", "signature"]) {
      await expect(status.locator(`[data-step="${step}"]`)).toHaveAttribute("data-step-status", "ok");
    }
    const checked = page.getByTestId("verify-attachments").locator("li");
    await expect(checked).toHaveAttribute("data-attachment-status", "differs");
    await expect(checked).toContainText(notice.versions[0].attachments[0].sha256);
  }
});

test("a file the visitor has, chosen or dropped on the notice page, is said to match its attachment or none of them", async ({ page }) => {
  const id = "HP-ECO-2026-045";
  const notice = await apiNotice(page, id);
  const attachment = notice.versions.at(-1).attachments[0];
  const bytes = await (await page.request.get(attachment.url)).body();
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.method() !== "GET") uploads.push(request.url());
  });
  for (const [locale, choose, yes, no] of [
    [
      "en",
      "Choose a file…",
      `“mine.csv” is attachment 1 of this version, “${attachment.fileName}”: its SHA-256 and size are the same.`,
      "“other.csv” matches none of this version's attachments",
    ],
    ["zh-CN", "选择文件…", `“mine.csv”是此版本的附件1，“${attachment.fileName}”：SHA-256 与大小均相同。`, "“other.csv”与此版本的任何附件都不一致"],
  ] as const) {
    await page.goto(`/${locale}/n/${id}`);
    const check = page.getByTestId("attachment-file-check");
    const result = check.getByTestId("attachment-file-result");
    // The visible control is a button-like label for the file input.
    await expect(check.locator("label", { hasText: choose })).toBeVisible();
    await check.getByLabel(choose).setInputFiles({ name: "mine.csv", mimeType: "text/csv", buffer: bytes });
    await expect(result.locator('[data-file-match="yes"]')).toHaveText(`✓ ${yes}`);
    await expect(result.locator("code")).toHaveText(attachment.sha256);
    expect(await axe(page)).toEqual([]);

    const other = Buffer.concat([bytes, Buffer.from("\n")]);
    const dataTransfer = await page.evaluateHandle(
      (data) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(data)], "other.csv", { type: "text/csv" }));
        return transfer;
      },
      [...other],
    );
    await check.getByTestId("attachment-drop-zone").dispatchEvent("drop", { dataTransfer });
    await expect(result.locator('[data-file-match="no"]')).toContainText(no);
    await expect(result.locator('[data-file-match="yes"]')).toHaveCount(0);
  }
  expect(uploads).toEqual([]);
});
