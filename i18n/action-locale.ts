/**
 * The `locale` a server action is bound to comes back from the browser with every call, so it
 * is whatever the client sends: a tampered one reached redirect() as a path prefix
 * (locale "/evil.example" redirected to //evil.example/admin) and the message loader as a file
 * name. Actions take it through this: a known locale, else the default one.
 */
import { hasLocale } from "next-intl";
import { routing, type Locale } from "./routing";

export function actionLocale(value: unknown): Locale {
  return typeof value === "string" && hasLocale(routing.locales, value) ? value : routing.defaultLocale;
}
