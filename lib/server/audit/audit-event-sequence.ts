import "server-only";
/**
 * What the shape of audit_event itself can reveal. Rows are append-only (database triggers),
 * ids come from one sequence in insertion order, and `at` is the inserting transaction's start
 * time. So, without any chaining between rows:
 *   - a gap in the ids, or ids the sequence handed out after the last row, is a row removed —
 *     or a transaction that rolled back after writing its event (the services write it last,
 *     so that is a failed commit), or ids PostgreSQL skips after a crash (up to 32);
 *   - a row whose time is well before a row with a smaller id was inserted with a forged time
 *     (or has a forged id); concurrent transactions make small inversions normal, so only
 *     inversions longer than any transaction the services run are reported;
 *   - a time in the future is forged.
 * Ids are bounded by the sequence as it stood when the audit began (see checkAuditEventSequence);
 * a transaction still open when the audit ends can show as a gap, which the next run clears.
 * It cannot see a row rewritten in place with plausible values, nor a removed row whose id was
 * re-used by an inserted one, nor rows removed and the sequence reset: the cross-checks against
 * the rows events explain (published versions, roles, tokens, agencies) cover what matters most.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import type { Discrepancy } from "@/lib/server/log-service/audit-log";

/** Longer than any transaction that writes an event (draft publishing allows 60 s). */
export const AUDIT_ORDER_TOLERANCE_SECONDS = 300;

/** The last id the sequence has handed out (0 before the first event). Read before the audit's snapshot. */
export async function issuedAuditEventIds(prisma: Prisma.TransactionClient): Promise<bigint> {
  const [row] = await prisma.$queryRawUnsafe<{ issued: bigint }[]>(`SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS issued FROM audit_event_id_seq`);
  return row?.issued ?? 0n;
}

/**
 * `issued` is the sequence as read when the audit began, and the rows are read fresh when it
 * ends: an id handed out then belongs to a transaction that has had the whole audit to commit,
 * so ids beyond it (events being written now) are never mistaken for missing ones.
 */
export async function checkAuditEventSequence(prisma: Prisma.TransactionClient, issued: bigint): Promise<Discrepancy[]> {
  const problems: Discrepancy[] = [];
  const gaps = await prisma.$queryRawUnsafe<{ after: bigint; next: bigint }[]>(
    `SELECT coalesce(prev, 0) AS after, id AS next FROM (SELECT id, lag(id) OVER (ORDER BY id) AS prev FROM audit_event WHERE id <= $1) s
     WHERE id <> coalesce(prev, 0) + 1 ORDER BY id`,
    issued,
  );
  for (const g of gaps) {
    const missing = g.next - g.after - 1n;
    problems.push({ where: `audit events ${g.after + 1n}${missing > 1n ? `–${g.next - 1n}` : ""}`, message: `missing: the trail jumps from ${g.after} to ${g.next}` });
  }
  const [tail] = await prisma.$queryRawUnsafe<{ last: bigint | null }[]>(`SELECT max(id) AS last FROM audit_event WHERE id <= $1`, issued);
  const last = tail?.last ?? 0n;
  if (issued > last) {
    problems.push({
      where: `audit events ${last + 1n}${issued > last + 1n ? `–${issued}` : ""}`,
      message: `missing: ids up to ${issued} were handed out, the last row is ${last}`,
    });
  }
  const backwards = await prisma.$queryRawUnsafe<{ id: bigint; at: Date; before: Date }[]>(
    `SELECT id, at, before FROM (
       SELECT id, at, max(at) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before FROM audit_event) s
     WHERE at < before - make_interval(secs => $1) ORDER BY id`,
    AUDIT_ORDER_TOLERANCE_SECONDS,
  );
  for (const b of backwards) {
    problems.push({ where: `audit event ${b.id}`, message: `out of order: recorded at ${b.at.toISOString()}, after an event recorded at ${b.before.toISOString()}` });
  }
  const future = await prisma.$queryRawUnsafe<{ id: bigint; at: Date }[]>(`SELECT id, at FROM audit_event WHERE at > now() + interval '5 minutes' ORDER BY id`);
  for (const f of future) problems.push({ where: `audit event ${f.id}`, message: `recorded at ${f.at.toISOString()}, in the future` });
  return problems;
}
