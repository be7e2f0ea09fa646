import { expect, test } from "@playwright/test";
import { expectFailedAt, forgedHistory, KEPT_CHECKPOINT_KEY, openDetails, plainVerdictOf, resignWithStrangerKey, sql, startVerify } from "./verify-support";

test("a notice body changed in the database fails at the content step, naming the body", async ({ page }) => {
  // A notice of its own: the change is permanent in the shared e2e database.
  const id = "HP-ECO-2026-007";
  await sql(`UPDATE notice_version SET fields = jsonb_set(fields, '{body}', to_jsonb((fields->>'body') || ' (quietly edited)')) WHERE notice_id = $1 AND version = 1`, [id]);
  await page.goto(`/en/n/${id}/v/1`);
  await expect(page.getByRole("region", { name: "Text of the notice" })).toContainText("(quietly edited)");
  const status = await startVerify(page);
  await expectFailedAt(status, "content");
  // First, in words: what differs; the step and the field's name are under Details.
  await expect(plainVerdictOf(page)).toHaveText(
    "✗ This page does not show the notice as it was published. What differs from the record made in the public log at publication: the text.",
  );
  await openDetails(page);
  await expect(status.locator('[data-step="content"]')).toBeVisible();
  await expect(status.locator('[data-step="content"]')).toContainText("body");
  await expect(page.getByTestId("verify-verdict")).toHaveText(/failed at step 1, Content commitments: body does not match/);
  await expect(status.locator('[data-step="leaf"]')).toHaveAttribute("data-step-status", "skipped");
});

test("a corrupted inclusion proof fails at the inclusion step", async ({ page }) => {
  await page.route("**/api/v1/log/proof/inclusion?**", async (route) => {
    const response = await route.fetch();
    const proof = await response.json();
    expect(proof.hashes.length).toBeGreaterThan(0);
    const bytes = Buffer.from(proof.hashes[0], "base64");
    bytes[0]! ^= 0x01;
    proof.hashes[0] = bytes.toString("base64");
    await route.fulfill({ response, json: proof });
  });
  await page.goto("/en/n/HP-GOV-2026-004");
  const status = await startVerify(page);
  await expectFailedAt(status, "inclusion");
  await expect(plainVerdictOf(page)).toContainText("could not prove that this notice is in the public log");
  await openDetails(page);
  await expect(page.getByTestId("verify-verdict")).toContainText("step 3, Inclusion proof");
});

test("a checkpoint signed by another key fails at the signature step", async ({ page }) => {
  await page.route("**/log/checkpoint", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: resignWithStrangerKey(await response.text()) });
  });
  await page.goto("/en/n/HP-GOV-2026-007");
  const status = await startVerify(page);
  await expectFailedAt(status, "signature");
  await expect(plainVerdictOf(page)).toContainText("not signed with the log's official key");
  await openDetails(page);
  await expect(page.getByTestId("verify-verdict")).toContainText("step 4, Checkpoint signature");
  await expect(page.getByTestId("two-histories")).toHaveCount(0);
});

async function currentSize(page: import("@playwright/test").Page): Promise<number> {
  const note = await (await page.request.get("/log/checkpoint")).text();
  return Number(note.split("\n")[1]);
}

for (const [what, grow] of [
  ["of the same size", 0],
  ["larger than the server's", 5],
] as const) {
  test(`a validly signed checkpoint kept by this browser, ${what}, of another tree: the two-histories warning offers both checkpoints`, async ({ page }) => {
    const forged = forgedHistory((await currentSize(page)) + grow);
    await page.addInitScript(([key, note]) => localStorage.setItem(key!, note!), [KEPT_CHECKPOINT_KEY, forged]);
    await page.goto("/en/n/HP-GOV-2026-018");
    const status = await startVerify(page);
    await expectFailedAt(status, "consistency");
    const warning = page.getByRole("alert").filter({ hasText: "this server has shown two different histories" });
    await expect(warning).toBeVisible();
    const served = await (await page.request.get("/log/checkpoint")).text();
    const buttons = warning.getByRole("button", { name: /Download the checkpoint/ });
    await expect(buttons).toHaveCount(2);
    const saved: string[] = [];
    for (const i of [0, 1]) {
      const [download] = await Promise.all([page.waitForEvent("download"), buttons.nth(i).click()]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      saved.push(Buffer.concat(chunks).toString("utf8"));
    }
    expect(saved.sort()).toEqual([forged, served].sort());
    // The evidence stays: the forged head is not replaced by the server's.
    expect(await page.evaluate((key) => localStorage.getItem(key), KEPT_CHECKPOINT_KEY)).toBe(forged);
  });
}
