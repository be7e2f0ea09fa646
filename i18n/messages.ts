/**
 * UI strings live in one file per area (messages/<locale>/<area>.json, each holding whole
 * namespaces), so that work on one area never edits another's file. test/i18n checks that
 * every area has the same keys in both languages.
 */
export const MESSAGE_AREAS = [
  "core",
  "home",
  "notice",
  "agencies",
  "search",
  "log",
  "about",
  "a11y",
  "feeds",
  "verify",
  "admin",
  "revise",
  "editor",
  "mirror",
  "load",
  "log-list",
  "journalists",
  "translations",
  "alerts",
  "work",
  "review",
] as const;

/**
 * Merged once per locale in production (about 2 ms a request otherwise: every page asks);
 * in development each request merges again, so an edited file shows at once. Callers never
 * modify the catalogue.
 */
const merged = new Map<string, Promise<Record<string, unknown>>>();

export function loadMessages(locale: string): Promise<Record<string, unknown>> {
  if (process.env.NODE_ENV !== "production") return mergeMessages(locale);
  let found = merged.get(locale);
  if (!found) {
    found = mergeMessages(locale);
    merged.set(locale, found);
    found.catch(() => merged.delete(locale));
  }
  return found;
}

async function mergeMessages(locale: string): Promise<Record<string, unknown>> {
  const parts = await Promise.all(MESSAGE_AREAS.map((area) => import(`../messages/${locale}/${area}.json`)));
  return Object.assign({}, ...parts.map((p) => p.default as Record<string, unknown>));
}
