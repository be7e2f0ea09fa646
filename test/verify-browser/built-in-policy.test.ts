/**
 * The witness policy is fixed into the page at build time by next.config.ts: a good policy
 * file is inlined verbatim, a malformed one stops the build naming its line, and no
 * LOG_WITNESS_POLICY means no requirement.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateKey } from "@/lib/core/log";
import { demoWitnesses, policyText } from "../verify/witness-fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "gongshi-policy-"));
const saved = process.env.LOG_WITNESS_POLICY;

async function loadConfig(policy: string | undefined): Promise<{ env?: Record<string, string> }> {
  vi.resetModules();
  if (policy === undefined) delete process.env.LOG_WITNESS_POLICY;
  else {
    const file = path.join(dir, `policy-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(file, policy);
    process.env.LOG_WITNESS_POLICY = file;
  }
  return (await import("../../next.config")).default as { env?: Record<string, string> };
}

afterEach(() => {
  if (saved === undefined) delete process.env.LOG_WITNESS_POLICY;
  else process.env.LOG_WITNESS_POLICY = saved;
});

describe("next.config.ts and LOG_WITNESS_POLICY", () => {
  it("inlines a valid policy as NEXT_PUBLIC_LOG_WITNESS_POLICY", async () => {
    const text = policyText(demoWitnesses());
    expect((await loadConfig(text)).env?.NEXT_PUBLIC_LOG_WITNESS_POLICY).toBe(text);
  });

  it("fails the build on a malformed policy, naming the line", async () => {
    const [daily] = demoWitnesses();
    await expect(loadConfig(`witness 海平日报 ${daily.verifierKey}\ngroup g 3 海平日报\nquorum g\n`)).rejects.toThrow(/LOG_WITNESS_POLICY .*policy line 2/);
  });

  it("fails the build on a policy whose log lines are for another log than the built-in key", async () => {
    const saved = { key: process.env.LOG_VERIFIER_KEY, signer: process.env.LOG_SIGNER_KEY };
    const ours = generateKey("ours.example/log").verifierKey;
    process.env.LOG_VERIFIER_KEY = ours;
    delete process.env.LOG_SIGNER_KEY;
    try {
      const witnesses = demoWitnesses();
      const policy = (logKey: string) => policyText(witnesses, "all", logKey);
      await expect(loadConfig(policy(generateKey("other.example/log").verifierKey))).rejects.toThrow(/log lines do not include the verifier key this build is for/);
      expect((await loadConfig(policy(ours))).env?.NEXT_PUBLIC_LOG_WITNESS_POLICY).toBe(policy(ours));
    } finally {
      for (const [name, value] of [
        ["LOG_VERIFIER_KEY", saved.key],
        ["LOG_SIGNER_KEY", saved.signer],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it("inlines nothing when no policy is set", async () => {
    expect((await loadConfig(undefined)).env?.NEXT_PUBLIC_LOG_WITNESS_POLICY).toBe("");
  });
});
