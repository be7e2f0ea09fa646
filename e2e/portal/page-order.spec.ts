import { expect, test, type Locator } from "@playwright/test";

/** The top edge of `below` is under the bottom edge of `above` on the rendered page. */
async function expectBelow(below: Locator, above: Locator): Promise<void> {
  const a = (await above.boundingBox())!;
  const b = (await below.boundingBox())!;
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
}

test("a notice's proof details (log index, leaf hash, checkpoint size) come below its content, not in its heading", async ({ page }) => {
  const id = "HP-FIN-2026-002";
  const notice = await (await page.request.get(`/api/v1/notices/${id}`)).json();
  const current = notice.versions.at(-1);
  for (const [locale, heading, text] of [
    ["en", "Proof details", "Text of the notice"],
    ["zh-CN", "证明细节", "公示正文"],
  ] as const) {
    await page.goto(`/${locale}/n/${id}`);
    const proof = page.getByRole("region", { name: heading });
    await expect(proof.getByTestId("log-index")).toHaveText(`#${current.log.index}`);
    await expect(proof.getByTestId("checkpoint-size")).toHaveText(String(current.log.checkpointSize));
    await expect(proof.locator("code")).toHaveText(current.log.leafHash);
    await expect(page.locator("article header")).not.toContainText(current.log.leafHash);
    await expectBelow(proof, page.getByRole("region", { name: text }));
    await expectBelow(proof, page.getByTestId("attachment").last());
    await expectBelow(proof, page.getByTestId("verify-control"));
  }
});

test("the home page's log card comes below the latest notices", async ({ page }) => {
  for (const [locale, latest, log] of [
    ["en", /Latest notices/, /Log status/],
    ["zh-CN", /最新公示/, /日志状态/],
  ] as const) {
    await page.goto(`/${locale}`);
    const card = page.getByRole("region", { name: log });
    await expect(card.getByTestId("log-size")).toBeVisible();
    await expectBelow(card, page.getByRole("region", { name: latest }));
  }
});
