import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { portalTimeZone } from "@/lib/server/portal-time-zone";
import { loadMessages } from "./messages";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  // A [locale] segment that is no locale (/a.b/notices: paths with a dot skip the locale proxy)
  // reached pages whose metadata asked for its messages, and each missing one logged a stack
  // trace: it is a page that does not exist. Without a locale at all (the global 404), the default.
  if (requested !== undefined && !hasLocale(routing.locales, requested)) notFound();
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: await loadMessages(locale),
    // PORTAL_TIME_ZONE; every page formats times through components/portal-time.tsx.
    timeZone: portalTimeZone(),
  };
});
