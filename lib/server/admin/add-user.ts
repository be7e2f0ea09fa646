import "server-only";
/**
 * An administrator creates a staff account (self sign-up is off). The account itself is made
 * by lib/server/auth/create-user.ts, which hashes the password and records `user.create`.
 */
import { ApiError } from "@/lib/server/api/errors";
import { requireRole } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { userCreateInput } from "./admin-inputs";
import { FieldError, parseInput } from "./field-error";
import { requireAgenciesExist } from "./require-agencies-exist";
import type { ActorContext } from "@/lib/server/service-context";

export async function addUser({ db: prisma, actor, origin }: ActorContext, input: unknown): Promise<{ id: string }> {
  const admin = requireRole(actor, "administrator");
  const user = parseInput(userCreateInput, input);
  const agencyIds = user.role === "clerk" ? user.agencyIds : [];
  await requireAgenciesExist(prisma, agencyIds);
  if (await prisma.user.findUnique({ where: { email: user.email }, select: { id: true } })) throw new FieldError("conflict", "email", "emailTaken");
  try {
    return await createUser(prisma, { ...user, agencyIds }, admin.id, origin);
  } catch (error) {
    // Two administrators creating the same address at once: the second loses here.
    if (error instanceof ApiError && error.code === "conflict") throw new FieldError("conflict", "email", "emailTaken");
    throw error;
  }
}
