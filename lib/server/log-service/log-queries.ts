import "server-only";
/** The reads the committer makes inside its transaction. */
import type { SqlRunner } from "./tile-store";
import type { StoredVersion } from "./version-leaf";

/**
 * The oldest queued versions, in the order they were created, with their attachments. Fields
 * and salts only for versions without stored commitments: the leaf needs nothing else, and
 * they are most of the bytes read. Attachments in a second query, for the versions that have
 * any: most have none, and a subquery per version cost more than the versions themselves.
 */
export async function pendingVersions(sql: SqlRunner, limit: number): Promise<StoredVersion[]> {
  const rows = await sql.$queryRawUnsafe<
    { id: bigint; notice_id: string; agency_id: string; version: number; kind: string; commitments: unknown; fields: unknown; salts: unknown }[]
  >(
    `SELECT v.id, v.notice_id, n.agency_id, v.version, v.kind, v.commitments,
            CASE WHEN v.commitments IS NULL THEN v.fields END AS fields,
            CASE WHEN v.commitments IS NULL THEN v.salts END AS salts
     FROM log_queue q JOIN notice_version v ON v.id = q.notice_version_id JOIN notice n ON n.id = v.notice_id
     ORDER BY q.notice_version_id LIMIT $1`,
    limit,
  );
  const attachments = await attachmentsOf(
    sql,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    noticeId: r.notice_id,
    agencyId: r.agency_id,
    version: r.version,
    kind: r.kind,
    commitments: r.commitments,
    fields: r.fields,
    salts: r.salts,
    attachments: attachments.get(r.id) ?? [],
  }));
}

/** The attachments of the given versions, each version's in order of position. */
async function attachmentsOf(sql: SqlRunner, versionIds: readonly bigint[]): Promise<Map<bigint, StoredVersion["attachments"]>> {
  const byVersion = new Map<bigint, StoredVersion["attachments"]>();
  if (versionIds.length === 0) return byVersion;
  const rows = await sql.$queryRawUnsafe<{ notice_version_id: bigint; file_name: string; name_salt: Uint8Array; sha256: string; size: number }[]>(
    `SELECT notice_version_id, file_name, name_salt, sha256, size FROM attachment
     WHERE notice_version_id = ANY($1::bigint[]) ORDER BY notice_version_id, position`,
    versionIds,
  );
  for (const a of rows) {
    const list = byVersion.get(a.notice_version_id) ?? [];
    list.push({ fileName: a.file_name, nameSalt: new Uint8Array(a.name_salt), sha256: a.sha256, size: a.size });
    byVersion.set(a.notice_version_id, list);
  }
  return byVersion;
}

/** Log indexes of the versions that the given versions supersede, keyed "<notice>/<version>". */
export async function previousVersionIndexes(sql: SqlRunner, versions: readonly StoredVersion[]): Promise<Map<string, number>> {
  const later = versions.filter((v) => v.version > 1);
  if (later.length === 0) return new Map();
  const rows = await sql.$queryRawUnsafe<{ notice_id: string; version: number; index: bigint }[]>(
    `SELECT v.notice_id, v.version, e.index FROM unnest($1::text[], $2::int[]) AS w(notice_id, version)
     JOIN notice_version v ON v.notice_id = w.notice_id AND v.version = w.version
     JOIN log_entry e ON e.notice_version_id = v.id`,
    later.map((v) => v.noticeId),
    later.map((v) => v.version - 1),
  );
  return new Map(rows.map((r) => [`${r.notice_id}/${r.version}`, Number(r.index)]));
}

export interface PendingRedaction {
  id: bigint;
  noticeId: string;
  agencyId: string;
  /** Log index of the redacted version (a redaction can only be made of a logged version). */
  target: number;
  withhold: string[];
  basis: string;
}

/** The oldest queued redactions, in the order they were made. */
export async function pendingRedactions(sql: SqlRunner, limit: number): Promise<PendingRedaction[]> {
  if (limit <= 0) return [];
  const rows = await sql.$queryRawUnsafe<{ id: bigint; notice_id: string; agency_id: string; target: bigint; withhold: string[]; basis: string }[]>(
    `SELECT r.id, v.notice_id, n.agency_id, e.index AS target, r.withhold, r.basis
     FROM redaction_queue q JOIN redaction r ON r.id = q.redaction_id
     JOIN notice_version v ON v.id = r.notice_version_id JOIN notice n ON n.id = v.notice_id
     JOIN log_entry e ON e.notice_version_id = v.id
     ORDER BY q.redaction_id LIMIT $1`,
    limit,
  );
  return rows.map((r) => ({ id: r.id, noticeId: r.notice_id, agencyId: r.agency_id, target: Number(r.target), withhold: r.withhold, basis: r.basis }));
}
