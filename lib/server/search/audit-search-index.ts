import "server-only";
/**
 * The search index is what citizens see in result lists (title, status, number, excerpt), so
 * the auditor rebuilds every notice's row in memory with the builder `npm run search:reindex`
 * uses (buildSearchRows in index-notice.ts) and compares it with notice_search, naming the
 * notice and the columns that differ. Nothing is written.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import type { Discrepancy } from "@/lib/server/log-service/audit-log";
import { buildSearchRows, type StoredSearchRow } from "./index-notice";

const BATCH_SIZE = 500;
const COLUMNS = [
  "agencyId",
  "category",
  "language",
  "status",
  "withheld",
  "title",
  "number",
  "numberKey",
  "latestVersion",
  "latestKind",
  "publishedAt",
  "updatedAt",
  "effectiveDate",
  "excerpt",
] as const;

export async function checkSearchIndex(prisma: Prisma.TransactionClient): Promise<Discrepancy[]> {
  const problems: Discrepancy[] = [];
  let after = "";
  for (;;) {
    const ids = (await prisma.notice.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH_SIZE, select: { id: true } })).map((n) => n.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    const expected = await buildSearchRows(prisma, ids);
    const stored = new Map((await prisma.noticeSearch.findMany({ where: { noticeId: { in: ids } } })).map((r) => [r.noticeId, r]));
    // tsvector text is compared as PostgreSQL normalises it: the same cast the index's writer applies.
    const documents = await prisma.$queryRawUnsafe<{ notice_id: string; same: boolean | null }[]>(
      `SELECT r.n AS notice_id, s.document = r.d::tsvector AS same
       FROM unnest($1::text[], $2::text[]) AS r(n, d) LEFT JOIN notice_search s ON s.notice_id = r.n`,
      expected.map((r) => r.id),
      expected.map((r) => r.document),
    );
    const sameDocument = new Map(documents.map((d) => [d.notice_id, d.same]));
    for (const row of expected) {
      const where = `notice ${row.id}`;
      const actual = stored.get(row.id);
      if (!actual) {
        problems.push({ where, message: "has no search row: citizens cannot find it" });
        continue;
      }
      const differing: string[] = COLUMNS.filter((c) => !same(row[c], (actual as unknown as Record<string, unknown>)[c]));
      if (sameDocument.get(row.id) === false) differing.push("document");
      if (differing.length > 0) {
        problems.push({
          where,
          message: `search row differs from the one rebuilt from its versions in ${differing.map((c) => describe(c, row, actual as unknown as Record<string, unknown>)).join("; ")}`,
        });
      }
    }
  }
  const strays = await prisma.$queryRawUnsafe<{ notice_id: string }[]>(
    `SELECT notice_id FROM notice_search s WHERE NOT EXISTS (SELECT 1 FROM notice n WHERE n.id = s.notice_id) ORDER BY notice_id`,
  );
  for (const s of strays) problems.push({ where: `notice ${s.notice_id}`, message: "has a search row but is not a notice" });
  return problems;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function describe(column: string, expected: StoredSearchRow, actual: Record<string, unknown>): string {
  if (column === "document" || column === "excerpt") return column;
  const show = (v: unknown) => (v instanceof Date ? v.toISOString() : JSON.stringify(v));
  return `${column} (stored ${show(actual[column])}, rebuilt ${show((expected as unknown as Record<string, unknown>)[column])})`;
}
