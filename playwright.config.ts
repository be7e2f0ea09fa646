import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { E2E_LOG_ORIGIN, E2E_SIGNER_KEY, E2E_VERIFIER_KEY } from "./e2e/support/test-log-key";
import { appRoleUrl } from "./e2e/support/app-role-url";
import { E2E_MIRROR_DATABASE_URL, E2E_MIRROR_PORT } from "./e2e/support/test-mirror-keys";
import { E2E_WITNESSES, E2E_WITNESS_POLICY } from "./e2e/support/test-witness-keys";
import { E2E_MAIL_SINK_PORT } from "./e2e/support/mail-sink-port";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
/** A database of its own, recreated and seeded before the server starts (scripts/e2e-prepare.ts). */
const databaseUrl = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/gongshi_e2e";

/**
 * Playwright's own browser download cannot run on these machines, so when its
 * bundled Chromium is absent we drive the system one. Debian's chromium-headless-shell first: it
 * is the build Playwright itself runs headless tests in, and the full browser's headless mode
 * also draws its window's own interface for every context, which cost a third more browser CPU
 * over the axe spec (docs/performance.md). The flags keep Chromium from reaching out to the internet.
 */
function bundledChromiumPresent(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

const systemChromium = bundledChromiumPresent()
  ? {}
  : {
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path)),
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      },
    };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Pages run axe and many keyboard steps on a 2-core machine; 30 s is too tight under load.
  timeout: 60_000,
  reporter: "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], ...systemChromium },
      testIgnore: /(witness-outage|mirror-faults|read-replica)\.spec\.ts/,
    },
    {
      // Stops a witness for a while: run after everything else, so no other test sees the
      // quorum missing.
      name: "witness-outage",
      use: { ...devices["Desktop Chrome"], ...systemChromium },
      testMatch: /witness-outage\.spec\.ts/,
      dependencies: ["chromium"],
    },
    {
      // The mirror fault scenarios (e2e/mirror/mirror-faults.spec.ts: origin down, altered
      // attachment, fork) run an origin and mirror pair of their own as child processes (ports
      // 3130-3133, databases gongshi_e2e_mf_*), so they share no state with the other specs and
      // need no dependency: the web servers below (and so the one build) start for any project,
      // and `npx playwright test --project=mirror-faults` runs them alone.
      name: "mirror-faults",
      use: { ...devices["Desktop Chrome"], ...systemChromium },
      testMatch: /mirror-faults\.spec\.ts/,
    },
    {
      // Public reads from a streaming replica (e2e/replica/read-replica.spec.ts): a primary and
      // a hot standby of its own (PostgreSQL clusters on 5440 and 5441, made and removed by
      // e2e/support/replica-clusters.ts) and a portal on 3150 over both; nothing shared.
      name: "read-replica",
      testMatch: /read-replica\.spec\.ts/,
    },
  ],
  webServer: [
    {
      // Two real witnesses (bin/gongshi-witness.mjs) cosigning the e2e log; the portal below
      // requires both (e2e/support/witness-policy.txt).
      command: "tsx e2e/support/witness-supervisor.ts",
      port: E2E_WITNESSES.at(-1)!.port,
      reuseExistingServer: !process.env.CI,
      timeout: 60 * 1000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The production build, not `next dev`: it is what visitors get, and it is
      // what catches CSP, prerendering and build-only failures.
      command: `npm run build && tsx --conditions=react-server scripts/e2e-prepare.ts && npm run start -- -p ${port} -H 127.0.0.1`,
      url: baseURL,
      reuseExistingServer: !process.env.CI,
      // `next build` on a 2-core machine takes minutes.
      timeout: 10 * 60 * 1000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        // `npm test` has run `npm run typecheck` just before, the same check next build would make
        // again (over a minute here); CI builds a fresh clone once, so a build cache is never read.
        BUILD_TYPECHECK: "off",
        BUILD_CACHE: process.env.CI ? "off" : "on",
        DATABASE_URL: appRoleUrl(databaseUrl),
        DATABASE_OWNER_URL: databaseUrl,
        LOG_SIGNER_KEY: E2E_SIGNER_KEY,
        LOG_ORIGIN: E2E_LOG_ORIGIN,
        LOG_COMMIT_INTERVAL_MS: "500",
        LOG_WITNESS_POLICY: E2E_WITNESS_POLICY,
        LOG_WITNESS_INTERVAL_MS: "500",
        BETTER_AUTH_SECRET: "e2e-only-session-secret-not-for-production",
        // Every spec browses from 127.0.0.1, one client to the per-client limits; those are
        // tested over HTTP from two addresses in test/rate-limit/rate-limits.test.ts.
        RATE_LIMIT_SEARCH_PER_MINUTE: "0",
        RATE_LIMIT_DOWNLOAD_PER_MINUTE: "0",
        RATE_LIMIT_SUBSCRIBE_PER_HOUR: "0",
        // Alert mail goes to the SMTP sink e2e/alerts/alerts.spec.ts starts on this port.
        SMTP_URL: `smtp://127.0.0.1:${E2E_MAIL_SINK_PORT}`,
        ALERT_DIGEST_INTERVAL_MS: "500",
        // e2e/admin/review.spec.ts waits for a scheduled publication.
        SCHEDULED_PUBLISH_INTERVAL_MS: "1000",
      },
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // A mirror of the portal above: the same build, its own empty database, following the
      // portal every 0.5 s with the e2e log key pinned. No log signer key: a mirror signs nothing.
      // Started after the portal (web servers start in order), so its first copy finds the seeded log.
      command: `tsx --conditions=react-server e2e/support/mirror-prepare.ts && npm run start -- -p ${E2E_MIRROR_PORT} -H 127.0.0.1`,
      // Listening is enough: what an empty mirror answers before its first copy is not this config's concern.
      port: E2E_MIRROR_PORT,
      reuseExistingServer: !process.env.CI,
      timeout: 2 * 60 * 1000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: appRoleUrl(E2E_MIRROR_DATABASE_URL),
        DATABASE_OWNER_URL: E2E_MIRROR_DATABASE_URL,
        MIRROR_OF: baseURL,
        MIRROR_LOG_KEY: E2E_VERIFIER_KEY,
        MIRROR_INTERVAL_MS: "500",
        // Only to show the quorums the origin's checkpoints meet; a mirror never contacts witnesses.
        LOG_WITNESS_POLICY: E2E_WITNESS_POLICY,
        BETTER_AUTH_SECRET: "e2e-only-session-secret-not-for-production",
        // Every spec browses from 127.0.0.1, one client to the per-client limits; those are
        // tested over HTTP from two addresses in test/rate-limit/rate-limits.test.ts.
        RATE_LIMIT_SEARCH_PER_MINUTE: "0",
        RATE_LIMIT_DOWNLOAD_PER_MINUTE: "0",
      },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
