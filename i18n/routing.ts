/**
 * Locales and URLs: every page lives under its language, /zh-CN/… or /en/…, so each page has
 * exactly one URL per language. A link without one (/, /n/ABC — the short permalinks) is
 * redirected to the visitor's language: the cookie of their last choice, else Accept-Language,
 * else Chinese. ("as-needed" prefixes were tried: with Next 16's proxy they redirect / to itself.)
 */
import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["zh-CN", "en"],
  defaultLocale: "zh-CN",
  localePrefix: "always",
});

export type Locale = (typeof routing.locales)[number];
