/**
 * The one rule for times on public pages (lib/shared/portal-time.ts): in PORTAL_TIME_ZONE, with the
 * zone shown whenever a time of day is; an invalid zone stops the server at start.
 */
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatPortalTime, utcOffset } from "@/lib/shared/portal-time";
import { parsePortalTimeZone } from "@/lib/server/portal-time-zone";
import { generateKey } from "@/lib/core/log";

// 2026-02-24 20:30:05 UTC: already the 25th in Haiping (UTC+8), still the 24th in Berlin (UTC+1).
const WINTER = "2026-02-24T20:30:05.000Z";
const SUMMER = "2026-07-01T08:00:00.000Z";

describe("formatPortalTime", () => {
  it("shows a time in Asia/Shanghai with the zone, in both languages", () => {
    expect(formatPortalTime(WINTER, "dateTime", "zh-CN", "Asia/Shanghai")).toBe("2026年2月25日 04:30（UTC+8，Asia/Shanghai）");
    expect(formatPortalTime(WINTER, "dateTimeSeconds", "en", "Asia/Shanghai")).toBe("February 25, 2026 at 04:30:05 (UTC+8, Asia/Shanghai)");
  });

  it("shows another zone's own time and offset, summer time included", () => {
    expect(formatPortalTime(WINTER, "dateTime", "en", "Europe/Berlin")).toBe("February 24, 2026 at 21:30 (UTC+1, Europe/Berlin)");
    expect(formatPortalTime(SUMMER, "dateTime", "zh-CN", "Europe/Berlin")).toBe("2026年7月1日 10:00（UTC+2，Europe/Berlin）");
    expect(formatPortalTime(SUMMER, "dateTime", "en", "UTC")).toBe("July 1, 2026 at 08:00 (UTC)");
    expect(utcOffset(new Date(SUMMER), "Asia/Kolkata")).toBe("UTC+5:30");
  });

  it("gives a date alone as the calendar day in the zone, without a suffix", () => {
    expect(formatPortalTime(WINTER, "date", "zh-CN", "Asia/Shanghai")).toBe("2026年2月25日");
    expect(formatPortalTime(WINTER, "date", "en", "Europe/Berlin")).toBe("February 24, 2026");
  });
});

describe("PORTAL_TIME_ZONE", () => {
  const saved = process.env.PORTAL_TIME_ZONE;
  afterEach(() => {
    if (saved === undefined) delete process.env.PORTAL_TIME_ZONE;
    else process.env.PORTAL_TIME_ZONE = saved;
    vi.resetModules();
  });

  it("defaults to Asia/Shanghai and takes any IANA zone, in its canonical spelling", () => {
    expect(parsePortalTimeZone(undefined)).toBe("Asia/Shanghai");
    expect(parsePortalTimeZone("")).toBe("Asia/Shanghai");
    expect(parsePortalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(parsePortalTimeZone("UTC")).toBe("UTC");
  });

  it("is read from the environment, once per process", async () => {
    process.env.PORTAL_TIME_ZONE = "America/New_York";
    vi.resetModules();
    const { portalTimeZone } = await import("@/lib/server/portal-time-zone");
    expect(portalTimeZone()).toBe("America/New_York");
  });

  it("refuses a name that is no time zone, naming the variable", () => {
    for (const bad of ["Mars/Olympus_Mons", "+08:00", "Beijing"]) {
      expect(() => parsePortalTimeZone(bad)).toThrow(`PORTAL_TIME_ZONE: "${bad}" is not an IANA time zone name`);
    }
  });

  it("stops the server at start when invalid, and lets it start when valid", () => {
    const { DATABASE_URL: _d, LOG_WITNESS_POLICY: _p, LOG_SIGNER_KEY: _k, PORTAL_TIME_ZONE: _z, ...rest } = process.env;
    const run = (zone: string) =>
      spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/witnessing/start-server-child.ts"], {
        env: {
          ...rest,
          NODE_ENV: "production",
          PORTAL_TIME_ZONE: zone,
          LOG_COMMIT_INTERVAL_MS: "0",
          LOG_WITNESS_INTERVAL_MS: "0",
          LOG_SIGNER_KEY: generateKey("tz.example/log").signerKey,
          DATABASE_URL: "postgresql://127.0.0.1:1/none",
        },
        encoding: "utf8",
        timeout: 60_000,
      });
    const bad = run("Asia/Shanghi");
    expect(bad.status, bad.stderr).toBe(1);
    expect(bad.stderr).toContain(`gongshi: invalid environment: PORTAL_TIME_ZONE: "Asia/Shanghi" is not an IANA time zone name`);
    const good = run("Europe/Berlin");
    expect(good.status, good.stderr).toBe(0);
  }, 60_000);
});
