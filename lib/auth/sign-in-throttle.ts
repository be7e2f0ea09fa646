import "server-only";
/**
 * The sign-in throttle: it slows password guessing without letting a stranger lock staff out.
 * It counts failed sign-ins in the audit trail (PostgreSQL: shared by every app instance,
 * survives restarts, and covers the sign-in form's server action as well as the HTTP endpoint —
 * better-auth's own limiter sees only HTTP requests), by the database's clock.
 *
 * - Per client (its address, from lib/auth/request-origin.ts): after FREE_FAILURES failures in
 *   the window, each further attempt must wait twice as long as the one before (1 s, 2 s, 4 s …
 *   up to an hour). This binds only the client that failed: the right password from another
 *   address is not held back.
 * - Per account: once an account has ACCOUNT_LIMIT failures in the window (guessing spread over
 *   many addresses), only clients without failures of their own in the window may try it. The
 *   owner at a clean address still gets in; each guessing address gets one try per window.
 *
 * A failure is forgiven once the same address signs in to the same account (the person who
 * mistyped proved they knew the password), so colleagues behind one office address do not add
 * up their typos. Requests without a known address count as one client.
 */
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";

export const WINDOW_MS = 24 * 60 * 60 * 1000;
export const FREE_FAILURES = 3;
export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60 * 60 * 1000;
export const ACCOUNT_LIMIT = 10;

export interface SignInRefusal {
  /** backoff: this client failed too often lately; account-limit: the account is under attack. */
  reason: "backoff" | "account-limit";
  /** Whole seconds until this client may try again (at least 1). */
  retryAfterSeconds: number;
}

/** How long a client with `failures` recent failures waits after its last one. */
export function backoffMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(BACKOFF_BASE_MS * 2 ** (failures - FREE_FAILURES), BACKOFF_MAX_MS);
}

export interface FailureCounts {
  clientFailures: number;
  clientLastFailureAt: Date | null;
  accountFailures: number;
  now: Date;
}

/** The rule, on counts already read: null lets the attempt through. */
export function judgeSignIn(counts: FailureCounts): SignInRefusal | null {
  const { clientFailures, clientLastFailureAt: last, now } = counts;
  if (!last || clientFailures === 0) return null;
  const waitUntil = last.getTime() + backoffMs(clientFailures);
  if (waitUntil > now.getTime()) return { reason: "backoff", retryAfterSeconds: seconds(waitUntil - now.getTime()) };
  if (counts.accountFailures >= ACCOUNT_LIMIT) {
    return { reason: "account-limit", retryAfterSeconds: seconds(last.getTime() + WINDOW_MS - now.getTime()) };
  }
  return null;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** Reads the unforgiven failures of this client and this account in the window. */
export async function countSignInFailures(
  prisma: Pick<PrismaClient, "$queryRaw">,
  attempt: { email: string; ip: string | null },
  now?: Date,
): Promise<FailureCounts> {
  const at = now ?? null;
  const sameClient = attempt.ip === null ? Prisma.sql`f.ip IS NULL` : Prisma.sql`f.ip = ${attempt.ip}`;
  const [row] = await prisma.$queryRaw<{ client_failures: number; client_last: Date | null; account_failures: number; now: Date }[]>`
    WITH clock AS (SELECT COALESCE(${at}::timestamptz, now()) AS now),
    failure AS (
      SELECT f.at, f.subject, (${sameClient}) AS same_client
      FROM audit_event f, clock
      WHERE f.action = 'sign-in.failed'
        AND f.at > clock.now - ${WINDOW_MS} * interval '1 millisecond' AND f.at <= clock.now
        AND (${sameClient} OR f.subject = ${attempt.email})
        AND NOT EXISTS (
          SELECT 1 FROM audit_event s
          WHERE s.action = 'sign-in' AND s.subject = f.subject AND s.ip IS NOT DISTINCT FROM f.ip
            AND s.at > f.at AND s.at <= clock.now
        )
    )
    SELECT
      (count(*) FILTER (WHERE same_client))::int AS client_failures,
      max(at) FILTER (WHERE same_client) AS client_last,
      (count(*) FILTER (WHERE subject = ${attempt.email}))::int AS account_failures,
      (SELECT now FROM clock) AS now
    FROM failure`;
  return { clientFailures: row!.client_failures, clientLastFailureAt: row!.client_last, accountFailures: row!.account_failures, now: row!.now };
}

/** Whether this attempt must wait, and how long. */
export async function signInRefusal(
  prisma: Pick<PrismaClient, "$queryRaw">,
  attempt: { email: string; ip: string | null },
  now?: Date,
): Promise<SignInRefusal | null> {
  return judgeSignIn(await countSignInFailures(prisma, attempt, now));
}
