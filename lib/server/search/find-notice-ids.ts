import "server-only";
/**
 * The notices a query names by id (docs/search.md): visitors paste or retype ids such as
 * HP-PLAN-2026-038 in any case, or only their start. The id itself is not in the tsvector:
 * its parts (hp, plan, 2026) would make every notice of an agency match the word "plan".
 * - the id in any case: every notice whose id is that, case folded;
 * - a prefix of at least four characters with a digit, `-` or `_` in it (so an ordinary word
 *   never names a notice): the one notice whose id starts with it, if exactly one does.
 * Both use notice_search_id_lower_idx.
 */
import type { Prisma } from "@/lib/server/db/generated/client";
import { NOTICE_ID_PATTERN } from "@/lib/core/log/notice-leaf-schema";

const MAX_IDS = 20;
const PREFIX = /^(?=.{4})(?=.*[0-9_-])/;

export async function findNoticeIds(prisma: Prisma.TransactionClient, q: string): Promise<string[]> {
  const text = q.trim();
  if (!NOTICE_ID_PATTERN.test(text)) return [];
  const key = text.toLowerCase();
  const exact = await prisma.$queryRawUnsafe<{ notice_id: string }[]>(`SELECT notice_id FROM notice_search WHERE lower(notice_id) = $1 ORDER BY notice_id LIMIT ${MAX_IDS}`, key);
  if (exact.length > 0 || !PREFIX.test(text)) return exact.map((r) => r.notice_id);
  // `_` is a LIKE wildcard and may occur in ids; `%` and `\` cannot (NOTICE_ID_PATTERN).
  const prefixed = await prisma.$queryRawUnsafe<{ notice_id: string }[]>(
    `SELECT notice_id FROM notice_search WHERE lower(notice_id) LIKE $1 LIMIT 2`,
    `${key.replace(/_/g, "\\_")}%`,
  );
  return prefixed.length === 1 ? [prefixed[0]!.notice_id] : [];
}
