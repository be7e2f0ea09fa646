import { expect, test } from "@playwright/test";
import { expectVerified, startVerify } from "../verify/verify-support";
import { ADMIN, amendFreshNotice, CLERK, ensureE2eAdministrator, publishFreshNotice, signIn, versionsWhen } from "./revise-support";

const REASON = "公示对象有误，将另行公示。";
const DETAIL = "经核实，拟聘人员名单中一人的岗位填写错误。\n更正后的名单将于三个工作日内重新公示。";
const BASIS = "《中华人民共和国个人信息保护法》第十三条";

// Each test publishes a notice of its own through a separate process, then waits for the log.
test.describe.configure({ timeout: 300_000 });

test("the clerk retracts a notice of its agency with a reason and its detail: the public page shows the banner, 撤回原因 and the detail, a retract entry is logged, and the earlier version still verifies", async ({
  page,
  request,
}) => {
  const { noticeId, title } = publishFreshNotice("撤回");
  await versionsWhen(request, noticeId, (v) => v[0]?.log !== null);
  await signIn(page, CLERK);
  await page.goto(`/zh-CN/admin/notices/${noticeId}/retract`);
  await expect(page.getByRole("heading", { level: 1, name: "撤回公示" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(title);
  await expect(page.getByTestId("current-version")).toHaveText("第 1 版（发布）");
  await page.getByLabel("撤回理由").fill(REASON);
  await page.getByLabel("详细说明（可选）").fill(DETAIL);
  await page.getByRole("checkbox", { name: "我了解撤回是永久且公开的。" }).check();
  await page.getByRole("button", { name: "撤回公示" }).click();

  await expect(page).toHaveURL(new RegExp(`/zh-CN/n/${noticeId}$`));
  const banner = page.locator('[data-banner="retracted"]');
  await expect(banner).toContainText("本公示已于");
  const reason = banner.getByTestId("banner-reason");
  await expect(reason.locator("p").first()).toHaveText(`撤回原因：${REASON}`);
  // The detail keeps its line break (shown as a line break, not run together).
  await expect(reason.locator("p").nth(1)).toHaveText(`详细说明：${DETAIL}`);
  expect(await reason.locator("p").nth(1).innerText()).toContain("错误。\n更正后");
  await page.goto(`/en/n/${noticeId}`);
  await expect(page.locator('[data-banner="retracted"]').getByTestId("banner-reason").locator("p").first()).toHaveText(`Reason for retraction: ${REASON}`);

  const versions = await versionsWhen(request, noticeId, (v) => v[1]?.kind === "retract" && v[1].log !== null);
  const index = versions[1]!.log!.index;
  const entry = await (await request.get(`/api/v1/log/entries/${index}`)).json();
  expect(Object.keys(JSON.parse(Buffer.from(entry.leaf, "base64").toString("utf8")).fields)).toEqual(["reason", "reasonDetail", "title"]);
  await page.goto("/zh-CN/log");
  expect(Number(await page.getByTestId("log-size").textContent())).toBeGreaterThan(index);
  await page.goto(`/zh-CN/log/entries/${index}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`日志记录 #${index}`);
  await expect(page.getByRole("main")).toContainText("撤回");
  await expect(page.getByRole("main")).toContainText(noticeId);

  await page.goto(`/zh-CN/n/${noticeId}/v/1`);
  await expectVerified(await startVerify(page));
});

test("an empty reason or a missing confirmation is answered next to the field in English, keeping what was typed", async ({ page, request }) => {
  const { noticeId } = publishFreshNotice("empty reason");
  await signIn(page, CLERK, "en");
  await page.goto(`/en/admin/notices/${noticeId}/retract`);
  const confirm = page.getByRole("checkbox", { name: "I understand a retraction is permanent and public." });
  await confirm.check();
  await page.getByRole("button", { name: "Retract notice" }).click();
  await expect(page.locator("#reason-error")).toHaveText("Enter the reason for the retraction.");
  await expect(page.locator("#reason-error")).toHaveAttribute("aria-live", "polite");
  await expect(page.getByLabel("Reason for the retraction")).toHaveAttribute("aria-invalid", "true");
  await expect(confirm).toBeChecked();

  await page.getByLabel("Reason for the retraction").fill("Published by mistake.");
  await confirm.uncheck();
  await page.getByRole("button", { name: "Retract notice" }).click();
  await expect(page.locator("#confirm-error")).toHaveText("Tick the box to confirm that you understand the retraction is permanent and public.");
  await expect(page.locator("#reason-error")).toHaveText("");
  await expect(page.getByLabel("Reason for the retraction")).toHaveValue("Published by mistake.");
  await expect(page).toHaveURL(new RegExp(`/en/admin/notices/${noticeId}/retract$`));

  // The reason is one line of at most 200 characters; paragraphs go in the detail, which is kept too.
  await expect(page.getByLabel("Reason for the retraction")).toHaveAttribute("maxlength", "200");
  await expect(page.getByLabel("Reason for the retraction")).not.toHaveJSProperty("tagName", "TEXTAREA");
  await page.getByLabel("Details (optional)").fill("First paragraph.\n\nSecond paragraph.");
  await page.getByRole("button", { name: "Retract notice" }).click();
  await expect(page.locator("#confirm-error")).not.toBeEmpty();
  await expect(page.getByLabel("Details (optional)")).toHaveValue("First paragraph.\n\nSecond paragraph.");
  expect((await versionsWhen(request, noticeId, () => true)).map((v) => v.kind)).toEqual(["publish"]);
});

test("a version added after the page was opened is a conflict that says so and keeps the reason; a second submit retracts the new version", async ({ page, request }) => {
  const { noticeId, title } = publishFreshNotice("conflict");
  await signIn(page, CLERK, "en");
  await page.goto(`/en/admin/notices/${noticeId}/retract`);
  await page.getByLabel("Reason for the retraction").fill("Superseded by a new notice.");
  await page.getByRole("checkbox", { name: "I understand a retraction is permanent and public." }).check();
  amendFreshNotice(noticeId, 1, `${title} (amended)`);
  await page.getByRole("button", { name: "Retract notice" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Someone added version 2 (Amended) of this notice after you opened this page.");
  await expect(page.getByLabel("Reason for the retraction")).toHaveValue("Superseded by a new notice.");
  expect((await versionsWhen(request, noticeId, () => true)).map((v) => v.kind)).toEqual(["publish", "amend"]);

  await page.getByRole("button", { name: "Retract notice" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/n/${noticeId}$`));
  await expect(page.locator('[data-banner="retracted"]')).toContainText("Superseded by a new notice.");
  expect((await versionsWhen(request, noticeId, (v) => v.length === 3)).map((v) => v.kind)).toEqual(["publish", "amend", "retract"]);
});

test("the administrator withholds fields of a logged version through the confirmation step: the public page shows them withheld, a redact entry is logged, and the version still verifies", async ({
  page,
  request,
}) => {
  ensureE2eAdministrator();
  const { noticeId } = publishFreshNotice("隐去", "拟聘人员名单.pdf");
  await versionsWhen(request, noticeId, (v) => v[0]?.log !== null);
  await signIn(page, ADMIN, "en");
  await page.goto(`/en/admin/notices/${noticeId}/redact`);
  await expect(page.getByRole("heading", { level: 1, name: "Withhold fields of a notice version" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("The legal basis is permanent and public");
  await expect(page.getByRole("radio", { name: /^Version 1 \(Published\), log entry #\d+$/ })).toBeChecked();
  await page.getByRole("checkbox", { name: "Document number", exact: true }).check();
  await page.getByRole("checkbox", { name: "Attachment file name: 拟聘人员名单.pdf" }).check();
  await page.getByLabel("Legal basis").fill(BASIS);
  await page.getByRole("button", { name: "Review" }).click();

  const confirmStep = page.getByTestId("redact-confirm");
  await expect(confirmStep.getByRole("heading", { name: "Confirm the redaction" })).toBeFocused();
  await expect(page.getByTestId("redact-summary").getByRole("listitem")).toHaveText([
    /^Document number \(number\)/,
    /^Attachment file name: 拟聘人员名单\.pdf \(attachments\/0\/name\)/,
  ]);
  await expect(page.getByTestId("redact-basis")).toHaveText(BASIS);
  // Back keeps every choice; nothing is withheld until confirmed.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByRole("checkbox", { name: "Document number", exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Attachment file name: 拟聘人员名单.pdf" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Title", exact: true })).not.toBeChecked();
  await expect(page.getByLabel("Legal basis")).toHaveValue(BASIS);
  expect((await versionsWhen(request, noticeId, () => true))[0]!.withheld).toEqual([]);
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByRole("button", { name: "Confirm redaction" }).click();

  await expect(page).toHaveURL(new RegExp(`/en/n/${noticeId}/v/1$`));
  const withheld = page.locator('[data-banner="withheld"]');
  await expect(withheld).toHaveCount(2);
  await expect(withheld.filter({ hasText: "Document number" })).toContainText(BASIS);
  await expect(page.getByRole("main")).not.toContainText("拟聘人员名单.pdf");

  const [v1] = await versionsWhen(request, noticeId, (v) => v[0]!.withheld.length === 2 && v[0]!.withheld.every((w) => w.logIndex !== null));
  const redactIndex = v1!.withheld[0]!.logIndex!;
  await page.goto(`/en/log/entries/${redactIndex}`);
  await expect(page.getByRole("main")).toContainText("Withheld");
  await expect(page.getByRole("main")).toContainText("attachments/0/name");
  await expect(page.getByRole("main")).toContainText(BASIS);

  await page.goto(`/en/n/${noticeId}/v/1`);
  await expectVerified(await startVerify(page));
  await expect(page.getByTestId("verify-withheld")).toContainText("number");
});

test("the redact form answers a basis with a text-direction control and no chosen field in Chinese, next to each field, keeping the typed basis", async ({ page, request }) => {
  ensureE2eAdministrator();
  const { noticeId } = publishFreshNotice("隐去校验");
  await versionsWhen(request, noticeId, (v) => v[0]?.log !== null);
  await signIn(page, ADMIN);
  await page.goto(`/zh-CN/admin/notices/${noticeId}/redact`);
  // U+202E would make the permanent basis display reversed; the log format refuses it.
  const basis = "《个人信息保护法》\u202E第十三条";
  await page.getByLabel("法律依据").fill(basis);
  await page.getByRole("button", { name: "检查" }).click();
  await expect(page.locator("#withhold-error")).toHaveText("请至少选择一个要隐去的字段。");
  await expect(page.locator("#basis-error")).toHaveText("法律依据包含控制字符或文字方向字符，日志不接受这些字符。");
  await expect(page.getByLabel("法律依据")).toHaveValue(basis);
  await expect(page.getByTestId("redact-confirm")).toHaveCount(0);
  expect((await versionsWhen(request, noticeId, () => true))[0]!.withheld).toEqual([]);
});
