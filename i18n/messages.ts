/**
 * UI strings live in one file per area (messages/<locale>/<area>.json, each holding whole
 * namespaces), so that work on one area never edits another's file. test/i18n checks that
 * every area has the same keys in both languages.
 */
export const MESSAGE_AREAS = ["core", "home", "notice", "agencies", "search", "log", "about", "a11y", "feeds", "verify", "admin", "revise", "editor", "mirror", "load", "log-list", "journalists", "translations", "alerts", "work", "review"] as const;

export async function loadMessages(locale: string): Promise<Record<string, unknown>> {
  const parts = await Promise.all(MESSAGE_AREAS.map((area) => import(`../messages/${locale}/${area}.json`)));
  return Object.assign({}, ...parts.map((p) => p.default as Record<string, unknown>));
}
