import "server-only";
/**
 * What a signed-in staff member sees first: their role and agencies, and for a clerk three
 * lists, newest first and bounded — unpublished drafts, notices whose latest version waits for
 * the next checkpoint (pending), and published ones with their log index.
 */
import type { PrismaClient } from "@/lib/db/generated/client";
import { requireUser, type Actor, type Role } from "@/lib/auth/authorize";
import { listDrafts, type DraftSummary } from "@/lib/drafts/list-drafts";
import { listLatestNotices } from "@/lib/notices/list-latest-notices";
import type { SearchHit } from "@/lib/search/search-hit";

export interface AdminDashboard {
  name: string;
  email: string;
  role: Role | null;
  agencies: { id: string; nameZh: string; nameEn: string }[];
  drafts: DraftSummary[];
  pending: SearchHit[];
  published: SearchHit[];
  /** @deprecated pending and published together, as before the split; kept for other pages. */
  notices: SearchHit[];
}

const LIST_LIMIT = 20;

export async function getAdminDashboard(prisma: PrismaClient, actor: Actor | null): Promise<AdminDashboard> {
  const user = requireUser(actor);
  const agencies = user.agencyIds.length
    ? await prisma.agency.findMany({ where: { id: { in: user.agencyIds } }, select: { id: true, nameZh: true, nameEn: true }, orderBy: { id: "asc" } })
    : [];
  const [perAgency, drafts] = await Promise.all([
    Promise.all(agencies.map((a) => listLatestNotices(prisma, 2 * LIST_LIMIT, a.id))),
    user.role === "clerk" ? listDrafts(prisma, user, LIST_LIMIT) : Promise.resolve([]),
  ]);
  const notices = perAgency.flat().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    agencies,
    drafts,
    pending: notices.filter((n) => n.logIndex === null).slice(0, LIST_LIMIT),
    published: notices.filter((n) => n.logIndex !== null).slice(0, LIST_LIMIT),
    notices: notices.slice(0, LIST_LIMIT),
  };
}
