/**
 * The scripts' command lines (scripts/cli-args.ts): an unknown option or a bad value is refused
 * with the usage and exit code 2 before the script does anything (no database, no server).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    encoding: "utf8",
    timeout: 60_000,
    // No database: a script that got past its options would fail differently (exit code 1).
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", DATABASE_URL: "postgresql://127.0.0.1:1/none" },
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe("command-line options", () => {
  it("refuses an option `npm run up` does not have, and a port that is no number", () => {
    const unknown = run("scripts/up.ts", "--prot=1");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--prot'");
    expect(unknown.stderr).toContain("usage: npm run up -- [--data-dir DIR] [--port PORT] [--start]");
    const bad = run("scripts/up.ts", "--port=http");
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining("--port must be a positive integer")]);
    const stray = run("scripts/up.ts", "start");
    expect([stray.status, stray.stderr]).toEqual([2, expect.stringContaining("Unexpected argument 'start'")]);
  });

  it("refuses a bad --batch for log:commit and an unknown option for admin:create", () => {
    expect(run("scripts/log-commit.ts", "--batch=0")).toMatchObject({ status: 2, stderr: expect.stringContaining("--batch must be a positive integer") });
    expect(run("scripts/admin-create.ts", "--email", "a@example.org", "--nmae", "A")).toMatchObject({ status: 2, stderr: expect.stringContaining("Unknown option '--nmae'") });
  });

  it("refuses a benchmark's misspelt option, and prints its options on --help", () => {
    expect(run("scripts/bench-log.ts", "--sise=1000")).toMatchObject({ status: 2, stderr: expect.stringContaining("Unknown option '--sise'") });
    const help = run("scripts/bench-log.ts", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("[--size=N (1000000)]");
  });
});
