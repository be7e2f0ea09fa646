import "server-only";
/**
 * What a signed-in staff member sees first: their role and agencies, and for a clerk three
 * lists, newest first and bounded — unpublished drafts, notices whose latest version waits for
 * the next checkpoint (pending), and published ones with their log index; for administrators
 * and auditors, the witnesses and what they last cosigned or answered.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireUser, type Actor, type Role } from "@/lib/server/auth/authorize";
import { listDrafts, type DraftSummary } from "@/lib/server/drafts/list-drafts";
import { listLatestNotices } from "@/lib/server/notices/list-latest-notices";
import type { WitnessPolicy } from "@/lib/core/log";
import { witnessPolicy } from "@/lib/server/witnessing/witness-policy";
import { listWitnesses } from "@/lib/server/witnessing/witness-list";
import { newestWitnessedCheckpoint } from "@/lib/server/witnessing/cosigned-checkpoint";
import { latestCheckpoint } from "@/lib/server/log-service/latest-checkpoint";
import type { SearchHit, WitnessInfo } from "@/lib/server/api/contract";

export interface AdminDashboard {
  name: string;
  email: string;
  role: Role | null;
  agencies: { id: string; nameZh: string; nameEn: string }[];
  drafts: DraftSummary[];
  pending: SearchHit[];
  published: SearchHit[];
  /** Administrators and auditors only (null for others); `configured` is false without a witness policy. */
  witnessing: { configured: boolean; witnesses: WitnessInfo[]; witnessedSize: number | null } | null;
}

const LIST_LIMIT = 20;

export async function getAdminDashboard(prisma: PrismaClient, actor: Actor | null, policy: WitnessPolicy | null = witnessPolicy()): Promise<AdminDashboard> {
  const user = requireUser(actor);
  const seesWitnesses = user.role === "administrator" || user.role === "auditor";
  const agencies = await listOwnAgencies(prisma, user);
  const [perAgency, drafts, witnessing] = await Promise.all([
    Promise.all(agencies.map((a) => listLatestNotices(prisma, 2 * LIST_LIMIT, a.id))),
    user.role === "clerk" ? listDrafts(prisma, user, LIST_LIMIT) : Promise.resolve([]),
    seesWitnesses ? witnessingSummary(prisma, policy) : Promise.resolve(null),
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
    witnessing,
  };
}

async function witnessingSummary(prisma: PrismaClient, policy: WitnessPolicy | null): Promise<NonNullable<AdminDashboard["witnessing"]>> {
  if (!policy) return { configured: false, witnesses: [], witnessedSize: null };
  const head = await latestCheckpoint(prisma);
  const [witnesses, witnessed] = await Promise.all([listWitnesses(prisma, policy), head && newestWitnessedCheckpoint(prisma, policy, head)]);
  return { configured: true, witnesses, witnessedSize: witnessed?.size ?? null };
}

/** The agencies a clerk publishes for (none for other roles), for the dashboard and the new-notice page. */
export async function listOwnAgencies(prisma: PrismaClient, actor: Actor | null): Promise<AdminDashboard["agencies"]> {
  const user = requireUser(actor);
  if (user.agencyIds.length === 0) return [];
  return prisma.agency.findMany({ where: { id: { in: user.agencyIds } }, select: { id: true, nameZh: true, nameEn: true }, orderBy: { id: "asc" } });
}
