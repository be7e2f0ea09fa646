/**
 * Wall-clock times typed in a form (`<input type="datetime-local">`, "2026-12-08T09:30") read as
 * times in the portal's zone (PORTAL_TIME_ZONE), and instants written back in that form. Used
 * for scheduled publication (docs/review.md): a reviewer in Haiping means Haiping time, whatever
 * the server's or the browser's zone. Pure (Intl only), for server and browser.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The wall-clock fields of `date` in `timeZone`. */
function wallClock(date: Date, timeZone: string): number[] {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [get("year"), get("month"), get("day"), get("hour"), get("minute"), get("second")];
}

/**
 * The instant at which clocks in `timeZone` show `value` ("YYYY-MM-DDTHH:mm[:ss]"), or null for
 * anything else, an impossible date, or a time skipped by a summer-time change.
 */
export function parsePortalLocalTime(value: string, timeZone: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const fields = m.slice(1, 7).map((v) => Number(v ?? 0));
  const [y, mo, d, h, mi, s] = fields as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // The zone's offset near that time; twice, so an instant next to a change settles on its side.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const [wy, wmo, wd, wh, wmi, ws] = wallClock(new Date(guess), timeZone) as [number, number, number, number, number, number];
    guess = asUtc - (Date.UTC(wy, wmo - 1, wd, wh, wmi, ws) - guess);
  }
  const result = new Date(guess);
  return wallClock(result, timeZone).join(",") === fields.join(",") ? result : null;
}

/** `date` as a datetime-local value ("YYYY-MM-DDTHH:mm", with `seconds` "…:ss") on the clocks of `timeZone`. */
export function formatPortalLocalTime(date: Date, timeZone: string, seconds = false): string {
  const [y, mo, d, h, mi, s] = wallClock(date, timeZone).map((n) => String(n).padStart(2, "0"));
  return `${y!.padStart(4, "0")}-${mo}-${d}T${h}:${mi}${seconds ? `:${s}` : ""}`;
}
