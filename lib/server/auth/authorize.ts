import "server-only";
/**
 * Authorization, checked inside every service function (never only in proxy.ts): a service
 * takes the `Actor` of the request (or null) and calls these guards before it reads or writes.
 * They throw ApiError "unauthorized" (401) or "forbidden" (403).
 *
 * Roles: an administrator manages agencies, users, tokens and redactions; a clerk
 * publishes for the agencies assigned to them; an auditor reads. An administrator is not
 * implicitly a clerk: publishing in an agency's name takes an explicit assignment.
 */
import { ApiError } from "@/lib/server/api/errors";
import type { Prisma } from "@/lib/server/db/generated/client";

export const ROLES = ["administrator", "clerk", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  email: string;
  name: string;
  /** null: signed in, but given no role (authorized for nothing). */
  role: Role | null;
  /** The agencies a clerk publishes for; empty for other roles. */
  agencyIds: string[];
  /**
   * The agencies whose drafts the clerk may also review (approve or return): a subset of
   * agencyIds (clerk_agency.can_review). Absent means none, as for an API token.
   */
  reviewAgencyIds?: string[];
  /**
   * How the actor was authenticated: a signed-in person ("session", the default) or an agency
   * API token ("token", lib/server/auth/tokens), which acts as a clerk of exactly its one agency.
   */
  via?: "session" | "token";
  /**
   * A token created with the right to publish directly (lib/server/auth/tokens/create-api-token.ts):
   * its requests skip review in an agency that requires it (lib/server/drafts/review-rule.ts).
   */
  publishDirectly?: boolean;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** What a user row with its role and clerk_agency rows allows: only a clerk has agencies. */
export function staffAccess(user: { role: { role: string } | null; agencies: { agencyId: string; canReview?: boolean }[] }): Pick<Actor, "role" | "agencyIds" | "reviewAgencyIds"> {
  const role = user.role && isRole(user.role.role) ? user.role.role : null;
  if (role !== "clerk") return { role, agencyIds: [], reviewAgencyIds: [] };
  return { role, agencyIds: user.agencies.map((a) => a.agencyId), reviewAgencyIds: user.agencies.filter((a) => a.canReview).map((a) => a.agencyId) };
}

/** The include that staffAccess reads, agencies in a stable order. */
export const STAFF_ACCESS_INCLUDE = { role: true, agencies: { orderBy: { agencyId: "asc" as const } } };

/** The actor for a signed-in user id, with role and agencies read fresh from the database. */
export async function loadActor(prisma: Pick<Prisma.TransactionClient, "user">, userId: string): Promise<Actor | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: STAFF_ACCESS_INCLUDE });
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, ...staffAccess(user) };
}

export function requireUser(actor: Actor | null): Actor {
  if (!actor) throw new ApiError("unauthorized", "sign in first");
  return actor;
}

export function requireRole(actor: Actor | null, ...roles: Role[]): Actor & { role: Role } {
  const user = requireUser(actor);
  if (!user.role || !roles.includes(user.role)) throw new ApiError("forbidden", "your role does not allow this");
  return user as Actor & { role: Role };
}

/** A clerk assigned to `agencyId`: the only one who may publish in that agency's name. */
export function requireAgencyClerk(actor: Actor | null, agencyId: string): Actor & { role: "clerk" } {
  const clerk = requireRole(actor, "clerk");
  if (!clerk.agencyIds.includes(agencyId)) throw new ApiError("forbidden", "you do not publish for this agency");
  return clerk as Actor & { role: "clerk" };
}

/**
 * A person who is a clerk of `agencyId` and may review its drafts. Never an API token: signing
 * off is a person's act. Whether this reviewer wrote the draft is the caller's check.
 */
export function requireAgencyReviewer(actor: Actor | null, agencyId: string): Actor & { role: "clerk" } {
  const clerk = requireAgencyClerk(actor, agencyId);
  if (clerk.via === "token" || !(clerk.reviewAgencyIds ?? []).includes(agencyId)) throw new ApiError("forbidden", "you do not review drafts for this agency");
  return clerk;
}
