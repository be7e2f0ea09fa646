import "server-only";
/**
 * The one rule for a disabled account: a user without a role (lib/server/admin/disable-user.ts removes
 * it; giving a role back re-enables them). A disabled user cannot sign in, holds no session
 * (the database refuses one, prisma/migrations/20261206100000_disabled_user_no_session), and
 * changes nothing about themselves.
 */
import { ApiError } from "@/lib/server/api/errors";
import type { Prisma, PrismaClient } from "@/lib/server/db/generated/client";
import { requireUser, type Actor } from "./authorize";

type Reader = Pick<PrismaClient, "$queryRaw"> | Prisma.TransactionClient;

/**
 * Whether the user may act; inside a transaction it also holds their role row (FOR SHARE) until
 * the transaction ends, so an administrator disabling them meanwhile waits for it.
 */
export async function accountEnabled(prisma: Reader, userId: string): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one FROM user_role WHERE user_id = ${userId} FOR SHARE`;
  return rows.length > 0;
}

/** A person signed in (not an agency token) whose account is enabled, as the actor was loaded. */
export function requireEnabledSession(actor: Actor | null): Actor {
  const user = requireUser(actor);
  if (user.via === "token") throw new ApiError("forbidden", "an agency token has no account to change");
  if (!user.role) throw new ApiError("forbidden", "this account is disabled");
  return user;
}
