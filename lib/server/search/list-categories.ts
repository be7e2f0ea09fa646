import "server-only";
/**
 * Categories with how many notices each has, for browsing from the home page: the stored values
 * folded into the vocabulary's slugs (lib/shared/categories/vocabulary.ts), so a page lists each
 * category once, in its own language, however notices spelled it before the vocabulary.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { categorySlugOf } from "@/lib/shared/categories/vocabulary";

export async function listCategories(prisma: PrismaClient): Promise<{ value: string; count: number }[]> {
  const rows = await prisma.$queryRawUnsafe<{ category: string; count: bigint }[]>(
    `SELECT category, count(*) AS count FROM notice_search WHERE category IS NOT NULL AND category <> '' GROUP BY category`,
  );
  const bySlug = new Map<string, number>();
  for (const r of rows) bySlug.set(categorySlugOf(r.category), (bySlug.get(categorySlugOf(r.category)) ?? 0) + Number(r.count));
  return [...bySlug].map(([value, count]) => ({ value, count })).sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1));
}
