import "server-only";
/**
 * One page of the public log's entries, newest first, for /log/entries: each entry with the
 * notice it concerns (title as of that version, in the notice's language), the agency, the kind
 * and the log time. Optionally only what entered the log between two stored checkpoints.
 *
 * Built for a log of millions of entries: keyset paging on the index (the primary key, read
 * backwards from `before`), never OFFSET and never a count of the table; the page's rows are the
 * only entries read. Only entries a signed checkpoint covers are listed, as everywhere public.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import type { LeafRecord } from "@/lib/core/log";
import { latestCheckpoint } from "./latest-checkpoint";
import type { LogListQuery } from "./log-list-query";

export const LOG_LIST_PAGE_SIZE = 50;

export interface LogListEntry {
  index: number;
  kind: LeafRecord["kind"];
  notice: string;
  /** The version the entry records; for a `redact` entry, the version whose fields it withholds. */
  version: number;
  /** The title as of that version; null when withheld or absent (show the notice id). */
  title: string | null;
  /** The notice's `language` field as of that version (a BCP 47 tag), when it has one. */
  language: string | null;
  agency: { id: string; nameZh: string; nameEn: string };
  loggedAt: string;
}

/** One end of a "between checkpoints" range: a stored checkpoint, or 0, the empty log (no time). */
export interface RangeEnd {
  size: number;
  createdAt: string | null;
}

export interface LogEntriesPage {
  /** The latest checkpoint's size: nothing at or after it is listed. */
  size: number;
  /** Set when listing what entered between two checkpoints. */
  range: { from: RangeEnd; to: RangeEnd } | null;
  entries: LogListEntry[];
  /** `before` of the next page towards older entries; null on the last page. */
  older: number | null;
  /** The next page towards newer entries: its `before` (undefined: the newest page); null on the newest page. */
  newer: { before: number | undefined } | null;
}

/** A range a visitor asked for that the log cannot answer; the page explains it in their language. */
export class LogRangeError extends Error {
  constructor(
    readonly code: "from-after-to" | "beyond-log" | "no-checkpoint",
    readonly detail: { from?: number; to?: number; value?: number; size: number },
  ) {
    super(`${code} ${JSON.stringify(detail)}`);
    this.name = "LogRangeError";
  }
}

export async function listLogEntries(prisma: PrismaClient, query: LogListQuery, limit = LOG_LIST_PAGE_SIZE): Promise<LogEntriesPage> {
  const size = (await latestCheckpoint(prisma))?.size ?? 0;
  const range = query.from === undefined && query.to === undefined ? null : await resolveRange(prisma, query, size);
  const lo = range?.from.size ?? 0;
  const hi = range?.to.size ?? size;
  // A `before` past the end is a stale or hand-made link: it shows the newest page.
  const top = Math.max(lo, Math.min(query.before ?? hi, hi));
  const rows = top > lo ? await readEntries(prisma, lo, top, limit + 1) : [];
  const entries = rows.slice(0, limit);
  const older = rows.length > limit ? entries.at(-1)!.index : null;
  const next = top + limit;
  return { size, range, entries, older, newer: top >= hi ? null : { before: next >= hi ? undefined : next } };
}

async function resolveRange(prisma: PrismaClient, query: LogListQuery, size: number): Promise<{ from: RangeEnd; to: RangeEnd }> {
  // One end alone: from the start of the log, or up to the latest checkpoint.
  const from = query.from ?? 0;
  const to = query.to ?? size;
  for (const value of [from, to]) if (value > size) throw new LogRangeError("beyond-log", { value, size });
  if (from > to) throw new LogRangeError("from-after-to", { from, to, size });
  const wanted = [from, to].filter((s) => s > 0).map(BigInt);
  const stored = new Map(
    (await prisma.checkpoint.findMany({ where: { size: { in: wanted } }, select: { size: true, createdAt: true } })).map((c) => [Number(c.size), c.createdAt.toISOString()]),
  );
  const end = (value: number): RangeEnd => {
    if (value === 0) return { size: 0, createdAt: null };
    const createdAt = stored.get(value);
    if (createdAt === undefined) throw new LogRangeError("no-checkpoint", { value, size });
    return { size: value, createdAt };
  };
  return { from: end(from), to: end(to) };
}

type Row = {
  index: bigint;
  logged_at: Date;
  kind: string;
  notice_id: string;
  version: number;
  title: string | null;
  language: string | null;
  agency_id: string;
  name_zh: string;
  name_en: string;
};

/**
 * Entries with lo <= index < hi, newest first, at most `limit`. A field's value is the one of
 * the newest version up to the shown one that carries it (lib/shared/notices/effective-fields.ts), and
 * nothing when that version has it withheld by any redaction, logged or not: the same rule every
 * page applies, so the list never shows a title the notice's own page withholds.
 */
async function readEntries(prisma: PrismaClient, lo: number, hi: number, limit: number): Promise<LogListEntry[]> {
  const field = (name: string, alias: string) => `LEFT JOIN LATERAL (
      SELECT CASE WHEN w.withheld THEN NULL ELSE f.fields->>'${name}' END AS value
      FROM notice_version f
      CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM redaction r WHERE r.notice_version_id = f.id AND '${name}' = ANY (r.withhold)) AS withheld) w
      WHERE f.notice_id = s.notice_id AND f.version <= s.version AND (w.withheld OR coalesce(f.fields->>'${name}', '') <> '')
      ORDER BY f.version DESC LIMIT 1
    ) ${alias} ON true`;
  const rows = await prisma.$queryRawUnsafe<Row[]>(
    `SELECT e.index, e.logged_at, coalesce(v.kind, 'redact') AS kind, s.notice_id, s.version,
            t.value AS title, l.value AS language, a.id AS agency_id, a.name_zh, a.name_en
     FROM log_entry e
     LEFT JOIN notice_version v ON v.id = e.notice_version_id
     LEFT JOIN redaction rd ON rd.id = e.redaction_id
     JOIN notice_version s ON s.id = coalesce(e.notice_version_id, rd.notice_version_id)
     JOIN notice n ON n.id = s.notice_id
     JOIN agency a ON a.id = n.agency_id
     ${field("title", "t")}
     ${field("language", "l")}
     WHERE e.index >= $1 AND e.index < $2
     ORDER BY e.index DESC
     LIMIT $3`,
    BigInt(lo),
    BigInt(hi),
    limit,
  );
  return rows.map((r) => ({
    index: Number(r.index),
    kind: r.kind as LogListEntry["kind"],
    notice: r.notice_id,
    version: r.version,
    title: r.title,
    language: r.language,
    agency: { id: r.agency_id, nameZh: r.name_zh, nameEn: r.name_en },
    loggedAt: r.logged_at.toISOString(),
  }));
}
