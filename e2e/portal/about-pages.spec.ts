import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_LOG_ORIGIN, E2E_VERIFIER_KEY } from "../support/test-log-key";

test("the about page explains the proofs and shows the log origin, verifier key and its fingerprint", async ({ page }) => {
  await page.goto("/zh-CN/about");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("公示平台如何证明发布内容");
  const steps = page.getByRole("region", { name: "点击“验证”时，您的浏览器检查什么" }).getByRole("listitem");
  await expect(steps).toHaveCount(7);
  // What Verify checks, exactly: the attachments are downloaded and hashed, not only listed.
  await expect(steps.nth(0)).toContainText("将页面列出的每个附件的 SHA-256 与大小与日志记录比对");
  await expect(steps.nth(6)).toContainText("附件文件：下载日志记录所列的每个附件");
  await expect(page.getByTestId("log-origin")).toHaveText(E2E_LOG_ORIGIN);
  await expect(page.getByTestId("verifier-key")).toHaveText(E2E_VERIFIER_KEY);
  // Computed here from the key the tests hold, not from anything the server says.
  const hex = createHash("sha256").update(E2E_VERIFIER_KEY).digest("hex");
  await expect(page.getByTestId("key-fingerprint")).toHaveText(hex.match(/.{4}/g)!.join(" "));

  await page.goto("/en/about");
  await expect(page.getByRole("heading", { level: 2, name: "Inclusion and consistency proofs" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Offline proof bundles for journalists" })).toBeVisible();
  const enSteps = page.getByRole("region", { name: "What your browser checks when you press Verify" }).getByRole("listitem");
  await expect(enSteps.nth(6)).toContainText("Attachment files: download every attachment the log entry lists");
});

test("the accessibility statement names its standards, the reading mode, testing, limits and a contact", async ({ page }) => {
  for (const locale of ["zh-CN", "en"]) {
    await page.goto(`/${locale}/accessibility`);
    const main = page.getByRole("main");
    await expect(main).toContainText("WCAG 2.2");
    await expect(main).toContainText("GB/T 37668-2019");
    await expect(main).toContainText("axe-core");
    await expect(main).toContainText("accessibility@gongshi.example");
    await expect(main.getByRole("heading", { level: 2 })).toHaveCount(5);
  }
});

test("the header links to notices, agencies, log and about; the footer to about, accessibility and log, with the log origin", async ({ page }) => {
  await page.goto("/en/agencies");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  for (const [name, href] of [
    ["Notices", "/en/notices"],
    ["Agencies", "/en/agencies"],
    ["Log", "/en/log"],
    ["About", "/en/about"],
  ] as const) {
    await expect(nav.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
  }
  const footer = page.getByRole("contentinfo");
  const footerNav = footer.getByRole("navigation", { name: "Site information" });
  for (const [name, href] of [
    ["About", "/en/about"],
    ["Accessibility", "/en/accessibility"],
    ["Log", "/en/log"],
  ] as const) {
    await expect(footerNav.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
  }
  await expect(footer).toContainText(`Log origin: ${E2E_LOG_ORIGIN}`);
  await footerNav.getByRole("link", { name: "Accessibility" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
});
