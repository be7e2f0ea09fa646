/**
 * What the verify specs share: the notice's Verify panel and its verdict, SQL as superuser on
 * the e2e database (to tamper with what the app itself cannot change), and checkpoints signed
 * with the e2e log key or a stranger's key.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { generateKey, parseCheckpoint, parseSignerKey, signCheckpoint, type Hash } from "../../lib/core/log";
import { STEP_ORDER, type StepName } from "../../lib/core/verify";
import { E2E_LOG_ORIGIN, E2E_SIGNER_KEY } from "../support/test-log-key";

export const KEPT_CHECKPOINT_KEY = `gongshi:verified-checkpoint:${E2E_LOG_ORIGIN}`;

const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongshi_e2e";

export async function sql(text: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    // The append-only triggers stop the app from rewriting a version; an attacker with the
    // database superuser can switch them off, which is exactly what the verifier must catch.
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(text, values);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/** Opens the Verify panel of the page's notice version and returns its result region. */
export async function startVerify(page: Page, label: string | RegExp = /Verify this version|验证此版本/): Promise<Locator> {
  await page.getByRole("button", { name: label }).first().click();
  const panel = page.getByTestId("verify-panel").first();
  return panel.locator("[data-verify-status]");
}

/** The plain-language verdict, shown first in large type. */
export function plainVerdictOf(page: Page): Locator {
  return page.getByTestId("verify-panel").first().getByTestId("verify-plain-verdict");
}

/** Opens the panel's Details (the steps, hashes and timings), closed by default. */
export async function openDetails(page: Page): Promise<Locator> {
  const details = page.getByTestId("verify-details").first();
  await details.locator("summary").click();
  await expect(details).toHaveAttribute("open", "");
  return details;
}

export async function expectVerified(status: Locator): Promise<void> {
  await expect(status).toHaveAttribute("data-verify-status", "verified", { timeout: 30_000 });
  for (const step of ["content", "leaf", "inclusion", "signature"] as const) {
    await expect(status.locator(`[data-step="${step}"]`)).toHaveAttribute("data-step-status", "ok");
  }
  // No earlier checkpoint (first visit) or no witnesses is a note, not a failure.
  for (const step of ["consistency", "witnesses"] as const) {
    await expect(status.locator(`[data-step="${step}"]`)).toHaveAttribute("data-step-status", /^(ok|info)$/);
  }
}

export async function expectFailedAt(status: Locator, step: StepName): Promise<void> {
  await expect(status).toHaveAttribute("data-verify-status", "failed", { timeout: 30_000 });
  await expect(status.locator(`[data-step="${step}"]`)).toHaveAttribute("data-step-status", "failed");
  for (const earlier of STEP_ORDER.slice(0, STEP_ORDER.indexOf(step))) {
    await expect(status.locator(`[data-step="${earlier}"]`)).toHaveAttribute("data-step-status", "ok");
  }
}

/** The same checkpoint text (origin, size, root) signed by a key the portal was not built with. */
export function resignWithStrangerKey(note: string): string {
  const text = note.slice(0, note.lastIndexOf("\n\n") + 1);
  const stranger = parseSignerKey(generateKey(E2E_LOG_ORIGIN).signerKey);
  return signCheckpoint(parseCheckpoint(text), stranger);
}

/** A checkpoint validly signed with the e2e log key, of a tree this log never had. */
export function forgedHistory(size: number): string {
  const root = new Uint8Array(32).map((_, i) => (i * 37 + size) & 0xff);
  return signCheckpoint({ origin: E2E_LOG_ORIGIN, size, rootHash: root as Hash, extensions: [] }, parseSignerKey(E2E_SIGNER_KEY));
}
