/**
 * The generation of the database's public content: a string that changes whenever anything a
 * public page shows may have changed. Public content only grows: a notice version, a log entry,
 * a checkpoint, a cosignature or a redaction is a new row (append-only, enforced by triggers),
 * and every other change a page shows (an agency's name, a new agency) is made by staff and
 * audited, so it adds an audit_event row. The newest id of each is therefore enough, and each
 * is one step down a primary-key index.
 *
 * Read once per request, but coalesced: a request waits for a read that started after it
 * arrived (so it sees every change committed before it came), and every request arriving while
 * that read is under way shares the next one. Under load that is one query per round trip to
 * the database, however many requests are waiting.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";

export const CONTENT_GENERATION_SQL = `SELECT concat_ws('.',
  coalesce((SELECT max(id) FROM notice_version), 0), coalesce((SELECT max(index) FROM log_entry), -1),
  coalesce((SELECT max(size) FROM checkpoint), 0), coalesce((SELECT max(id) FROM cosignature), 0),
  coalesce((SELECT max(id) FROM redaction), 0), coalesce((SELECT max(id) FROM audit_event), 0)) AS generation`;

/**
 * The generation of one notice's public content: what its pages (/n/{id}, /n/{id}/v/{n},
 * /n/{id}/diff) show and nothing else. Its versions, their log entries, their redactions and the
 * redactions' log entries, edits of its agency (an agency's name is on the page; every edit
 * is an audited `agency.update`), and links to its translations (lib/server/translations). A commit that logs other notices leaves it unchanged: the
 * citation names the first checkpoint that covered each version, not the latest one. $1 is the
 * notice id; every subquery is one index lookup.
 */
export const NOTICE_GENERATION_SQL = `SELECT concat_ws('.',
  coalesce((SELECT max(v.id) FROM notice_version v WHERE v.notice_id = $1), 0),
  coalesce((SELECT max(e.index) FROM notice_version v JOIN log_entry e ON e.notice_version_id = v.id WHERE v.notice_id = $1), -1),
  coalesce((SELECT max(r.id) FROM notice_version v JOIN redaction r ON r.notice_version_id = v.id WHERE v.notice_id = $1), 0),
  coalesce((SELECT max(e.index) FROM notice_version v JOIN redaction r ON r.notice_version_id = v.id
    JOIN log_entry e ON e.redaction_id = r.id WHERE v.notice_id = $1), -1),
  coalesce((SELECT max(a.id) FROM notice n JOIN audit_event a ON a.action = 'agency.update' AND a.subject = n.agency_id
    WHERE n.id = $1), 0),
  coalesce((SELECT max(t.id) FROM notice_translation t WHERE t.translation_id = $1 OR t.original_id = $1
    OR t.original_id = (SELECT o.original_id FROM notice_translation o WHERE o.translation_id = $1)), 0)) AS generation`;

export async function readNoticeGeneration(prisma: PrismaClient, noticeId: string): Promise<string> {
  const rows = await prisma.$queryRawUnsafe<{ generation: string }[]>(NOTICE_GENERATION_SQL, noticeId);
  return rows[0]?.generation ?? "";
}

export async function readContentGeneration(prisma: PrismaClient): Promise<string> {
  const rows = await prisma.$queryRawUnsafe<{ generation: string }[]>(CONTENT_GENERATION_SQL);
  return rows[0]?.generation ?? "";
}
