import "server-only";
/**
 * better-auth for clerks and administrators: email and password only, sessions in PostgreSQL
 * (through the Prisma adapter), no self sign-up (administrators create accounts, see
 * lib/server/auth/create-user.ts), secure cookies in production, the sign-in throttle, the refusal of
 * disabled users and the audit trail wired in as hooks so they apply however sign-in is reached.
 * Over HTTP only sign-in, sign-out and the session answer (lib/server/auth/http-endpoints.ts).
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { db } from "@/lib/server/db/client";
import { authSecret, env } from "@/lib/server/env";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
import { CLIENT_ADDRESS_HEADER, requestOrigin } from "./request-origin";
import { accountEnabled } from "./account-enabled";
import { onlyListedHttpEndpoints } from "./http-endpoints";
import { SIGN_IN_CODES } from "./sign-in-codes";
import { signInRefusal } from "./sign-in-throttle";

export interface AuthOptions {
  secret: string;
  /** The public origin; without it better-auth takes it from each request. */
  baseURL?: string;
  production: boolean;
}

const SESSION_DAYS = 7;
const BASE_PATH = "/api/auth";

export function createAuth(prisma: PrismaClient, options: AuthOptions) {
  return betterAuth({
    appName: "Gongshi",
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: BASE_PATH,
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // better-auth's limiter guards the HTTP endpoints (in memory, per instance); the
    // database-backed sign-in throttle below is the one that also covers server actions.
    rateLimit: { enabled: true, window: 60, max: 100, customRules: { "/sign-in/email": { window: 60, max: 10 } } },
    // Its limiter keys on the address server.mjs decided (lib/server/auth/request-origin.ts), never on
    // X-Forwarded-For, which any client can write.
    advanced: { useSecureCookies: options.production, cookiePrefix: "gongshi", ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const origin = requestOrigin(ctx.headers);
        if (ctx.path === "/sign-in/email") {
          const email = normalizeEmail(ctx.body?.email);
          const refusal = await signInRefusal(prisma, { email, ip: origin.ip });
          if (refusal) {
            await recordAuditEvent(prisma, { actorUserId: null, action: "sign-in.throttled", subject: email, detail: { ...refusal }, ...origin });
            const code = refusal.reason === "backoff" ? SIGN_IN_CODES.backoff : SIGN_IN_CODES.accountLimit;
            const message =
              refusal.reason === "backoff"
                ? `Too many failed sign-ins from this address; try again in ${refusal.retryAfterSeconds} s`
                : `Too many failed sign-ins to this account; only an address without recent failures may try it now, or try again in ${refusal.retryAfterSeconds} s`;
            throw new APIError("TOO_MANY_REQUESTS", { code, message, retryAfterSeconds: refusal.retryAfterSeconds }, { "Retry-After": String(refusal.retryAfterSeconds) });
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const origin = requestOrigin(ctx.headers);
        const email = normalizeEmail(ctx.body?.email);
        const session = ctx.context.newSession;
        const returned = ctx.context.returned;
        if (session) {
          await recordAuditEvent(prisma, { actorUserId: session.user.id, action: "sign-in", subject: email, ...origin });
        } else if (returned instanceof APIError && returned.body?.code === SIGN_IN_CODES.disabled) {
          // The right password of a disabled account: not a guess, so not counted as a failure.
          await recordAuditEvent(prisma, { actorUserId: null, action: "sign-in.disabled", subject: email, ...origin });
        } else if (returned instanceof APIError && returned.statusCode !== 429) {
          const reason = returned.body?.code ?? returned.status;
          await recordAuditEvent(prisma, { actorUserId: null, action: "sign-in.failed", subject: email, detail: { reason: String(reason) }, ...origin });
        }
      }),
    },
    // better-auth never changes a user or a password here: Gongshi's own services do, audited
    // in the same transaction (lib/server/auth/http-endpoints.ts). Should one of its endpoints be
    // reached anyway (a server-side call), these refuse the write.
    databaseHooks: {
      user: { update: { before: async () => refuseSelfService() } },
      account: { update: { before: async () => refuseSelfService() } },
      session: {
        create: {
          // Every way to a new session (sign-in by form or HTTP) passes here, after the password
          // was checked: only then does the answer say the account is disabled.
          before: async (session) => {
            if (!(await accountEnabled(prisma, session.userId))) {
              throw new APIError("FORBIDDEN", { code: SIGN_IN_CODES.disabled, message: "This account is disabled; ask an administrator" });
            }
          },
        },
      },
    },
    // Last, as better-auth requires: lets server actions set the session cookie.
    plugins: [onlyListedHttpEndpoints(BASE_PATH), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

function refuseSelfService(): never {
  throw new APIError("FORBIDDEN", { code: "USE_ACCOUNT_PAGE", message: "Change your name or password on Gongshi's account page" });
}

function normalizeEmail(value: unknown): string {
  return String(value ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 320);
}

const globalForAuth = globalThis as unknown as { gongshiAuth?: Auth };

/** The process-wide instance, on the process-wide Prisma client. */
export function auth(): Auth {
  globalForAuth.gongshiAuth ??= createAuth(db(), {
    secret: authSecret(),
    baseURL: env().PUBLIC_URL,
    production: env().NODE_ENV === "production",
  });
  return globalForAuth.gongshiAuth;
}
