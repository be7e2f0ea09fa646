import "server-only";
/**
 * Which of better-auth's endpoints answer over HTTP (app/api/auth): sign-in, sign-out and the
 * session, nothing else. better-auth also serves endpoints such as /change-password,
 * /update-user, /set-password or /revoke-sessions; Gongshi changes passwords and names through
 * its own services (lib/server/auth/change-own-password.ts, lib/server/auth/rename-self.ts), which refuse a
 * disabled user and write the audit event in the same transaction. Reached directly, those
 * endpoints would do neither, so every path not listed here answers 404 as an unknown one.
 * Server code calling auth().api is unaffected.
 */
import type { BetterAuthPlugin } from "better-auth";
import { notFound } from "@/lib/server/api/errors";
import { errorResponse } from "@/lib/server/api/respond";

export const HTTP_ENDPOINTS: readonly string[] = ["/sign-in/email", "/sign-out", "/get-session", "/ok"];

export function onlyListedHttpEndpoints(basePath: string): BetterAuthPlugin {
  return {
    id: "gongshi-http-endpoints",
    async onRequest(request) {
      const pathname = new URL(request.url).pathname.replace(/\/+$/, "");
      const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
      if (HTTP_ENDPOINTS.includes(path)) return;
      return { response: errorResponse(notFound("no such endpoint")) };
    },
  };
}
