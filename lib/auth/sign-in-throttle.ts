import "server-only";
/**
 * The sign-in throttle. It counts recent failed sign-ins in the audit trail, so it is stored
 * in PostgreSQL (shared by every app instance, survives restarts) and applies to the sign-in
 * form's server action as well as the HTTP endpoint — better-auth's own rate limiter sees only
 * HTTP requests. Per email it stops password guessing against one account; per address it
 * stops one machine spraying many accounts. The cost: someone who knows a clerk's email can
 * hold their sign-in off for the window; the clerk's sessions are unaffected.
 */
import type { PrismaClient } from "@/lib/db/generated/client";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export async function signInThrottled(
  prisma: Pick<PrismaClient, "auditEvent">,
  attempt: { email: string; ip: string | null },
  now = new Date(),
): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const byEmail = await prisma.auditEvent.count({ where: { action: "sign-in.failed", subject: attempt.email, at: { gte: since } } });
  if (byEmail >= MAX_FAILURES_PER_EMAIL) return true;
  if (!attempt.ip) return false;
  const byAddress = await prisma.auditEvent.count({ where: { action: "sign-in.failed", ip: attempt.ip, at: { gte: since } } });
  return byAddress >= MAX_FAILURES_PER_ADDRESS;
}
