import "server-only";
/**
 * The sign-in throttle: it slows password guessing without letting a stranger lock staff out.
 * It counts failed sign-ins of the last WINDOW_MS in the audit trail (PostgreSQL: shared by every
 * app instance, survives restarts, and covers the sign-in form's server action as well as the
 * HTTP endpoint — better-auth's own limiter sees only HTTP requests), by the database's clock.
 *
 * - Back-off per client (its address, from lib/server/auth/request-origin.ts): after FREE_PER_ACCOUNT
 *   failures at one account, the address waits twice as long before each further try at it
 *   (1 s, 2 s, 4 s … up to an hour); after FREE_PER_CLIENT failures at any accounts (spraying),
 *   likewise for every account. Only that address waits: the right password from another
 *   address is not held back.
 * - Limit per account: once an account has ACCOUNT_LIMIT failures (guessing spread over many
 *   addresses), only addresses without failures of their own at it may try it. The owner at a
 *   clean address still gets in; each guessing address gets one try per window.
 *
 * A failure is forgiven once the same address signs in to the same account (the person who
 * mistyped proved they knew the password). Failures at other accounts count only towards the
 * much larger spraying allowance, so colleagues behind one office address do not hold each other
 * back with their typos. Requests without a known address count as one client.
 */
import { Prisma, type PrismaClient } from "@/lib/server/db/generated/client";

export const WINDOW_MS = 24 * 60 * 60 * 1000;
export const FREE_PER_ACCOUNT = 3;
export const FREE_PER_CLIENT = 20;
export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60 * 60 * 1000;
export const ACCOUNT_LIMIT = 10;

export interface SignInRefusal {
  /** backoff: this address failed too often lately; account-limit: the account is under attack. */
  reason: "backoff" | "account-limit";
  /** Whole seconds until this address may try again (at least 1). */
  retryAfterSeconds: number;
}

/** How long an address with `failures` recent failures waits after its last one, `free` being free. */
export function backoffMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(BACKOFF_BASE_MS * 2 ** (failures - free), BACKOFF_MAX_MS);
}

interface Failures {
  count: number;
  last: Date | null;
}

export interface FailureCounts {
  /** This address at this account. */
  pair: Failures;
  /** This address at any account. */
  client: Failures;
  /** This account from any address. */
  account: number;
  now: Date;
}

/** The rule, on counts already read: null lets the attempt through. */
export function judgeSignIn(counts: FailureCounts): SignInRefusal | null {
  const now = counts.now.getTime();
  const until = (f: Failures, free: number) => (f.last ? f.last.getTime() + backoffMs(f.count, free) : 0);
  const waitUntil = Math.max(until(counts.pair, FREE_PER_ACCOUNT), until(counts.client, FREE_PER_CLIENT));
  if (waitUntil > now) return { reason: "backoff", retryAfterSeconds: seconds(waitUntil - now) };
  if (counts.account >= ACCOUNT_LIMIT && counts.pair.count > 0 && counts.pair.last) {
    return { reason: "account-limit", retryAfterSeconds: seconds(counts.pair.last.getTime() + WINDOW_MS - now) };
  }
  return null;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** Reads the unforgiven failures of this address and this account in the window. */
export async function countSignInFailures(prisma: Pick<PrismaClient, "$queryRaw">, attempt: { email: string; ip: string | null }, now?: Date): Promise<FailureCounts> {
  const at = now ?? null;
  const sameClient = attempt.ip === null ? Prisma.sql`f.ip IS NULL` : Prisma.sql`f.ip = ${attempt.ip}`;
  const [row] = await prisma.$queryRaw<{ pair_count: number; pair_last: Date | null; client_count: number; client_last: Date | null; account_count: number; now: Date }[]>`
    WITH clock AS (SELECT COALESCE(${at}::timestamptz, now()) AS now),
    failure AS (
      SELECT f.at, f.subject = ${attempt.email} AS same_account, (${sameClient}) AS same_client
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
      (count(*) FILTER (WHERE same_client AND same_account))::int AS pair_count,
      max(at) FILTER (WHERE same_client AND same_account) AS pair_last,
      (count(*) FILTER (WHERE same_client))::int AS client_count,
      max(at) FILTER (WHERE same_client) AS client_last,
      (count(*) FILTER (WHERE same_account))::int AS account_count,
      (SELECT now FROM clock) AS now
    FROM failure`;
  const r = row!;
  return { pair: { count: r.pair_count, last: r.pair_last }, client: { count: r.client_count, last: r.client_last }, account: r.account_count, now: r.now };
}

/** Whether this attempt must wait, and how long. */
export async function signInRefusal(prisma: Pick<PrismaClient, "$queryRaw">, attempt: { email: string; ip: string | null }, now?: Date): Promise<SignInRefusal | null> {
  return judgeSignIn(await countSignInFailures(prisma, attempt, now));
}
