/**
 * Locale negotiation for pages (Next 16's proxy, formerly middleware). API routes, the C2SP
 * log endpoints and static files are excluded: their URLs are a contract and never localized.
 * Staff pages additionally get no-store and noindex headers; their authorization does not
 * depend on this file (every service checks it, see lib/auth/authorize.ts).
 */
import type { NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

const intl = createMiddleware(routing);
const ADMIN_PATH = /^\/(?:[^/]+\/)?admin(?:\/|$)/;

export default function proxy(request: NextRequest) {
  const response = intl(request);
  if (ADMIN_PATH.test(request.nextUrl.pathname)) {
    response.headers.set("Cache-Control", "no-store");
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
  }
  return response;
}

export const config = {
  matcher: "/((?!api|log|_next|_vercel|.*\\..*).*)",
};
