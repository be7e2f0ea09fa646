/**
 * npm run bench:verify — the browser verifier against a log of 1,000,000 entries
 * (docs/performance.md, "Browser verifier"): click to verdict, split into network and
 * computation as the Verify panel records them.
 *
 *   LOG_SIGNER_KEY=<the key the build was made with> npm run bench:verify [-- --size=N --runs=N --keep]
 *
 * The verifier key is built into the page bundle (next.config.ts), so the log must be signed
 * with the key of the build being measured. One run: a throwaway database filled through the
 * real committer; `next start` on the existing build; system Chromium clicks Verify once on a
 * fresh page (cold: the verifier chunk loads, Ed25519 tables are built) and "Verify again"
 * N−1 times (warm), on notices spread over the whole log. A benchmark, never a test.
 */
import "./load-env";
import { randomInt } from "node:crypto";
import { chromium } from "@playwright/test";
import { createPrisma } from "@/lib/server/db/client";
import { envOf, type LogConfig } from "@/lib/server/env";
import { parseSignerKey } from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { addPending, createBenchDatabase, noticeId } from "./bench-log-data";
import { ensureBuild, startServer } from "./bench-log-http";
import { benchArgs } from "./bench-args";
import { int, median } from "./bench-stats";

const args = benchArgs({ numbers: { size: 1_000_000, runs: 11, notices: 5 }, flags: ["keep"] });

const SIZE = args.size;
const RUNS = args.runs;
const NOTICES = args.notices;
const progress = (m: string) => process.stderr.write(`bench:verify ${m}\n`);

const { LOG_SIGNER_KEY, LOG_ORIGIN, CHROMIUM_PATH } = envOf(["LOG_SIGNER_KEY", "LOG_ORIGIN", "CHROMIUM_PATH"]);
if (!LOG_SIGNER_KEY) throw new Error("LOG_SIGNER_KEY: the key the build was made with (its verifier key is in the page bundle)");
const signer = parseSignerKey(LOG_SIGNER_KEY);
const config: LogConfig = { origin: LOG_ORIGIN || signer.name, signer, verifierKey: signer.verifierKey };
const build = ensureBuild(progress);
const db = await createBenchDatabase();
const prisma = createPrisma(db.url);
try {
  for (let at = 0; at < SIZE; at += 100_000) {
    await addPending(db.client, { firstNumber: at, publish: Math.min(100_000, SIZE - at) });
    while ((await commitPending(prisma, config)).committed > 0);
    progress(`log size ${int(Math.min(SIZE, at + 100_000))}`);
  }
  const server = await startServer({ DATABASE_URL: db.url, LOG_SIGNER_KEY, LOG_ORIGIN: config.origin, LOG_COMMIT_INTERVAL_MS: "0", NEXT_TELEMETRY_DISABLED: "1" }, 3197);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const rows: { notice: string; cold: boolean; click: number; network: number; compute: number }[] = [];
  try {
    for (let n = 0; n < NOTICES; n++) {
      const id = noticeId(randomInt(SIZE));
      const page = await browser.newPage();
      await page.goto(`${server.base}/en/n/${id}`, { waitUntil: "networkidle" });
      for (let i = 0; i < RUNS; i++) {
        const started = Date.now();
        await page.getByRole("button", { name: i === 0 ? "Verify this version" : "Verify again" }).click();
        const status = page.locator('[data-testid="verify-panel"] [data-verify-status="verified"][data-verify-compute-ms]');
        await status.waitFor({ timeout: 60_000 });
        rows.push({
          notice: id,
          cold: i === 0,
          click: Date.now() - started,
          network: Number(await status.getAttribute("data-verify-network-ms")),
          compute: Number(await status.getAttribute("data-verify-compute-ms")),
        });
      }
      await page.close();
      progress(`verified ${id}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const cold = rows.filter((r) => r.cold);
  const warm = rows.filter((r) => !r.cold);
  const line = (label: string, rs: typeof rows) =>
    `| ${label} | ${rs.length} | ${median(rs.map((r) => r.network)).toFixed(0)} ms | ${median(rs.map((r) => r.compute)).toFixed(1)} ms (max ${Math.max(...rs.map((r) => r.compute)).toFixed(1)}) | ${median(rs.map((r) => r.click)).toFixed(0)} ms |`;
  process.stdout.write(
    [
      `Log of ${int(SIZE)} entries (build \`${build.buildId}\`), ${NOTICES} notices spread over the log, ${RUNS} clicks each; medians.`,
      "",
      "| Run | Clicks | Network | Computation | Click → verdict |",
      "| --- | ---: | ---: | ---: | ---: |",
      line("cold (first click in a fresh page)", cold),
      line("warm (Verify again)", warm),
      "",
    ].join("\n"),
  );
} finally {
  await prisma.$disconnect();
  if (args.keep) progress(`kept ${db.name}`);
  else await db.drop();
}
