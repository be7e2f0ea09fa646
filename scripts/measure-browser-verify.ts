/**
 * Click-to-verdict time of the browser verifier, split into network and computation as the
 * Verify panel records them (data-verify-network-ms / data-verify-compute-ms). The first run in
 * a fresh page is "cold" (the chunk is fetched and Ed25519 tables are built); the rest reuse it.
 *
 *   BASE_URL=http://127.0.0.1:3116 tsx scripts/measure-browser-verify.ts [noticeId] [runs]
 */
import { chromium } from "@playwright/test";
import { envOf } from "../lib/server/env-schema";

const { BASE_URL: base, CHROMIUM_PATH } = envOf(["BASE_URL", "CHROMIUM_PATH"]);
const noticeId = process.argv[2] ?? "HP-PLAN-2026-003";
const runs = Number(process.argv[3] ?? 10);

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const page = await browser.newPage();
await page.goto(`${base}/en/n/${noticeId}`, { waitUntil: "networkidle" });
const rows: { click: number; network: number; compute: number }[] = [];
for (let i = 0; i < runs; i++) {
  const started = Date.now();
  const button = i === 0 ? page.getByRole("button", { name: "Verify this version" }) : page.getByRole("button", { name: "Verify again" });
  await button.click();
  const status = page.locator('[data-testid="verify-panel"] [data-verify-status="verified"][data-verify-compute-ms]');
  await status.waitFor({ timeout: 60_000 });
  rows.push({
    click: Date.now() - started,
    network: Number(await status.getAttribute("data-verify-network-ms")),
    compute: Number(await status.getAttribute("data-verify-compute-ms")),
  });
}
await browser.close();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const warm = rows.slice(1);
console.log(`cold: click→verdict ${rows[0]!.click} ms, network ${rows[0]!.network} ms, computation ${rows[0]!.compute} ms`);
console.log(
  `warm (median of ${warm.length}): click→verdict ${median(warm.map((r) => r.click))} ms, network ${median(warm.map((r) => r.network))} ms, computation ${median(warm.map((r) => r.compute))} ms`,
);
