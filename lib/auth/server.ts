import "server-only";
/**
 * better-auth for clerks and administrators: email and password only, sessions in PostgreSQL
 * (through the Prisma adapter), no self sign-up (administrators create accounts, see
 * lib/auth/create-user.ts), secure cookies in production, the sign-in throttle and the audit
 * trail wired in as hooks so they apply however sign-in is reached.
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import type { PrismaClient } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { authSecret, env } from "@/lib/env";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describePasswordProblem, passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";
import { CLIENT_ADDRESS_HEADER, requestOrigin } from "./request-origin";
import { signInThrottled } from "./sign-in-throttle";

export interface AuthOptions {
  secret: string;
  /** The public origin; without it better-auth takes it from each request. */
  baseURL?: string;
  production: boolean;
}

const SESSION_DAYS = 7;

export function createAuth(prisma: PrismaClient, options: AuthOptions) {
  return betterAuth({
    appName: "Gongshi",
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: "/api/auth",
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
    // Its limiter keys on the address server.mjs decided (lib/auth/request-origin.ts), never on
    // X-Forwarded-For, which any client can write.
    advanced: { useSecureCookies: options.production, cookiePrefix: "gongshi", ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const origin = requestOrigin(ctx.headers);
        if (ctx.path === "/sign-in/email") {
          const email = normalizeEmail(ctx.body?.email);
          if (await signInThrottled(prisma, { email, ip: origin.ip })) {
            await recordAuditEvent(prisma, { actorUserId: null, action: "sign-in.throttled", subject: email, ...origin });
            throw new APIError("TOO_MANY_REQUESTS", { message: "Too many failed sign-ins; try again later" });
          }
        }
        if (ctx.path === "/change-password" || ctx.path === "/set-password") {
          const session = await getSessionFromCtx(ctx);
          const problem = session ? passwordProblem(String(ctx.body?.newPassword ?? ""), session.user.email) : null;
          if (problem) throw new APIError("BAD_REQUEST", { message: describePasswordProblem(problem) });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const origin = requestOrigin(ctx.headers);
        const email = normalizeEmail(ctx.body?.email);
        const session = ctx.context.newSession;
        if (session) {
          await recordAuditEvent(prisma, { actorUserId: session.user.id, action: "sign-in", subject: email, ...origin });
        } else if (ctx.context.returned instanceof APIError && ctx.context.returned.statusCode !== 429) {
          const reason = ctx.context.returned.body?.code ?? ctx.context.returned.status;
          await recordAuditEvent(prisma, { actorUserId: null, action: "sign-in.failed", subject: email, detail: { reason: String(reason) }, ...origin });
        }
      }),
    },
    // Last, as better-auth requires: lets server actions set the session cookie.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

function normalizeEmail(value: unknown): string {
  return String(value ?? "").trim().toLowerCase().slice(0, 320);
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
