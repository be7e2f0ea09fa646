import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { expectVerified, KEPT_CHECKPOINT_KEY, startVerify } from "./verify-support";

test("a seeded notice verifies end to end in the browser, each step ticked, in both languages", async ({ page }) => {
  for (const [locale, button, verdict, firstVisit] of [
    ["zh-CN", "验证此版本", "验证通过", "没有可供比较的早先检查点"],
    ["en", "Verify this version", "Verified", "no earlier checkpoint to compare with"],
  ] as const) {
    await page.goto(`/${locale}/n/HP-PLAN-2026-003`);
    await page.evaluate(() => localStorage.clear());
    const status = await startVerify(page, button);
    await expectVerified(status);
    await expect(status).toContainText(verdict);
    await expect(status.locator('[data-step="consistency"]')).toContainText(firstVisit);
    await expect(status.locator('[data-step="consistency"]')).toHaveAttribute("data-step-status", "info");
    // Text, not colour alone: each step says in words that it passed.
    await expect(status.locator('[data-step="content"]')).toContainText(locale === "en" ? "passed" : "通过");
  }
});

test("the page shows the built-in key's fingerprint, the same the About page publishes", async ({ page }) => {
  await page.goto("/en/about");
  const published = (await page.getByTestId("key-fingerprint").textContent())!.trim();
  expect(published).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  await page.goto("/en/n/HP-PLAN-2026-003/v/1");
  await startVerify(page);
  await expect(page.getByTestId("verify-key-fingerprint")).toHaveText(published);
});

test("a second verification checks consistency with the checkpoint this browser kept", async ({ page }) => {
  await page.goto("/en/n/HP-GOV-2026-039/v/1");
  await page.evaluate(() => localStorage.clear());
  await expectVerified(await startVerify(page));
  const kept = await page.evaluate((key) => localStorage.getItem(key), KEPT_CHECKPOINT_KEY);
  expect(kept).toMatch(/^e2e\.gongshi\.localhost\/log\n\d+\n/);
  await page.goto("/en/n/HP-GOV-2026-039");
  const status = await startVerify(page);
  await expectVerified(status);
  await expect(status.locator('[data-step="consistency"]')).toHaveAttribute("data-step-status", "ok");
});

test("a withheld field still verifies: its commitment is checked as published and it is shown as withheld with date and basis", async ({ page }) => {
  await page.goto("/en/n/HP-HRSS-2026-024/v/1");
  const status = await startVerify(page);
  await expectVerified(status);
  const withheld = page.getByTestId("verify-withheld");
  await expect(withheld).toContainText("body");
  await expect(withheld).toContainText("PIPL Art. 47");
  await expect(withheld).toContainText(/withheld on \w+ \d{1,2}, \d{4}/);
});

test("a version not yet in a checkpoint waits for the next one and completes by itself", async ({ page }) => {
  let answered = 0;
  // The e2e committer is too fast to catch a real pending version; the first answers say pending.
  await page.route("**/api/v1/notices/HP-GOV-2026-001", async (route) => {
    const response = await route.fetch();
    const notice = await response.json();
    if (answered++ < 2) {
      for (const v of notice.versions) Object.assign(v, { status: "pending", log: null });
    }
    await route.fulfill({ response, json: notice });
  });
  await page.goto("/en/n/HP-GOV-2026-001");
  const status = await startVerify(page);
  await expect(page.getByTestId("verify-phase")).toContainText("waiting for the next checkpoint");
  await expect(status).toHaveAttribute("data-verify-status", "pending");
  await expectVerified(status);
  expect(answered).toBeGreaterThanOrEqual(3);
});

test("the verifier is not in the notice page's initial JavaScript and loads as a small chunk on click", async ({ page }) => {
  const scripts = new Map<string, Buffer>();
  page.on("response", async (response) => {
    if (response.request().resourceType() === "script") scripts.set(response.url(), await response.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto("/en/n/HP-PLAN-2026-003", { waitUntil: "networkidle" });
  const initial = new Set(scripts.keys());
  // A string only the verifier's code contains; minifiers keep string literals.
  const marker = "no-earlier-checkpoint";
  for (const url of initial) expect(scripts.get(url)!.toString("utf8"), url).not.toContain(marker);
  const status = await startVerify(page);
  await expectVerified(status);
  const lazy = [...scripts.keys()].filter((url) => !initial.has(url));
  expect(lazy.length).toBeGreaterThan(0);
  expect(lazy.some((url) => scripts.get(url)!.toString("utf8").includes(marker))).toBe(true);
  const gzipped = lazy.reduce((sum, url) => sum + gzipSync(scripts.get(url)!).length, 0);
  test.info().annotations.push({ type: "verifier chunk", description: `${lazy.length} file(s), ${gzipped} bytes gzipped` });
  expect(gzipped).toBeLessThan(40 * 1024);
});

test("click-to-verdict time is recorded, split into network and computation", async ({ page }) => {
  await page.goto("/en/n/HP-PLAN-2026-017");
  const status = await startVerify(page);
  await expectVerified(status);
  const network = Number(await status.getAttribute("data-verify-network-ms"));
  const compute = Number(await status.getAttribute("data-verify-compute-ms"));
  expect(network).toBeGreaterThan(0);
  expect(compute).toBeGreaterThan(0);
  test.info().annotations.push({ type: "verify timing", description: `network ${network} ms, computation ${compute} ms` });
});

test("a committed version offers its proof bundle, which the /verify page then checks", async ({ page }) => {
  await page.goto("/en/n/HP-GOV-2026-026/v/1");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the proof bundle (to check offline)" }).click()]);
  const path = await download.path();
  await page.goto("/en/verify");
  await page.getByLabel("Proof bundle file").setInputFiles(path);
  await expect(page.getByTestId("bundle-result")).toContainText("HP-GOV-2026-026, version 1");
  await expectVerified(page.getByTestId("bundle-result").getByRole("status"));
});
