import "server-only";
/**
 * The notices a notice is available in other languages as (record-translation.ts): its original
 * and the original's other translations, or, for an original, its translations. Title and
 * language are the current ones, from the search index (withheld values stay withheld there).
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";

export interface NoticeTranslationLink {
  id: string;
  language: string;
  title: string | null;
}

export async function listTranslations(prisma: PrismaClient, noticeId: string): Promise<NoticeTranslationLink[]> {
  const rows = await prisma.$queryRaw<{ notice_id: string; language: string | null; title: string | null }[]>`
    WITH root AS (SELECT coalesce((SELECT original_id FROM notice_translation WHERE translation_id = ${noticeId}), ${noticeId}) AS id)
    SELECT s.notice_id, s.language, s.title FROM notice_search s, root
    WHERE s.notice_id <> ${noticeId}
      AND (s.notice_id = root.id OR s.notice_id IN (SELECT t.translation_id FROM notice_translation t WHERE t.original_id = root.id))
    ORDER BY s.language, s.notice_id`;
  return rows.filter((r) => r.language !== null).map((r) => ({ id: r.notice_id, language: r.language!, title: r.title }));
}
