import "server-only";
/**
 * Creates a clerk, administrator or auditor with an email-and-password account, hashed the
 * way better-auth verifies it. Self sign-up is off, so this is the only way accounts appear
 * (`npm run admin:create`, the demo seed, later the administrators' pages).
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { ApiError } from "@/lib/server/api/errors";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { describePasswordProblem, passwordProblem } from "./password-policy";
import type { Role } from "./authorize";
import type { RequestOrigin } from "./request-origin";

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  /** For a clerk: the agencies they publish for. */
  agencyIds?: string[];
  /** For a clerk: those of agencyIds whose drafts they may also review. */
  reviewAgencyIds?: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export async function createUser(
  prisma: PrismaClient,
  input: NewUser,
  actorUserId: string | null = null,
  origin: RequestOrigin = { ip: null, userAgent: null },
): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (!EMAIL.test(email) || email.length > 320) throw new ApiError("bad-request", "not an email address");
  if (!name || name.length > 200) throw new ApiError("bad-request", "a name of 1 to 200 characters is required");
  const problem = passwordProblem(input.password, email);
  if (problem) throw new ApiError("bad-request", describePasswordProblem(problem));
  const agencyIds = input.role === "clerk" ? [...new Set(input.agencyIds ?? [])] : [];
  const reviewAgencyIds = agencyIds.filter((id) => input.reviewAgencyIds?.includes(id));
  const hash = await hashPassword(input.password);
  const id = randomUUID();
  await prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email } })) throw new ApiError("conflict", "a user with this email exists");
    await tx.user.create({ data: { id, email, name } });
    // better-auth's credential account: accountId is the user id, providerId "credential".
    await tx.account.create({ data: { id: randomUUID(), userId: id, accountId: id, providerId: "credential", password: hash } });
    await tx.userRole.create({ data: { userId: id, role: input.role } });
    if (agencyIds.length) await tx.clerkAgency.createMany({ data: agencyIds.map((agencyId) => ({ userId: id, agencyId, canReview: reviewAgencyIds.includes(agencyId) })) });
    await recordAuditEvent(tx, { actorUserId, action: "user.create", subject: id, detail: { email, role: input.role, agencyIds, reviewAgencyIds }, ...origin });
  });
  return { id };
}
