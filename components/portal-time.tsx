import { useLocale, useTimeZone } from "next-intl";
import { DEFAULT_PORTAL_TIME_ZONE, formatPortalTime, type PortalTimeStyle } from "@/lib/shared/portal-time";

/**
 * Every time a public page shows goes through here (lib/shared/portal-time.ts has the rule): the
 * portal's zone (i18n/request.ts takes it from PORTAL_TIME_ZONE) and the reader's language.
 * For server and browser components alike.
 */
export function usePortalTime(): (value: Date | string, style?: PortalTimeStyle) => string {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? DEFAULT_PORTAL_TIME_ZONE;
  return (value, style = "dateTime") => formatPortalTime(value, style, locale, timeZone);
}

/** A <time> element: machine-readable instant, text by the portal's rule. */
export function PortalTime({ value, style = "dateTime", testId }: { value: Date | string; style?: PortalTimeStyle; testId?: string }) {
  const format = usePortalTime();
  const iso = typeof value === "string" ? value : value.toISOString();
  return (
    <time dateTime={iso} data-testid={testId}>
      {format(iso, style)}
    </time>
  );
}
