import "server-only";
import type { Prisma } from "@/lib/server/db/generated/client";

export type AgencyNames = ReadonlyMap<string, { nameZh: string; nameEn: string }>;

/** The names of the given agencies in both languages, for describing a search, a feed or a subscription. */
export async function agencyNames(prisma: Prisma.TransactionClient, ids: readonly string[]): Promise<AgencyNames> {
  if (!ids.length) return new Map();
  const rows = await prisma.agency.findMany({ where: { id: { in: [...ids] } }, select: { id: true, nameZh: true, nameEn: true } });
  return new Map(rows.map((a) => [a.id, a]));
}
