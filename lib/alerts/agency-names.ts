import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { AgencyNames } from "./alert-mails";

/** The names of the given agencies, for describing a subscription. */
export async function agencyNames(prisma: Prisma.TransactionClient, ids: readonly string[]): Promise<AgencyNames> {
  if (!ids.length) return new Map();
  const rows = await prisma.agency.findMany({ where: { id: { in: [...ids] } }, select: { id: true, nameZh: true, nameEn: true } });
  return new Map(rows.map((a) => [a.id, a]));
}
