/**
 * What a service is called with besides its input: the database, who asks, where the request
 * came from and, for a service that can join one, the caller's transaction. One object instead
 * of positional optionals, so a call names what it passes and cannot pass it in the wrong slot.
 */
import type { Prisma, PrismaClient } from "@/lib/server/db/generated/client";
import type { Actor } from "@/lib/server/auth/authorize";
import type { RequestOrigin } from "@/lib/server/auth/request-origin";

export interface ServiceContext {
  db: PrismaClient;
  /** Null when nobody is signed in; the service refuses (401) or checks the role. */
  actor: Actor | null;
  /** The request's IP and user agent for the audit log; absent outside a request (scripts, tests). */
  origin?: RequestOrigin;
  /** The caller's transaction, to work in instead of opening one. */
  tx?: Prisma.TransactionClient;
}

/** The services that always open their own transaction. */
export type ActorContext = Omit<ServiceContext, "tx">;
