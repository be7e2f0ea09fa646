import "server-only";
/**
 * The time zone public pages show times in: PORTAL_TIME_ZONE, an IANA zone name
 * ("Asia/Shanghai", "Europe/Berlin", "UTC"), Asia/Shanghai when unset. An invalid name stops
 * the server at start (lib/server-start.ts) with a message naming the variable, rather than
 * showing times in a zone nobody chose. The formatting rule itself is lib/portal-time.ts.
 */
import { DEFAULT_PORTAL_TIME_ZONE } from "./portal-time";

/** The zone's canonical name ("asia/shanghai" → "Asia/Shanghai"); throws naming the variable if it is none. */
export function parsePortalTimeZone(value: string | undefined): string {
  if (value === undefined || value.trim() === "") return DEFAULT_PORTAL_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value.trim() }).resolvedOptions().timeZone;
  } catch {
    throw new Error(`invalid environment: PORTAL_TIME_ZONE: "${value}" is not an IANA time zone name (for example Asia/Shanghai or UTC)`);
  }
}

let cached: string | undefined;

/** PORTAL_TIME_ZONE as this process read it first. */
export function portalTimeZone(): string {
  cached ??= parsePortalTimeZone(process.env.PORTAL_TIME_ZONE);
  return cached;
}
