/**
 * The environment's schema (lib/server/env-schema.ts): a bad value fails naming the variable and never
 * printing a secret's value, and next.config.ts parses it, so such a value fails the build.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { envOf, envSchema, parseEnv } from "@/lib/server/env-schema";

const DATABASE_URL = "postgresql://app@127.0.0.1:5432/gongshi";

function failure(source: Record<string, string>): string {
  try {
    parseEnv(envSchema, { DATABASE_URL, ...source });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("parsed");
}

describe("lib/server/env-schema.ts", () => {
  it("names each bad variable", () => {
    expect(failure({ PORT: "eighty" })).toMatch(/^invalid environment: PORT: /);
    expect(failure({ LOG_HTTP_FAST_PATH: "maybe" })).toMatch(/^invalid environment: LOG_HTTP_FAST_PATH: /);
    expect(failure({ DATABASE_READ_MAX_WAIT_MS: "-1" })).toMatch(/^invalid environment: DATABASE_READ_MAX_WAIT_MS: /);
    expect(failure({ PAGE_PRERENDER_INTERVAL_MS: "soon" })).toMatch(/^invalid environment: PAGE_PRERENDER_INTERVAL_MS: /);
    expect(failure({ DATABASE_READ_URL: "mysql://replica/gongshi", PORTAL_TIME_ZONE: "Mars/Olympus_Mons" })).toBe(
      'invalid environment: DATABASE_READ_URL: must be a postgres:// or postgresql:// URL; PORTAL_TIME_ZONE: "Mars/Olympus_Mons" is not an IANA time zone name (for example Asia/Shanghai or UTC)',
    );
  });

  it("never prints a secret's value", () => {
    const secrets = { LOG_SIGNER_KEY: "not-a-key-but-secret-1234", BETTER_AUTH_SECRET: "short-secret-5678", SMTP_URL: "http://alerts:pa55word-9012@mail.example" };
    const message = failure(secrets);
    for (const [name, value] of Object.entries(secrets)) {
      expect(message).toContain(`${name}: `);
      expect(message).not.toContain(value);
      expect(message).not.toContain(value.slice(-4));
    }
  });

  it("takes good values, defaults and an empty variable as unset", () => {
    const env = parseEnv(envSchema, { DATABASE_URL, PORT: "8080", LOG_HTTP_FAST_PATH: "", PORTAL_TIME_ZONE: "europe/berlin" });
    expect([env.PORT, env.LOG_HTTP_FAST_PATH, env.PORTAL_TIME_ZONE, env.DATABASE_READ_MAX_WAIT_MS]).toEqual([8080, "on", "Europe/Berlin", 50]);
    // The named variables alone: the rest (here no database URL) is not looked at.
    expect(envOf(["PAGE_PRERENDER_INTERVAL_MS"], {})).toEqual({ PAGE_PRERENDER_INTERVAL_MS: 1_000 });
  });
});

describe("next.config.ts", () => {
  const saved = { ...process.env };
  function restore() {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
  afterEach(restore);

  async function loadConfig(vars: Record<string, string>) {
    vi.resetModules();
    restore();
    Object.assign(process.env, vars);
    return (await import("../../next.config")).default;
  }

  it("fails the build on a bad value, naming the variable and not the secret", async () => {
    await expect(loadConfig({ DATABASE_READ_MAX_WAIT_MS: "a while" })).rejects.toThrow(/invalid environment: DATABASE_READ_MAX_WAIT_MS: /);
    const load = loadConfig({ BETTER_AUTH_SECRET: "too-short-s3cr3t" });
    await expect(load).rejects.toThrow(/invalid environment: BETTER_AUTH_SECRET: must be at least 32 characters/);
    await expect(load).rejects.not.toThrow(/s3cr3t/);
  });

  it("builds without a database URL, from the parsed attachment limit", async () => {
    const url = saved.DATABASE_URL;
    delete saved.DATABASE_URL;
    try {
      const config = await loadConfig({ ATTACHMENT_MAX_BYTES: "4096" });
      expect(process.env.DATABASE_URL).toBeUndefined();
      expect(config.env?.NEXT_PUBLIC_UPLOAD_BODY_LIMIT).toBe(String(2 * 4096 + 1024 * 1024));
    } finally {
      if (url !== undefined) saved.DATABASE_URL = url;
    }
  });
});
