import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_SIGNER_KEY, E2E_VERIFIER_KEY } from "../support/test-log-key";
import { verifyCheckpoint } from "../support/independent-verifier";

/**
 * The README's first command without DATABASE_URL: embedded PostgreSQL (PGlite) starts,
 * is migrated and seeded, and the portal serves from it; a restart finds the data kept.
 * Runs `next start` on the production build the other e2e tests already made.
 */
const PORT = 3107;
const base = `http://127.0.0.1:${PORT}`;

function startUp(dataDir: string): ChildProcess {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/up.ts", "--start", "--port", String(PORT), "--data-dir", dataDir], {
    env: { ...process.env, DATABASE_URL: "", LOG_WITNESS_POLICY: "", LOG_SIGNER_KEY: E2E_SIGNER_KEY, LOG_ORIGIN: "e2e.gongshi.localhost/log", LOG_COMMIT_INTERVAL_MS: "500" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
}

async function waitForCheckpoint(child: ChildProcess, log: () => string): Promise<string> {
  for (let waited = 0; waited < 180_000; waited += 1000) {
    if (child.exitCode !== null) throw new Error(`up exited early:\n${log()}`);
    try {
      const response = await fetch(`${base}/log/checkpoint`);
      if (response.ok) return await response.text();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`portal did not come up:\n${log()}`);
}

/** The demo witnesses `up` started (scripts/demo-witnesses.ts) have both cosigned the newest checkpoint. */
async function expectDemoWitnessesCosigned(): Promise<void> {
  await expect
    .poll(
      async () => {
        const log = await (await fetch(`${base}/api/v1/log`)).json();
        return (log.witnesses as { name: string; cosignedSize: number | null }[]).map((w) => [w.name, w.cosignedSize === log.size]);
      },
      { timeout: 30_000 },
    )
    .toEqual([
      ["海平日报", true],
      ["海平市档案馆", true],
    ]);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  await exited;
}

test("npm run up without DATABASE_URL serves the seeded portal from embedded PostgreSQL, cosigned by its two demo witnesses", async () => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(path.join(tmpdir(), "gongshi-embedded-"));
  const dataDir = path.join(dir, "pglite");
  let output = "";
  try {
    const first = startUp(dataDir);
    first.stdout!.on("data", (c: Buffer) => (output += c));
    first.stderr!.on("data", (c: Buffer) => (output += c));
    const note = await waitForCheckpoint(first, () => output);
    expect(output).toContain("embedded PostgreSQL (PGlite)");
    expect(output).toContain("applied migrations");
    expect(verifyCheckpoint(note, E2E_VERIFIER_KEY).size).toBeGreaterThanOrEqual(60);
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("日志 #");
    expect(output).toContain("two demo witnesses");
    await expectDemoWitnessesCosigned();
    await stop(first);

    // Restart: the data is kept in the data directory, nothing is migrated or seeded again.
    output = "";
    const second = startUp(dataDir);
    second.stdout!.on("data", (c: Buffer) => (output += c));
    second.stderr!.on("data", (c: Buffer) => (output += c));
    const again = await waitForCheckpoint(second, () => output);
    expect(verifyCheckpoint(again, E2E_VERIFIER_KEY).size).toBe(verifyCheckpoint(note, E2E_VERIFIER_KEY).size);
    expect(output).not.toContain("loading the demo notices");
    // The witnesses kept their state and keys: they go on cosigning the same log.
    await expectDemoWitnessesCosigned();
    await stop(second);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
