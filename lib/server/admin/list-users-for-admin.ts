import "server-only";
/** Every staff account, for the administrators' user list: who, which role, which agencies. */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { requireRole, STAFF_ACCESS_INCLUDE, staffAccess, type Actor, type Role } from "@/lib/server/auth/authorize";

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  /** null: disabled, or never given a role — authorized for nothing. */
  role: Role | null;
  agencyIds: string[];
  /** Those of agencyIds whose drafts the clerk may review. */
  reviewAgencyIds: string[];
  createdAt: string;
}

export async function listUsersForAdmin(prisma: PrismaClient, actor: Actor | null): Promise<AdminUserRow[]> {
  requireRole(actor, "administrator");
  const users = await prisma.user.findMany({
    include: STAFF_ACCESS_INCLUDE,
    orderBy: [{ createdAt: "asc" }, { email: "asc" }],
  });
  return users.map(toRow);
}

/** One account, for its edit page; not-found for an unknown id. */
export async function getUserForAdmin(prisma: PrismaClient, actor: Actor | null, userId: string): Promise<AdminUserRow | null> {
  requireRole(actor, "administrator");
  const user = await prisma.user.findUnique({ where: { id: userId }, include: STAFF_ACCESS_INCLUDE });
  return user ? toRow(user) : null;
}

function toRow(user: {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
  role: { role: string } | null;
  agencies: { agencyId: string; canReview: boolean }[];
}): AdminUserRow {
  const access = staffAccess(user);
  return { id: user.id, email: user.email, name: user.name, ...access, reviewAgencyIds: access.reviewAgencyIds ?? [], createdAt: user.createdAt.toISOString() };
}
