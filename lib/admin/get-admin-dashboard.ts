import "server-only";
/** What a signed-in staff member sees first: their role, agencies and those agencies' latest notices. */
import type { PrismaClient } from "@/lib/db/generated/client";
import { requireUser, type Actor, type Role } from "@/lib/auth/authorize";
import { listLatestNotices } from "@/lib/notices/list-latest-notices";
import type { SearchHit } from "@/lib/search/search-hit";

export interface AdminDashboard {
  name: string;
  email: string;
  role: Role | null;
  agencies: { id: string; nameZh: string; nameEn: string }[];
  notices: SearchHit[];
}

export async function getAdminDashboard(prisma: PrismaClient, actor: Actor | null): Promise<AdminDashboard> {
  const user = requireUser(actor);
  const agencies = user.agencyIds.length
    ? await prisma.agency.findMany({ where: { id: { in: user.agencyIds } }, select: { id: true, nameZh: true, nameEn: true }, orderBy: { id: "asc" } })
    : [];
  const perAgency = await Promise.all(agencies.map((a) => listLatestNotices(prisma, 10, a.id)));
  const notices = perAgency.flat().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 20);
  return { name: user.name, email: user.email, role: user.role, agencies, notices };
}
