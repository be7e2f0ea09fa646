import { expect, test } from "@playwright/test";
import { openNote, parseCheckpoint, parseCosignatureVerifierKey, parseVerifierKey, verifyCosignatures } from "../../lib/core/log";
import { publishFreshNotice, versionsWhen } from "../admin/revise-support";
import { E2E_VERIFIER_KEY } from "../support/test-log-key";
import { E2E_WITNESSES } from "../support/test-witness-keys";
import { expectVerified, startVerify } from "../verify/verify-support";

/**
 * Two real witnesses (bin/gongshi-witness.mjs, under e2e/support/witness-supervisor.ts) cosign
 * the e2e log; the portal's policy requires both. Cosignatures are checked here with the
 * witnesses' keys from the test's own constants, never with what the server says they are.
 */
const witnessKeys = E2E_WITNESSES.map((w) => parseCosignatureVerifierKey(w.verifierKey));

test("a published notice is logged, cosigned by both witnesses, and the browser says 2 of 2", async ({ page, request }) => {
  const { noticeId } = publishFreshNotice("见证");
  const [v1] = await versionsWhen(request, noticeId, (versions) => versions[0]?.log !== null);
  const index = v1!.log!.index;

  // The served checkpoint soon covers it and carries a valid cosignature from each witness.
  let served = "";
  await expect
    .poll(
      async () => {
        served = await (await request.get("/log/checkpoint")).text();
        const opened = openNote(served, [parseVerifierKey(E2E_VERIFIER_KEY)]);
        if (parseCheckpoint(opened.text).size <= index) return 0;
        return verifyCosignatures(opened.text, opened.unverified, witnessKeys).valid.length;
      },
      { timeout: 20_000 },
    )
    .toBe(2);

  await page.goto(`/en/n/${noticeId}`);
  await page.evaluate(() => localStorage.clear());
  const status = await startVerify(page);
  await expectVerified(status);
  await expect(status).toContainText("cosigned by 2 of 2 witnesses");
  const witnesses = status.locator('[data-step="witnesses"]');
  await expect(witnesses).toHaveAttribute("data-step-status", "ok");
  for (const w of E2E_WITNESSES) {
    await expect(witnesses.locator(`[data-witness="${w.name}"]`)).toHaveAttribute("data-witness-status", "verified");
  }
});

test("the log API lists each witness with the size it last cosigned", async ({ request }) => {
  await expect
    .poll(
      async () => {
        const log = await (await request.get("/api/v1/log")).json();
        return (log.witnesses as { name: string; cosignedSize: number | null }[]).map((w) => [w.name, w.cosignedSize === log.size]);
      },
      { timeout: 20_000 },
    )
    .toEqual(E2E_WITNESSES.map((w) => [w.name, true]));
  const log = await (await request.get("/api/v1/log")).json();
  expect(log.witnessed.size).toBe(log.size);
});

test("the About page shows the witness policy: both witnesses, each with its key's fingerprint", async ({ page }) => {
  for (const [locale, heading] of [
    ["zh-CN", "见证人"],
    ["en", "Witnesses"],
  ] as const) {
    await page.goto(`/${locale}/about`);
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    for (const w of E2E_WITNESSES) {
      const item = page.locator(`[data-testid="witness"][data-witness="${w.name}"]`);
      await expect(item).toContainText(w.verifierKey);
      await expect(item.getByTestId("witness-fingerprint")).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    }
  }
});
