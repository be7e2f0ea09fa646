/**
 * A clerk publishes a new notice as the translation of a published one, naming it in the
 * editor: the link is made with the publication, and both public pages link each other. A link
 * that cannot be made (same language) refuses the publication with its reason in the page's
 * language; an unknown id is named next to its field. Typed values are kept throughout.
 */
import { expect as baseExpect, test } from "@playwright/test";
import { axeViolations } from "../a11y/axe-check";
import { fillNotice, markdownBody, newDraft, signIn, uniqueWord } from "./editor-support";

// Each step waits on a server action and a re-render; the shared 2-core machine is often loaded.
const expect = baseExpect.configure({ timeout: 20_000 });

/** Demo notices of the demo clerk's agency in Chinese (lib/server/seed/demo-notices-planning.ts), with no translation (lib/server/seed/demo-translations.ts). */
const CHINESE_ORIGINAL = "HP-PLAN-2025-041";
const CHINESE_OTHER = "HP-PLAN-2026-017";

test("a clerk publishes an English draft as the translation of a Chinese demo notice; both public pages link each other", async ({ page }) => {
  test.slow();
  const title = `Old town conservation plan consultation ${uniqueWord()}`;
  await signIn(page, "en");
  await newDraft(page, "en");
  await fillNotice(page, { title, category: "Public consultation", body: "The English text of the consultation notice." });
  const field = page.getByLabel("This notice is a translation of (notice id, optional)");
  await field.fill("NO-SUCH-NOTICE");
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(page.locator("#translationOf-error")).toHaveText("There is no notice with this id.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue("NO-SUCH-NOTICE");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  expect(await axeViolations(page, "normal")).toEqual([]);

  await field.fill(CHINESE_ORIGINAL);
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/drafts\/[0-9a-f-]{36}\/publish$/);
  await expect(page.getByText(CHINESE_ORIGINAL)).toBeVisible();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/notices\/HP-PLANNING-2026-[0-9A-Z]{6}$/);
  const translation = page.url().split("/").pop()!;
  await expect(page.getByTestId("admin-translations")).toContainText(CHINESE_ORIGINAL);

  await page.goto(`/zh-CN/n/${CHINESE_ORIGINAL}`);
  await page.getByTestId("notice-translations").getByRole("link", { name: "Also in English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/n/${translation}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await page.getByTestId("notice-translations").getByRole("link", { name: "另有中文版" }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-CN/n/${CHINESE_ORIGINAL}$`));
});

test("a draft naming a notice in its own language is not published: the reason is shown in Chinese and the draft keeps what was typed", async ({ page }) => {
  test.slow();
  const title = `关于同语言译本的测试公示 ${uniqueWord()}`;
  await signIn(page, "zh-CN");
  const editor = await newDraft(page, "zh-CN");
  await page.getByLabel("标题", { exact: true }).fill(title);
  await page.getByLabel("类别").selectOption({ label: "城乡规划" });
  await page.getByLabel("公示语言").selectOption("zh-CN");
  await page.getByLabel("生效日期").fill("2026-12-01");
  await (await markdownBody(page)).fill("同语言的译本不能关联。");
  const field = page.getByLabel("本公示是下列公示的译本（公示编号，可选）");
  await field.fill("带 空格");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.locator("#translationOf-error")).toHaveText("这不是公示编号：编号不含空格，最多 100 个字符。");
  await expect(page.getByRole("status").first()).toHaveText("草稿未保存：请检查本公示所翻译的公示编号。您输入的内容已保留。");
  await expect(field).toHaveValue("带 空格");
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(title);
  expect(await axeViolations(page, "normal")).toEqual([]);

  await field.fill(CHINESE_OTHER);
  await page.getByRole("button", { name: "发布…" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/admin\/drafts\/[0-9a-f-]{36}\/publish$/);
  await page.getByRole("button", { name: "立即发布" }).click();
  await expect(page.getByRole("status").filter({ hasText: "未发布" })).toHaveText("未发布：本公示与其所翻译的公示语言相同；译本须为另一种语言。请在编辑页修改语言或编号。");
  await expect(page).toHaveURL(/\/publish$/);
  expect(await axeViolations(page, "normal")).toEqual([]);

  await page.goto(editor);
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(title);
  await expect(field).toHaveValue(CHINESE_OTHER);
  await page.goto(`/zh-CN/n/${CHINESE_OTHER}`);
  await expect(page.getByTestId("notice-translations")).toHaveCount(0);
});
