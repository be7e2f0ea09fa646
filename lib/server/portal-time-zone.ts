import "server-only";
/**
 * The time zone public pages show times in: PORTAL_TIME_ZONE, an IANA zone name
 * ("Asia/Shanghai", "Europe/Berlin", "UTC"), Asia/Shanghai when unset. An invalid name stops
 * the server at start (lib/server/server-start.ts) with a message naming the variable, rather than
 * showing times in a zone nobody chose. The formatting rule itself is lib/shared/portal-time.ts.
 */
import { envOf } from "./env-schema";

/** The zone's canonical name ("asia/shanghai" → "Asia/Shanghai"); throws naming the variable if it is none. */
export function parsePortalTimeZone(value: string | undefined): string {
  return envOf(["PORTAL_TIME_ZONE"], { PORTAL_TIME_ZONE: value }).PORTAL_TIME_ZONE;
}

let cached: string | undefined;

/** PORTAL_TIME_ZONE as this process read it first. */
export function portalTimeZone(): string {
  cached ??= envOf(["PORTAL_TIME_ZONE"]).PORTAL_TIME_ZONE;
  return cached;
}
