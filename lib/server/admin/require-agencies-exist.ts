import "server-only";
/** A clerk may be assigned only to agencies that exist; an unknown id is the caller's mistake (400). */
import type { Prisma, PrismaClient } from "@/lib/server/db/generated/client";
import { FieldError } from "./field-error";

export async function requireAgenciesExist(prisma: PrismaClient | Prisma.TransactionClient, agencyIds: readonly string[]): Promise<void> {
  if (agencyIds.length === 0) return;
  const found = await prisma.agency.count({ where: { id: { in: [...new Set(agencyIds)] } } });
  if (found !== new Set(agencyIds).size) throw new FieldError("bad-request", "agencyIds", "agencyUnknown");
}
