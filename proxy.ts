/**
 * Locale negotiation for pages (Next 16's proxy, formerly middleware), and the public page
 * cache in front of the public pages (lib/server/page-cache/README.md). API routes, the C2SP log endpoints, a
 * mirror's C2SP add-checkpoint and static files are excluded: their URLs are a contract and never
 * localized.
 * Staff pages additionally get no-store and noindex headers; their authorization does not
 * depend on this file (every service checks it, see lib/server/auth/authorize.ts).
 * A mirror (docs/mirrors.md) has no staff pages at all: sign-in, drafts and the admin area
 * answer the visitor's 404 page, as any unknown page does. Its write APIs answer 404 through
 * lib/server/mirror/not-on-a-mirror.ts, and lib/server/auth/current-actor.ts signs nobody in there.
 */
import { NextResponse, type NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { isMirror } from "./lib/server/mirror/mirror-config";
import { answerPublicPage } from "./lib/server/page-cache/proxy-answer";

const intl = createMiddleware(routing);
const ADMIN_PATH = /^\/(?:[^/]+\/)?admin(?:\/|$)/;
/** Email alert pages (docs/alerts.md): per visitor (their links carry a token), never cached or indexed. */
const ALERTS_PATH = /^\/(?:[^/]+\/)?alerts(?:\/|$)/;

export default async function proxy(request: NextRequest) {
  const response = intl(request);
  if (ADMIN_PATH.test(request.nextUrl.pathname)) {
    if (isMirror() && !response.headers.has("location")) return mirrorNotFound(request);
    response.headers.set("Cache-Control", "no-store");
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    return response;
  }
  if (ALERTS_PATH.test(request.nextUrl.pathname)) {
    response.headers.set("Cache-Control", "no-store");
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    return response;
  }
  return answerPublicPage(request, response);
}

/**
 * The locale's 404 page, with its 404 status: a path no page claims, so the locale's catch-all
 * (app/[locale]/[...rest]/page.tsx) renders app/[locale]/not-found.tsx.
 */
function mirrorNotFound(request: NextRequest): NextResponse {
  const [, first] = request.nextUrl.pathname.split("/");
  const locale = routing.locales.find((l) => l === first) ?? routing.defaultLocale;
  const answer = NextResponse.rewrite(new URL(`/${locale}/_not-on-a-mirror`, request.url));
  answer.headers.set("Cache-Control", "no-store");
  answer.headers.set("X-Robots-Tag", "noindex, nofollow");
  return answer;
}

export const config = {
  // Whole first segments: a bare prefix (?!api|log…) also passed over /login, /logo, /apis…,
  // which then reached the [locale] pages with a locale that is none.
  matcher: "/((?!(?:api|log|add-checkpoint|_next|_vercel)(?:/|$)|.*\\..*).*)",
};
