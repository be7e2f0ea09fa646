import { randomUUID } from "node:crypto";
import { test } from "@playwright/test";
import { createTestAdmin, expect, createUserViaForm, DEMO_CLERK, PASSWORD, signIn, uniqueEmail, type Credentials } from "./support";

// Each test makes accounts through the forms and signs in more than once: minutes, not seconds,
// on a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });

let admin: Credentials;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  admin = await createTestAdmin(browser);
});

const MANAGED = ["/admin/users", "/admin/agencies", "/admin/audit"];

test("an anonymous visitor to the users, agencies and audit pages gets the sign-in page without the staff navigation", async ({ page }) => {
  for (const path of MANAGED) {
    await page.goto(`/zh-CN${path}`);
    await expect(page).toHaveURL(/\/zh-CN\/admin\/sign-in$/);
    await expect(page.getByRole("heading", { name: "工作人员登录" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "工作人员导航" })).toHaveCount(0);
  }
});

test("a clerk gets a localized 403 on the users, agencies and audit pages and sees only the dashboard, their work and new notice", async ({ page }) => {
  await signIn(page, DEMO_CLERK);
  const nav = page.getByRole("navigation", { name: "Staff navigation" });
  await expect(nav.getByRole("link")).toHaveText(["Dashboard", "My work", "New notice", "Your account"]);
  for (const path of MANAGED) {
    const response = await page.goto(`/en${path}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
  const response = await page.goto("/zh-CN/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await page.getByRole("link", { name: "返回工作台" }).click();
  await page.getByRole("button", { name: "退出登录", exact: true }).click();
  await expect(page).toHaveURL(/\/zh-CN\/admin\/sign-in$/);
  await expect(page.getByRole("navigation", { name: "工作人员导航" })).toHaveCount(0);
});

test("an administrator creates an agency and a clerk for it, and the new clerk signs in and sees the agency", async ({ page, browser }) => {
  const suffix = randomUUID().slice(0, 6);
  const agency = { id: `e2e-bureau-${suffix}`, nameZh: `测试局${suffix}`, nameEn: `E2E Bureau ${suffix}` };
  await signIn(page, admin);
  await expect(page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link")).toHaveText([
    "Dashboard",
    "Agencies",
    "Users",
    "API tokens",
    "Audit trail",
    "Your account",
  ]);
  await page.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Agencies" }).click();
  await page.getByRole("link", { name: "New agency" }).click();
  await page.getByLabel("Id", { exact: true }).fill(agency.id);
  await page.getByLabel("Name (Chinese)").fill(agency.nameZh);
  await page.getByLabel("Name (English)").fill(agency.nameEn);
  await page.getByLabel("Description (English)").fill("Made by a browser test.");
  await page.getByRole("button", { name: "Create agency" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/agencies$/);
  await expect(page.getByRole("row", { name: new RegExp(agency.id) })).toContainText(agency.nameEn);

  const clerk = { email: uniqueEmail("e2e-clerk"), password: PASSWORD };
  await createUserViaForm(page, { email: clerk.email, name: "E2E Clerk", role: "Clerk", agencies: [agency.nameEn] });
  await expect(page.getByRole("row", { name: new RegExp(clerk.email) })).toContainText(agency.id);

  const other = await browser.newContext();
  const clerkPage = await other.newPage();
  await signIn(clerkPage, clerk);
  await expect(clerkPage.getByText("Role: Clerk")).toBeVisible();
  await expect(clerkPage.getByRole("region", { name: "Your agencies", exact: true })).toContainText(agency.nameEn);
  await other.close();
});

test("an administrator changes a clerk into an auditor, who then sees the audit trail, and the change is in the trail filtered by action", async ({ page, browser }) => {
  const auditor = { email: uniqueEmail("e2e-role"), password: PASSWORD };
  await signIn(page, admin);
  await createUserViaForm(page, { email: auditor.email, name: "E2E Role Change", role: "Clerk", agencies: ["Natural Resources and Planning"] });
  await page.getByRole("link", { name: auditor.email }).click();
  await page.getByRole("combobox", { name: "Role" }).selectOption({ label: "Auditor" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  const other = await browser.newContext();
  const auditorPage = await other.newPage();
  await signIn(auditorPage, auditor);
  await expect(auditorPage.getByText("Role: Auditor")).toBeVisible();
  await expect(auditorPage.getByRole("navigation", { name: "Staff navigation" }).getByRole("link")).toHaveText(["Dashboard", "Audit trail", "Your account"]);
  await auditorPage.getByRole("navigation", { name: "Staff navigation" }).getByRole("link", { name: "Audit trail" }).click();
  await auditorPage.getByLabel("Action").selectOption({ label: "Role changed" });
  await auditorPage.getByLabel("Actor (email)").fill(admin.email);
  await auditorPage.getByRole("button", { name: "Apply filter" }).click();
  await expect(auditorPage).toHaveURL(/action=user\.role-change/);
  const rows = auditorPage.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: auditor.email })).toHaveCount(1);
  await expect(rows.nth(1)).toContainText("Role changed");
  await expect(rows.nth(1)).toContainText(admin.email);
  await expect(auditorPage.getByRole("table")).not.toContainText("User created");
  await other.close();
});

test("a disabled user is signed out at once and the disabling is in the audit trail", async ({ page, browser }) => {
  const leaving = { email: uniqueEmail("e2e-leaving"), password: PASSWORD };
  await signIn(page, admin);
  await createUserViaForm(page, { email: leaving.email, name: "E2E Leaving", role: "Clerk", agencies: ["Natural Resources and Planning"] });
  const other = await browser.newContext();
  const leavingPage = await other.newPage();
  await signIn(leavingPage, leaving);

  await page.getByRole("link", { name: leaving.email }).click();
  await page.getByRole("button", { name: `Disable ${leaving.email}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "The user is disabled and signed out everywhere." })).toBeVisible();

  await leavingPage.goto("/en/admin");
  await expect(leavingPage).toHaveURL(/\/en\/admin\/sign-in$/);
  await other.close();

  await page.goto(`/en/admin/audit?action=user.disable&subject=`);
  await expect(page.getByRole("table")).toContainText(leaving.email);
  await expect(page.getByRole("table")).toContainText("User disabled");
});

test("an administrator cannot remove their own administrator role", async ({ page }) => {
  await signIn(page, admin);
  await page.goto("/en/admin/users");
  await page.getByRole("link", { name: admin.email }).click();
  await page.getByRole("combobox", { name: "Role" }).selectOption({ label: "Auditor" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("You cannot remove your own administrator role; ask another administrator.")).toBeVisible();
  await page.goto("/en/admin");
  await expect(page.getByText("Role: Administrator")).toBeVisible();
});

test("a failed create-user form keeps everything typed and shows localized errors next to the fields", async ({ page }) => {
  await signIn(page, admin, "zh-CN");
  await page.goto("/zh-CN/admin/users/new");
  await page.getByLabel("电子邮箱", { exact: true }).fill("not-an-email");
  await page.getByLabel("姓名").fill("张三");
  await page.getByLabel("初始密码").fill("short");
  await page.getByLabel("角色").selectOption({ label: "办事员" });
  await page.getByRole("button", { name: "创建用户" }).click();

  await expect(page.getByRole("status").first()).toHaveText("表单有误，错误信息显示在相应字段旁。");
  await expect(page.getByLabel("电子邮箱", { exact: true })).toHaveAccessibleDescription("请输入电子邮箱地址，例如 name@agency.gov.cn。");
  await expect(page.getByLabel("初始密码")).toHaveAccessibleDescription(/密码至少需要 12 个字符。/);
  await expect(page.getByRole("group", { name: "办事员所属机关" })).toHaveAccessibleDescription(/办事员至少需要一个机关。/);
  await expect(page.getByLabel("电子邮箱", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("电子邮箱", { exact: true })).toHaveValue("not-an-email");
  await expect(page.getByLabel("姓名")).toHaveValue("张三");
  await expect(page.getByLabel("初始密码")).toHaveValue("short");
  await expect(page.getByLabel("角色")).toHaveValue("clerk");
  await expect(page).toHaveURL(/\/zh-CN\/admin\/users\/new$/);
});
