import "server-only";
/** Categories with how many notices each has, for browsing from the home page. */
import type { PrismaClient } from "@/lib/db/generated/client";

export async function listCategories(prisma: PrismaClient): Promise<{ value: string; count: number }[]> {
  const rows = await prisma.$queryRawUnsafe<{ category: string; count: bigint }[]>(
    `SELECT category, count(*) AS count FROM notice_search WHERE category IS NOT NULL AND category <> ''
     GROUP BY category ORDER BY count(*) DESC, category`,
  );
  return rows.map((r) => ({ value: r.category, count: Number(r.count) }));
}
