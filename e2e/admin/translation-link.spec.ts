/**
 * A clerk links a notice as the translation of another on the notice's staff page: a wrong id is
 * refused in the page's language with what was typed kept; the right one links, and both public
 * pages then link each other ("Also in English" / "另有中文版"). Notices are published fresh
 * through the real publishing services (e2e/support/publishing-cli.ts).
 */
import { execFileSync } from "node:child_process";
import { expect as baseExpect, test } from "@playwright/test";
import { axeViolations } from "../a11y/axe-check";
import { CLERK, signIn } from "./editor-support";

// Each step waits on a server action and a re-render; the shared 2-core machine is often loaded.
const expect = baseExpect.configure({ timeout: 20_000 });
const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongshi_e2e";

function publish(fields: Record<string, string>): string {
  const out = execFileSync("npx", ["tsx", "--conditions=react-server", "e2e/support/publishing-cli.ts", "publish", CLERK.email, JSON.stringify(fields)], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return (JSON.parse(out.trim().split("\n").at(-1)!) as { noticeId: string }).noticeId;
}

test("a clerk links an English notice as the translation of a Chinese one; both public pages link each other", async ({ page }) => {
  test.slow();
  const stamp = Date.now();
  const original = publish({ title: `关于滨江步道照明改造的公示 ${stamp}`, category: "planning", language: "zh-CN", effectiveDate: "2026-03-01", body: "端到端测试：译本关联。" });
  const translation = publish({
    title: `Riverside walkway lighting works ${stamp}`,
    category: "planning",
    language: "en",
    effectiveDate: "2026-03-01",
    body: "End-to-end test: translation link.",
  });

  await signIn(page, "en");
  await page.goto(`/en/admin/notices/${translation}`);
  await expect(page.getByRole("heading", { name: "Translations" })).toBeVisible();
  await expect(page.getByText("This notice is not linked to a translation.")).toBeVisible();
  const field = page.getByLabel("This notice is a translation of the notice (id)");
  await field.fill("NO-SUCH-NOTICE");
  await page.getByRole("button", { name: "Link as translation" }).click();
  await expect(page.locator("#originalId-status")).toHaveText("There is no notice with this id.");
  await expect(field).toHaveValue("NO-SUCH-NOTICE");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  expect(await axeViolations(page, "normal")).toEqual([]);

  await field.fill(original);
  await page.getByRole("button", { name: "Link as translation" }).click();
  await expect(page.locator("#originalId-status")).toHaveText("Linked: the two notices' pages now link each other.");
  await expect(page.getByTestId("admin-translations")).toContainText(original);

  await page.goto(`/zh-CN/admin/notices/${original}`);
  await expect(page.getByTestId("admin-translations")).toContainText(translation);
  expect(await axeViolations(page, "normal")).toEqual([]);

  await page.goto(`/zh-CN/n/${original}`);
  await page.getByTestId("notice-translations").getByRole("link", { name: "Also in English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/n/${translation}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Riverside walkway lighting works ${stamp}`);
  await page.getByTestId("notice-translations").getByRole("link", { name: "另有中文版" }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-CN/n/${original}$`));
});
