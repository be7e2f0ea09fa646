import "server-only";
/**
 * What a pasted identifier names exactly, shown above ranked results (docs/search.md):
 * - a notice id in any case, or a prefix naming one notice (find-notice-ids.ts);
 * - a document number (发文字号), compared folded (number-key.ts);
 * - `#123` or a bare integer: the notice version at that log index;
 * - 64 hex digits: the log entry with that leaf hash, or the attachments with that SHA-256.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { findNoticeIds } from "./find-notice-ids";
import { numberKey } from "./number-key";
import type { ExactMatch, ExactMatchKind } from "@/lib/server/api/contract";
import { loadHits } from "./search-hit";

const MAX_EXACT = 20;
// Log indexes are below 2^53 (MAX_TREE_SIZE); 16 digits keeps the cast to bigint safe.
const LOG_INDEX = /^#?\s*(0|[1-9][0-9]{0,15})$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

interface Found {
  kind: ExactMatchKind;
  notice_id: string;
  version: number;
  log_index: bigint | null;
  position: number | null;
}

/** `named`: the notices the query names by id, when the caller has looked them up already. */
export async function findExactMatches(prisma: PrismaClient, q: string, named?: readonly string[]): Promise<ExactMatch[]> {
  const text = q.trim();
  if (!text) return [];
  const found: Found[] = [];
  const ids = named ?? (await findNoticeIds(prisma, text));
  if (ids.length > 0) {
    found.push(
      ...(await prisma.$queryRawUnsafe<Found[]>(
        `SELECT 'notice-id' AS kind, s.notice_id, s.latest_version AS version, e.index AS log_index, NULL::integer AS position
         FROM notice_search s LEFT JOIN notice_version v ON v.notice_id = s.notice_id AND v.version = s.latest_version
         LEFT JOIN log_entry e ON e.notice_version_id = v.id
         WHERE s.notice_id = ANY($1::text[]) ORDER BY s.notice_id`,
        [...ids],
      )),
    );
  }
  const key = numberKey(text);
  if (key.length >= 2) {
    found.push(
      ...(await prisma.$queryRawUnsafe<Found[]>(
        `SELECT 'number' AS kind, s.notice_id, s.latest_version AS version, e.index AS log_index, NULL::integer AS position
         FROM notice_search s LEFT JOIN notice_version v ON v.notice_id = s.notice_id AND v.version = s.latest_version
         LEFT JOIN log_entry e ON e.notice_version_id = v.id
         WHERE s.number_key = $1 ORDER BY s.updated_at DESC LIMIT ${MAX_EXACT}`,
        key,
      )),
    );
  }
  const index = LOG_INDEX.exec(text);
  if (index) {
    found.push(
      ...(await prisma.$queryRawUnsafe<Found[]>(
        `SELECT 'log-index' AS kind, v.notice_id, v.version, e.index AS log_index, NULL::integer AS position
         FROM log_entry e JOIN notice_version v ON v.id = e.notice_version_id WHERE e.index = $1::bigint`,
        index[1],
      )),
    );
  }
  if (SHA256_HEX.test(text)) {
    const hex = text.toLowerCase();
    found.push(
      ...(await prisma.$queryRawUnsafe<Found[]>(
        `SELECT 'leaf-hash' AS kind, v.notice_id, v.version, e.index AS log_index, NULL::integer AS position
         FROM log_entry e JOIN notice_version v ON v.id = e.notice_version_id WHERE e.leaf_hash = decode($1, 'hex')
         UNION ALL
         (SELECT 'attachment-sha256', v.notice_id, v.version, e.index, a.position
          FROM attachment a JOIN notice_version v ON v.id = a.notice_version_id
          LEFT JOIN log_entry e ON e.notice_version_id = v.id
          WHERE a.sha256 = $1 ORDER BY v.id, a.position LIMIT ${MAX_EXACT})`,
        hex,
      )),
    );
  }
  const hits = new Map((await loadHits(prisma, [...new Set(found.map((f) => f.notice_id))])).map((h) => [h.id, h]));
  return found.flatMap((f) => {
    const notice = hits.get(f.notice_id);
    if (!notice) return [];
    return [{ kind: f.kind, version: f.version, logIndex: f.log_index === null ? null : Number(f.log_index), attachmentPosition: f.position, notice }];
  });
}
