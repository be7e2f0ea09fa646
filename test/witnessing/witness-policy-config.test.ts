/**
 * LOG_WITNESS_POLICY: a malformed, unreadable or foreign policy is refused with the file and
 * line named, and stops the server at start in every mode; `npm run log:witness` exits 0 only
 * when every witness with a URL has cosigned the newest checkpoint, naming the ones that have not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCosignatureKey, generateKey, parseSignerKey } from "@/lib/core/log";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { readWitnessPolicy } from "@/lib/server/witnessing/witness-policy";
import { ORIGIN, publishSample, setUp, testLogConfig } from "../log-service/fixtures";
import { closedPort, policyText, realWitness, removeWitnessDirs } from "./fixtures";

const config = testLogConfig();
const dir = mkdtempSync(path.join(tmpdir(), "gongshi-policy-test-"));
const daily = generateCosignatureKey("daily.example").verifierKey;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

function runTsx(script: string, env: Record<string, string>) {
  const { DATABASE_URL: _d, LOG_WITNESS_POLICY: _p, LOG_SIGNER_KEY: _k, ...rest } = process.env;
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script], { env: { ...rest, ...env }, encoding: "utf8", timeout: 60_000 });
}

describe("reading the policy", () => {
  it("reads a good policy, with witnesses without a URL listed", () => {
    const p = file(
      "good.policy",
      `# 海平\nlog ${config.verifierKey}\nwitness 海平日报 ${daily} https://witness.daily.example/\nwitness 档案馆 ${generateCosignatureKey("archives.example").verifierKey}\nquorum 海平日报\n`,
    );
    const policy = readWitnessPolicy(p, () => config.verifierKey);
    expect(policy.witnesses.map((w) => [w.name, w.url])).toEqual([
      ["海平日报", "https://witness.daily.example/"],
      ["档案馆", null],
    ]);
  });

  it("names the file and the line of a malformed policy", () => {
    const p = file("bad.policy", `log ${config.verifierKey}\nwitness 海平日报 ${daily}\nwitnes typo\nquorum 海平日报\n`);
    expect(() => readWitnessPolicy(p, () => config.verifierKey)).toThrow(`LOG_WITNESS_POLICY ${p}: policy line 3: unknown keyword "witnes"`);
    const badKey = file("bad-key.policy", `witness 海平日报 ${daily.slice(0, -4)}AAAA\nquorum 海平日报\n`);
    expect(() => readWitnessPolicy(badKey, () => config.verifierKey)).toThrow(/bad-key\.policy: policy line 1: /);
  });

  it("refuses a witness URL that is not plain http(s), naming its line", () => {
    const p = file("ftp.policy", `# comment\nwitness 海平日报 ${daily} ftp://witness.example/\nquorum 海平日报\n`);
    expect(() => readWitnessPolicy(p, () => config.verifierKey)).toThrow(`LOG_WITNESS_POLICY ${p}: policy line 2: the URL of witness 海平日报 is not a plain http(s) URL`);
  });

  it("refuses a policy whose log lines are for another log, and a file that cannot be read", () => {
    const other = parseSignerKey(generateKey("other.example/log").signerKey).verifierKey;
    const p = file("other.policy", `log ${other}\nwitness 海平日报 ${daily}\nquorum 海平日报\n`);
    expect(() => readWitnessPolicy(p, () => config.verifierKey)).toThrow(`its log lines do not include this portal's verifier key ${config.verifierKey}`);
    const missing = path.join(dir, "missing.policy");
    expect(() => readWitnessPolicy(missing, () => config.verifierKey)).toThrow(`LOG_WITNESS_POLICY ${missing}: cannot be read`);
  });

  it("a malformed policy stops the server at start, in development too", () => {
    const p = file("start.policy", `log ${config.verifierKey}\n\nquorum nobody\n`);
    for (const mode of ["development", "production"]) {
      const run = runTsx("test/witnessing/start-server-child.ts", {
        NODE_ENV: mode,
        LOG_WITNESS_POLICY: p,
        LOG_SIGNER_KEY: config.signerKey,
        DATABASE_URL: "postgresql://127.0.0.1:1/none",
      });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain(`LOG_WITNESS_POLICY ${p}: policy line 3: "nobody" is not defined on an earlier line`);
    }
    const ok = runTsx("test/witnessing/start-server-child.ts", {
      NODE_ENV: "development",
      LOG_COMMIT_INTERVAL_MS: "0",
      LOG_WITNESS_INTERVAL_MS: "0",
      LOG_WITNESS_POLICY: file("ok.policy", `log ${config.verifierKey}\nquorum none\n`),
      LOG_SIGNER_KEY: config.signerKey,
      DATABASE_URL: "postgresql://127.0.0.1:1/none",
    });
    expect(ok.status, ok.stderr).toBe(0);
  }, 60_000);
});

describe("npm run log:witness", () => {
  let ctx: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    ctx = await setUp();
  });
  afterAll(async () => {
    removeWitnessDirs();
    await ctx?.tearDown();
  });

  it("exits 0 when every witness cosigned the newest checkpoint, 1 naming the ones that did not", async () => {
    const witness = await realWitness("海平日报", "daily.haiping.example", { origin: ORIGIN, verifierKey: config.verifierKey });
    try {
      await publishSample(ctx.prisma, "S1");
      await commitPending(ctx.prisma, config);
      const port = await closedPort();
      const env = { NODE_ENV: "test", DATABASE_URL: ctx.database.url, LOG_SIGNER_KEY: config.signerKey, LOG_ORIGIN: ORIGIN };
      const absent = { name: "档案馆", verifierKey: generateCosignatureKey("archives.example").verifierKey, url: `http://127.0.0.1:${port}` };
      const noUrl = { name: "未联系", verifierKey: generateCosignatureKey("nourl.example").verifierKey, url: null };
      const both = file("cron.policy", policyText(config.verifierKey, [witness, absent, noUrl], "海平日报"));
      const failing = runTsx("scripts/log-witness.ts", { ...env, LOG_WITNESS_POLICY: both });
      expect(failing.status, failing.stderr).toBe(1);
      expect(failing.stdout).toContain("海平日报: cosigned 1");
      expect(failing.stdout).toContain("未联系: not contacted (no URL in the policy)");
      expect(failing.stderr).toContain("log:witness: not cosigned checkpoint 1: 档案馆");
      const one = file("cron-one.policy", policyText(config.verifierKey, [witness, noUrl], "海平日报"));
      const passing = runTsx("scripts/log-witness.ts", { ...env, LOG_WITNESS_POLICY: one });
      expect(passing.status, passing.stderr).toBe(0);
      expect(passing.stdout).toContain("海平日报: had already cosigned 1");
    } finally {
      await witness.stop();
    }
  }, 60_000);
});
