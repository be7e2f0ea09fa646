/**
 * Locale negotiation for pages (Next 16's proxy, formerly middleware). API routes, the C2SP
 * log endpoints and static files are excluded: their URLs are a contract and never localized.
 */
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

export default createMiddleware(routing);

export const config = {
  matcher: "/((?!api|log|_next|_vercel|.*\\..*).*)",
};
