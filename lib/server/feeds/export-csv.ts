import "server-only";
/**
 * Every notice matching a search as CSV, up to CSV_MAX_ROWS, streamed a page at a time so a
 * large export neither waits for nor holds every row. Pages are read by offset in the
 * search's own stable order (its last key is the notice id); a notice updated during an export
 * can move between pages, which a caller re-exporting will see corrected.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { findHits, searchNotices } from "@/lib/server/search/search-notices";
import type { SearchParams } from "@/lib/shared/search/search-params";
import { CSV_BOM, CSV_MAX_ROWS, csvHeader, hitCsvRow } from "./csv";
import type { FeedLocale } from "./feed";

/** The search's largest page size; 100 pages reach the cap, well under its page limit. */
const PAGE_SIZE = 100;

export interface CsvExport {
  /** How many notices match (may exceed what is exported). */
  total: number;
  /** How many rows the body holds: min(total, CSV_MAX_ROWS). */
  rows: number;
  body: ReadableStream<Uint8Array>;
}

export async function exportCsv(prisma: PrismaClient, params: SearchParams, locale: FeedLocale, origin: string): Promise<CsvExport> {
  const pageParams = (page: number): SearchParams => ({ ...params, page, pageSize: PAGE_SIZE });
  // The first page is read before answering, so the totals can go in the headers and a
  // failing search is still an error status rather than a cut-off file.
  const first = await searchNotices(prisma, pageParams(1));
  const rows = Math.min(first.total, CSV_MAX_ROWS);
  const pages = Math.ceil(rows / PAGE_SIZE);
  const encoder = new TextEncoder();
  let page = 1;
  let written = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvHeader()));
    },
    async pull(controller) {
      // Later pages need only their rows: the totals were counted once, above.
      const hits = page === 1 ? first.hits : await findHits(prisma, pageParams(page));
      const slice = hits.slice(0, rows - written);
      written += slice.length;
      controller.enqueue(encoder.encode(slice.map((hit) => hitCsvRow(hit, locale, origin)).join("")));
      page += 1;
      if (page > pages || slice.length < PAGE_SIZE) controller.close();
    },
  });
  return { total: first.total, rows, body };
}
