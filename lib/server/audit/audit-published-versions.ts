import "server-only";
/**
 * Every notice version and redaction must have entered the database through a publishing
 * service (lib/server/publishing), which records its audit event in the same transaction:
 * `notice.<kind>` with the notice id as subject and the version and agency in the detail;
 * `notice.redact` with the redaction's id. A version without its event was written around the
 * services — by hand, by a script, by someone with database access. The reverse is checked too:
 * an event naming a version the database does not hold means the version was removed.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import type { Discrepancy } from "@/lib/server/log-service/audit-log";

export async function checkPublishedVersions(prisma: Prisma.TransactionClient): Promise<Discrepancy[]> {
  const problems: Discrepancy[] = [];
  const unrecorded = await prisma.$queryRawUnsafe<{ notice_id: string; version: number; kind: string }[]>(
    `SELECT v.notice_id, v.version, v.kind FROM notice_version v JOIN notice n ON n.id = v.notice_id
     WHERE NOT EXISTS (SELECT 1 FROM audit_event a
       WHERE a.action = 'notice.' || v.kind AND a.subject = v.notice_id
         AND a.detail->>'version' = v.version::text AND a.detail->>'agencyId' = n.agency_id)
     ORDER BY v.id`,
  );
  for (const v of unrecorded) {
    problems.push({ where: `notice ${v.notice_id} version ${v.version}`, message: `no notice.${v.kind} audit event: the version did not come through the publishing services` });
  }
  const unrecordedRedactions = await prisma.$queryRawUnsafe<{ id: bigint; notice_id: string; version: number }[]>(
    `SELECT r.id, v.notice_id, v.version FROM redaction r JOIN notice_version v ON v.id = r.notice_version_id
     WHERE NOT EXISTS (SELECT 1 FROM audit_event a
       WHERE a.action = 'notice.redact' AND a.subject = v.notice_id AND a.detail->>'redactionId' = r.id::text)
     ORDER BY r.id`,
  );
  for (const r of unrecordedRedactions) {
    problems.push({
      where: `redaction ${r.id} (notice ${r.notice_id} version ${r.version})`,
      message: "no notice.redact audit event: the redaction did not come through the publishing services",
    });
  }
  const orphans = await prisma.$queryRawUnsafe<{ id: bigint; action: string; subject: string | null; version: string | null }[]>(
    `SELECT a.id, a.action, a.subject, a.detail->>'version' AS version FROM audit_event a
     WHERE a.action IN ('notice.publish', 'notice.amend', 'notice.correct', 'notice.retract')
       AND NOT EXISTS (SELECT 1 FROM notice_version v
         WHERE v.notice_id = a.subject AND v.version::text = a.detail->>'version' AND 'notice.' || v.kind = a.action)
     ORDER BY a.id`,
  );
  for (const e of orphans) {
    problems.push({ where: `audit event ${e.id}`, message: `${e.action} of notice ${e.subject} version ${e.version}, which the database does not hold` });
  }
  return problems;
}
