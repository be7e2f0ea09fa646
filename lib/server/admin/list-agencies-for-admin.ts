import "server-only";
/** Every agency with its clerk count, for the administrators' agency list and the clerk-assignment choices. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireRole, type Actor } from "@/lib/server/auth/authorize";

export interface AdminAgencyRow {
  id: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  requiresReview: boolean;
  showSignOff: boolean;
  clerkCount: number;
  createdAt: string;
}

export async function listAgenciesForAdmin(prisma: PrismaClient, actor: Actor | null): Promise<AdminAgencyRow[]> {
  requireRole(actor, "administrator");
  const agencies = await prisma.agency.findMany({ include: { _count: { select: { clerks: true } } }, orderBy: { id: "asc" } });
  return agencies.map(toRow);
}

export async function getAgencyForAdmin(prisma: PrismaClient, actor: Actor | null, agencyId: string): Promise<AdminAgencyRow | null> {
  requireRole(actor, "administrator");
  const agency = await prisma.agency.findUnique({ where: { id: agencyId }, include: { _count: { select: { clerks: true } } } });
  return agency ? toRow(agency) : null;
}

function toRow(agency: {
  id: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  requiresReview: boolean;
  showSignOff: boolean;
  createdAt: Date;
  _count: { clerks: number };
}): AdminAgencyRow {
  return {
    id: agency.id,
    nameZh: agency.nameZh,
    nameEn: agency.nameEn,
    descriptionZh: agency.descriptionZh,
    descriptionEn: agency.descriptionEn,
    requiresReview: agency.requiresReview,
    showSignOff: agency.showSignOff,
    clerkCount: agency._count.clerks,
    createdAt: agency.createdAt.toISOString(),
  };
}
