/** Times typed for scheduled publication, read in the portal's zone (lib/shared/portal-local-time.ts). */
import { describe, expect, it } from "vitest";
import { formatPortalLocalTime, parsePortalLocalTime } from "@/lib/shared/portal-local-time";

describe("portal local time", () => {
  it("reads a wall-clock time in the zone, summer time included", () => {
    expect(parsePortalLocalTime("2026-12-08T09:30", "Asia/Shanghai")?.toISOString()).toBe("2026-12-08T01:30:00.000Z");
    expect(parsePortalLocalTime("2026-07-01T12:00:15", "America/New_York")?.toISOString()).toBe("2026-07-01T16:00:15.000Z");
    expect(parsePortalLocalTime("2026-01-01T12:00", "America/New_York")?.toISOString()).toBe("2026-01-01T17:00:00.000Z");
    expect(parsePortalLocalTime("2026-12-08T09:30", "UTC")?.toISOString()).toBe("2026-12-08T09:30:00.000Z");
  });

  it("refuses what is not a time there: other formats, impossible dates, a time skipped by summer time", () => {
    for (const value of ["", "2026-12-08", "2026-12-08 09:30", "2026-02-30T12:00", "2026-12-08T24:00", "tomorrow", "2026-12-08T09:30Z"]) {
      expect(parsePortalLocalTime(value, "Asia/Shanghai"), value).toBeNull();
    }
    expect(parsePortalLocalTime("2026-03-08T02:30", "America/New_York")).toBeNull();
  });

  it("writes an instant back as the zone's wall clock, round-tripping", () => {
    const at = new Date("2026-12-08T01:30:45Z");
    expect(formatPortalLocalTime(at, "Asia/Shanghai")).toBe("2026-12-08T09:30");
    expect(formatPortalLocalTime(at, "Asia/Shanghai", true)).toBe("2026-12-08T09:30:45");
    expect(parsePortalLocalTime(formatPortalLocalTime(at, "Europe/Berlin", true), "Europe/Berlin")?.getTime()).toBe(at.getTime());
  });
});
