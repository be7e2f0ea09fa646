import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { WCAG_TAGS } from "../a11y/axe-check";
import { publishFreshNotice, versionsWhen } from "../admin/revise-support";
import { E2E_WITNESSES } from "../support/test-witness-keys";
import { restartWitness, stopWitness } from "../support/witnesses";
import { expectVerified, startVerify } from "../verify/verify-support";

/**
 * One witness stopped: publishing and logging go on as before, the verifier says the notice
 * is cosigned by 1 of 2 and names the missing witness; restarted on its own data, the witness
 * is caught up by the portal and the same open page finishes with 2 of 2. Runs after every
 * other spec (playwright.config.ts), since it takes the quorum away for a while.
 */
const [daily, archives] = E2E_WITNESSES as [(typeof E2E_WITNESSES)[0], (typeof E2E_WITNESSES)[0]];

test("a stopped witness delays only the word 'verified', and catches up when it is back", async ({ page, request }) => {
  test.setTimeout(180_000);
  await stopWitness(archives);
  try {
    const started = Date.now();
    const { noticeId } = publishFreshNotice("见证人停机");
    await versionsWhen(request, noticeId, (versions) => versions[0]?.log !== null);
    // Logged as quickly as without witnesses (the committer runs every 0.5 s in e2e).
    expect(Date.now() - started).toBeLessThan(15_000);

    await page.goto(`/en/n/${noticeId}`);
    await page.evaluate(() => localStorage.clear());
    const status = await startVerify(page);
    await expect(status).toHaveAttribute("data-verify-status", "waiting", { timeout: 30_000 });
    const phase = page.getByTestId("verify-phase");
    await expect(phase).toContainText("cosigned by 1 of 2");
    await expect(phase).toContainText(`not yet cosigned by ${archives.name}`);
    // The waiting panel is as accessible as the verified one.
    const axe = await new AxeBuilder({ page }).include('[data-testid="verify-control"]').withTags(WCAG_TAGS).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    const log = await (await request.get("/api/v1/log")).json();
    const missing = (log.witnesses as { name: string; cosignedSize: number | null; lastError: string | null }[]).find((w) => w.name === archives.name)!;
    expect(missing.cosignedSize ?? 0).toBeLessThan(log.size);
    expect(missing.lastError).toBeTruthy();
    expect((log.witnesses as { name: string; cosignedSize: number }[]).find((w) => w.name === daily.name)!.cosignedSize).toBe(log.size);

    await restartWitness(archives);
    // The same panel was polling: it finishes once the portal has caught the witness up (after
    // the portal's backoff for the failed witness, and the panel's own polling interval).
    await expect(status).toHaveAttribute("data-verify-status", "verified", { timeout: 100_000 });
    await expectVerified(status);
    await expect(status).toContainText("cosigned by 2 of 2 witnesses");
  } finally {
    await restartWitness(archives);
  }
});
