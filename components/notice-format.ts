/** Small display helpers shared by the notice components. */

/** Kept per locale and digits: creating an Intl.NumberFormat costs far more than using one. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}\n${digits}`;
  let found = numberFormats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    if (numberFormats.size < 64) numberFormats.set(key, found);
  }
  return found;
}

/** "12.3 KB" style size in the reader's language; the exact byte count is shown beside it. */
export function humanSize(bytes: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${numberFormat(locale, digits).format(value)} ${units[unit]}`;
}

/** A YYYY-MM-DD field as a Date at noon in China (so no time zone can move it to another day). */
export function dateField(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T12:00:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}
