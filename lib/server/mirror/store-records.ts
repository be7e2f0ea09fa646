import "server-only";
/**
 * Writes a batch of checked records into the mirror's tables, the way the origin holds them:
 * notices, versions (without withheld values and salts), attachments with their bytes, log
 * entries, redactions. Batched statements (unnest), because an initial copy is 100,000 notices.
 * Runs inside the copy transaction of lib/server/mirror/copy-checkpoint.ts, so a batch is visible only
 * with the checkpoint that covers it, after that checkpoint's root has been recomputed.
 *
 * The log's order is checked as it is written: a version supersedes exactly the entry of the
 * version before it, a first version names a notice not seen before, a redaction targets a
 * version of the notice and agency it names.
 */
import { attachmentMatches, attachmentDigest } from "@/lib/core/log";
import type { SqlRunner } from "@/lib/server/log-service/tile-store";
import { writeAgencies } from "@/lib/server/agencies/write-agencies";
import type { CheckedRecord, CheckedRedaction, CheckedVersion } from "./check-record";
import { MirrorRefusal } from "./mirror-evidence";
import type { OriginClient } from "./origin-client";

const DOWNLOADS_AT_ONCE = 8;

/** A batch ready to store: its checked records and their attachments' bytes, each checked. */
export interface FetchedBatch {
  records: readonly CheckedRecord[];
  /** By "<entry index>/<position>". */
  files: ReadonlyMap<string, Uint8Array>;
}

/** The attachments of a batch's versions, fetched and checked; no database access, so it can run ahead of storing. */
export async function fetchAttachments(origin: OriginClient, records: readonly CheckedRecord[]): Promise<FetchedBatch> {
  const versions = records.filter((r): r is CheckedVersion => r.kind === "version");
  return { records, files: await downloadAttachments(origin, versions) };
}

/** Returns the ids of the notices written to. */
export async function storeRecords(sql: SqlRunner, { records, files }: FetchedBatch): Promise<Set<string>> {
  const versions = records.filter((r): r is CheckedVersion => r.kind === "version");
  const redactions = records.filter((r): r is CheckedRedaction => r.kind === "redaction");
  await checkSupersedes(sql, versions);
  await ensureAgencies(sql, [...new Set(records.map((r) => r.leaf.agency))]);
  const touched = new Set<string>();
  if (versions.length > 0) {
    const first = versions.filter((v) => v.leaf.version === 1);
    await sql.$executeRawUnsafe(
      `INSERT INTO notice (id, agency_id, created_at) SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])`,
      first.map((v) => v.leaf.notice),
      first.map((v) => v.leaf.agency),
      first.map((v) => v.createdAt),
    );
    const ids = await sql.$queryRawUnsafe<{ id: bigint; notice_id: string; version: number }[]>(
      `INSERT INTO notice_version (notice_id, version, kind, fields, salts, created_at)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::jsonb[], $5::jsonb[], $6::timestamptz[])
       RETURNING id, notice_id, version`,
      versions.map((v) => v.leaf.notice),
      versions.map((v) => v.leaf.version),
      versions.map((v) => v.leaf.kind),
      versions.map((v) => JSON.stringify(v.fields)),
      versions.map((v) => JSON.stringify(v.salts)),
      versions.map((v) => v.createdAt),
    );
    const idOf = new Map(ids.map((r) => [`${r.notice_id}/${r.version}`, r.id]));
    const versionId = (v: CheckedVersion) => idOf.get(`${v.leaf.notice}/${v.leaf.version}`)!;
    const attachments = versions.flatMap((v) => v.attachments.map((a) => ({ v, a, content: files.get(`${v.index}/${a.position}`)! })));
    if (attachments.length > 0) {
      await sql.$executeRawUnsafe(
        `INSERT INTO attachment (notice_version_id, position, file_name, name_salt, media_type, sha256, size, content)
         SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::bytea[], $5::text[], $6::text[], $7::int[], $8::bytea[])`,
        attachments.map((x) => versionId(x.v)),
        attachments.map((x) => x.a.position),
        attachments.map((x) => x.a.fileName),
        attachments.map((x) => Buffer.from(x.a.nameSalt)),
        attachments.map((x) => x.a.mediaType),
        attachments.map((x) => x.a.sha256),
        attachments.map((x) => x.a.size),
        attachments.map((x) => Buffer.from(x.content)),
      );
    }
    await insertEntries(
      sql,
      versions.map((v) => ({ index: v.index, leaf: v.leafBytes, leafHash: v.leafHash, versionId: versionId(v), redactionId: null, loggedAt: v.leaf.loggedAt })),
    );
    await sql.$executeRawUnsafe("DELETE FROM log_queue WHERE notice_version_id = ANY($1::bigint[])", [...idOf.values()]);
    // Redactions the origin already made of these versions, logged or still pending there: the
    // fields are withheld here from the first moment, as there. A logged one is linked to its
    // redact entry when that entry is copied (below, in this batch or a later one).
    for (const v of versions) {
      for (const r of v.redactions) {
        await sql.$executeRawUnsafe(
          "INSERT INTO redaction (notice_version_id, withhold, basis, created_at) VALUES ($1, $2::text[], $3, $4)",
          versionId(v),
          [...r.withhold].sort(),
          r.basis,
          r.at,
        );
      }
      touched.add(v.leaf.notice);
    }
  }
  for (const r of redactions) {
    await storeRedaction(sql, r);
    touched.add(r.leaf.notice);
  }
  return touched;
}

async function storeRedaction(sql: SqlRunner, r: CheckedRedaction): Promise<void> {
  const [target] = await sql.$queryRawUnsafe<{ id: bigint; notice_id: string; agency_id: string }[]>(
    `SELECT v.id, v.notice_id, n.agency_id FROM log_entry e JOIN notice_version v ON v.id = e.notice_version_id
     JOIN notice n ON n.id = v.notice_id WHERE e.index = $1`,
    BigInt(r.leaf.target),
  );
  if (!target || target.notice_id !== r.leaf.notice || target.agency_id !== r.leaf.agency) {
    throw new MirrorRefusal({
      kind: "bad-leaf",
      message: `redact entry ${r.index} targets entry ${r.leaf.target}, which is not a version of notice ${r.leaf.notice} of ${r.leaf.agency}`,
      entry: { index: r.index, notice: r.leaf.notice },
    });
  }
  const [existing] = await sql.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT r.id FROM redaction r WHERE r.notice_version_id = $1 AND r.withhold = $2::text[] AND r.basis = $3
       AND NOT EXISTS (SELECT 1 FROM log_entry e WHERE e.redaction_id = r.id) ORDER BY r.id LIMIT 1`,
    target.id,
    r.leaf.withhold,
    r.leaf.basis,
  );
  let id = existing?.id;
  if (id === undefined) {
    const [created] = await sql.$queryRawUnsafe<{ id: bigint }[]>(
      "INSERT INTO redaction (notice_version_id, withhold, basis, created_at) VALUES ($1, $2::text[], $3, $4) RETURNING id",
      target.id,
      r.leaf.withhold,
      r.leaf.basis,
      r.at,
    );
    id = created!.id;
  }
  await insertEntries(sql, [{ index: r.index, leaf: r.leafBytes, leafHash: r.leafHash, versionId: null, redactionId: id, loggedAt: r.leaf.loggedAt }]);
  await sql.$executeRawUnsafe("DELETE FROM redaction_queue WHERE redaction_id = $1", id);
}

async function insertEntries(
  sql: SqlRunner,
  entries: readonly { index: number; leaf: Uint8Array; leafHash: Uint8Array; versionId: bigint | null; redactionId: bigint | null; loggedAt: string }[],
): Promise<void> {
  await sql.$executeRawUnsafe(
    `INSERT INTO log_entry (index, leaf, leaf_hash, notice_version_id, redaction_id, logged_at)
     SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::bytea[], $4::bigint[], $5::bigint[], $6::timestamptz[])`,
    entries.map((e) => BigInt(e.index)),
    entries.map((e) => Buffer.from(e.leaf)),
    entries.map((e) => Buffer.from(e.leafHash)),
    entries.map((e) => e.versionId),
    entries.map((e) => e.redactionId),
    entries.map((e) => new Date(e.loggedAt)),
  );
}

/** Each version must extend its notice exactly where the log says: no gap, no fork, no second first version. */
async function checkSupersedes(sql: SqlRunner, versions: readonly CheckedVersion[]): Promise<void> {
  const inBatch = new Map(versions.map((v) => [`${v.leaf.notice}/${v.leaf.version}`, v.index]));
  const asked = versions.filter((v) => v.leaf.version > 1 && !inBatch.has(`${v.leaf.notice}/${v.leaf.version - 1}`));
  const firsts = versions.filter((v) => v.leaf.version === 1);
  const stored = new Map<string, number>();
  if (asked.length > 0) {
    const rows = await sql.$queryRawUnsafe<{ notice_id: string; version: number; index: bigint }[]>(
      `SELECT v.notice_id, v.version, e.index FROM unnest($1::text[], $2::int[]) AS w(notice_id, version)
       JOIN notice_version v ON v.notice_id = w.notice_id AND v.version = w.version JOIN log_entry e ON e.notice_version_id = v.id`,
      asked.map((v) => v.leaf.notice),
      asked.map((v) => v.leaf.version - 1),
    );
    for (const r of rows) stored.set(`${r.notice_id}/${r.version}`, Number(r.index));
  }
  const existing =
    firsts.length === 0
      ? []
      : await sql.$queryRawUnsafe<{ id: string }[]>(
          "SELECT id FROM notice WHERE id = ANY($1::text[])",
          firsts.map((v) => v.leaf.notice),
        );
  const seen = new Set(existing.map((r) => r.id));
  for (const v of versions) {
    const key = `${v.leaf.notice}/${v.leaf.version - 1}`;
    const expected = v.leaf.version === 1 ? null : (inBatch.get(key) ?? stored.get(key));
    const duplicate = v.leaf.version === 1 && seen.has(v.leaf.notice);
    if (v.leaf.version === 1) seen.add(v.leaf.notice);
    if (duplicate || expected === undefined || v.leaf.supersedes !== expected || (expected !== null && expected >= v.index)) {
      throw new MirrorRefusal({
        kind: "bad-leaf",
        message: duplicate
          ? `log entry ${v.index} publishes notice ${v.leaf.notice} a second time`
          : `log entry ${v.index} (notice ${v.leaf.notice} version ${v.leaf.version}) supersedes ${v.leaf.supersedes}, but the version before it is ${expected === undefined ? "not in the log" : `entry ${expected}`}`,
        entry: { index: v.index, notice: v.leaf.notice, version: v.leaf.version },
      });
    }
  }
}

/** The files of a batch, fetched a few at a time and each checked against its leaf before it is kept. */
async function downloadAttachments(origin: OriginClient, versions: readonly CheckedVersion[]): Promise<Map<string, Uint8Array>> {
  const jobs = versions.flatMap((v) => v.attachments.map((a) => ({ v, a })));
  const files = new Map<string, Uint8Array>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { v, a } = jobs[next++]!;
      const bytes = await origin.attachment(v.leaf.notice, v.leaf.version, a.position, a.size);
      if (!attachmentMatches(a, bytes)) {
        const got = attachmentDigest(bytes);
        const file = a.fileName || `attachment-${a.position}`;
        throw new MirrorRefusal({
          kind: "bad-attachment",
          message: `notice ${v.leaf.notice} version ${v.leaf.version}: the file ${file} the origin serves does not match the log (SHA-256 ${got.sha256.slice(0, 16)}…, ${got.size} bytes; the log says ${a.sha256.slice(0, 16)}…, ${a.size} bytes)`,
          entry: { index: v.index, notice: v.leaf.notice, version: v.leaf.version, file, expected: a.sha256, got: got.sha256 },
        });
      }
      files.set(`${v.index}/${a.position}`, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DOWNLOADS_AT_ONCE, jobs.length) }, worker));
  return files;
}

/** Agencies the log names but the origin's agency list did not (names are not in the log): named by their id until it does. */
async function ensureAgencies(sql: SqlRunner, ids: readonly string[]): Promise<void> {
  await writeAgencies(
    sql,
    ids.map((id) => ({ id, nameZh: id, nameEn: id })),
    { source: "named by the log", overwrite: false },
  );
}
