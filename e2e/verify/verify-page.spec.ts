import { expect, test, type Page } from "@playwright/test";
import { expectVerified } from "./verify-support";

async function bundleOf(page: Page, id: string, version: number): Promise<Buffer> {
  const response = await page.request.get(`/api/v1/notices/${id}/versions/${version}/bundle`);
  expect(response.ok()).toBe(true);
  return response.body();
}

test("an uploaded proof bundle verifies entirely in the page, with the network to the server cut", async ({ page }) => {
  const bundle = await bundleOf(page, "HP-PLAN-2026-003", 1);
  await page.goto("/en/verify", { waitUntil: "networkidle" });
  const asked: string[] = [];
  page.on("request", (request) => asked.push(request.url()));
  await page.route("**/*", (route) => route.abort());
  await page.getByLabel("Proof bundle file").setInputFiles({ name: "bundle.json", mimeType: "application/json", buffer: bundle });
  const result = page.getByTestId("bundle-result");
  await expect(result).toContainText("HP-PLAN-2026-003, version 1");
  await expectVerified(result.getByRole("status"));
  expect(asked.filter((url) => /\/(api|log)\//.test(new URL(url).pathname))).toEqual([]);
});

test("a proof bundle whose body was edited fails at the content step naming the body", async ({ page }) => {
  const bundle = JSON.parse((await bundleOf(page, "HP-PLAN-2026-003", 1)).toString("utf8"));
  bundle.fields.body += " ";
  await page.goto("/zh-CN/verify");
  await page.getByLabel("证明包文件").setInputFiles({ name: "bundle.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bundle)) });
  const status = page.getByTestId("bundle-result").getByRole("status");
  await expect(status).toHaveAttribute("data-verify-status", "failed");
  await expect(status.locator('[data-step="content"]')).toHaveAttribute("data-step-status", "failed");
  await expect(status.locator('[data-step="content"]')).toContainText("body");
});

test("a file that is not a bundle is refused with a message in the visitor's language", async ({ page }) => {
  await page.goto("/zh-CN/verify");
  await page.getByLabel("证明包文件").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{}") });
  await expect(page.getByText(/此文件不是有效的证明包/)).toBeVisible();
});

test("a dropped attachment is hashed in the browser and finds its notice, which then verifies", async ({ page }) => {
  const notice = await (await page.request.get("/api/v1/notices/HP-ECO-2026-045")).json();
  const attachment = notice.versions.at(-1).attachments[0];
  const bytes = await (await page.request.get(attachment.url)).body();
  await page.goto("/en/verify");
  await expect(page.getByText("The file is never uploaded")).toBeVisible();
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.method() !== "GET") uploads.push(request.url());
  });
  const dataTransfer = await page.evaluateHandle(
    (data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "air.csv", { type: "text/csv" }));
      return transfer;
    },
    [...bytes],
  );
  await page.getByTestId("file-drop-zone").dispatchEvent("drop", { dataTransfer });
  await expect(page.getByTestId("file-sha256")).toHaveText(attachment.sha256);
  const matches = page.getByTestId("file-matches");
  await expect(matches).toContainText("HP-ECO-2026-045");
  await matches
    .getByRole("button", { name: /HP-ECO-2026-045/ })
    .first()
    .click();
  await expectVerified(matches.getByTestId("verify-panel").first().locator("[data-verify-status]"));
  expect(uploads).toEqual([]);
});

test("a pasted notice link is verified, and text that is not one is refused", async ({ page }) => {
  await page.goto("/en/verify");
  const input = page.getByLabel("Notice link or id");
  await input.fill("https://example.org/en/n/HP-GOV-2026-039/v/2");
  await input.press("Enter");
  await expect(page.getByRole("link", { name: /Open the notice page \(HP-GOV-2026-039 v2\)/ })).toBeVisible();
  await expectVerified(page.getByTestId("verify-panel").locator("[data-verify-status]"));
  await input.fill("not a notice/link");
  await input.press("Enter");
  await expect(page.getByText("That is not a notice link or id.")).toBeVisible();
});
