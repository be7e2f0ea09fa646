import { getLocale, getTimeZone } from "next-intl/server";
import { formatPortalTime, type PortalTimeStyle } from "@/lib/shared/portal-time";

/** usePortalTime (components/portal-time.tsx) for async server components that need the text itself. */
export async function getPortalTime(): Promise<(value: Date | string, style?: PortalTimeStyle) => string> {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return (value, style = "dateTime") => formatPortalTime(value, style, locale, timeZone);
}
