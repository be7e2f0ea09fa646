/**
 * The one rule for showing a time on a public page: in the portal's time zone
 * (PORTAL_TIME_ZONE, lib/server/portal-time-zone.ts), in the reader's language, and, whenever a time
 * of day is shown, followed by the zone it is in, as UTC offset and zone name:
 * "2026年2月25日 09:23（UTC+8，Asia/Shanghai）", "February 25, 2026 at 09:23 (UTC+8, Asia/Shanghai)".
 * A date alone is the calendar day in that zone and carries no suffix. Pure (no I/O), so both
 * server and browser components use it (components/portal-time.tsx).
 */

/** PORTAL_TIME_ZONE's default. */
export const DEFAULT_PORTAL_TIME_ZONE = "Asia/Shanghai";

/** "date": a calendar day; "dateTime": to the minute; "dateTimeSeconds": to the second (log times). */
export type PortalTimeStyle = "date" | "dateTime" | "dateTimeSeconds";

const OPTIONS: Record<PortalTimeStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "long" },
  dateTime: { dateStyle: "long", timeStyle: "short", hourCycle: "h23" },
  dateTimeSeconds: { dateStyle: "long", timeStyle: "medium", hourCycle: "h23" },
};

/**
 * Formatters by locale, style and zone. Creating an Intl.DateTimeFormat costs about 0.15 ms,
 * using one microseconds, and a notice page shows up to a dozen times; the few combinations a
 * portal uses are kept for the process.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    // Keys come from the portal's own locales, styles and zone; the bound only guards a mistake.
    if (formatters.size < 256) formatters.set(key, found);
  }
  return found;
}

/** "UTC+8", "UTC+5:30", "UTC" for `date` in `timeZone` (the offset of that instant: summer time included). */
export function utcOffset(date: Date, timeZone: string): string {
  const name =
    formatter("en-US", { timeZone, timeZoneName: "shortOffset" }, `offset\n${timeZone}`)
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const offset = name.replace(/^GMT/, "");
  return offset === "" || offset === "+0" || offset === "-0" ? "UTC" : `UTC${offset}`;
}

export function formatPortalTime(value: Date | string, style: PortalTimeStyle, locale: string, timeZone: string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const text = formatter(locale, { ...OPTIONS[style], timeZone }, `${style}\n${locale}\n${timeZone}`).format(date);
  if (style === "date") return text;
  const offset = utcOffset(date, timeZone);
  const zone = offset === "UTC" && /^(Etc\/)?(UTC|GMT|UCT|Zulu|Universal)$/i.test(timeZone) ? "" : timeZone;
  const label = zone ? [offset, zone] : [offset];
  return locale.startsWith("zh") ? `${text}（${label.join("，")}）` : `${text} (${label.join(", ")})`;
}
