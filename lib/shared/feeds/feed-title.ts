/**
 * What a feed is called, in the feed's language: the filters it applies, then the site name,
 * so a reader's subscription list tells feeds apart ("海平市规划局 · 公示 Gongshi",
 * "Search: 土地 · Gongshi"). Pure: agency names are passed in.
 */
import { createTranslator } from "next-intl";
import zhCN from "@/messages/zh-CN/feeds.json";
import en from "@/messages/en/feeds.json";
import type { SearchParams } from "@/lib/shared/search/search-params";
import type { FeedLocale } from "../../server/feeds/feed";
import { slugLabel } from "@/lib/shared/categories/vocabulary";

const MESSAGES = { "zh-CN": zhCN, en } as const;

export function feedTranslator(locale: FeedLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "feeds" });
}

export function feedTitle(params: SearchParams, locale: FeedLocale, agencyNames: ReadonlyMap<string, string>): { title: string; description: string } {
  const t = feedTranslator(locale);
  const list = (values: readonly string[]) => values.join(locale === "en" ? ", " : "、");
  const parts: string[] = [];
  if (params.agency.length) parts.push(list(params.agency.map((id) => agencyNames.get(id) ?? id)));
  if (params.q) parts.push(t("query", { q: params.q }));
  if (params.category.length) parts.push(t("category", { category: list(params.category.map((slug) => slugLabel(slug, locale))) }));
  if (params.status.length) parts.push(t("status", { status: list(params.status.map((s) => t(`statusNames.${s}`))) }));
  if (params.language.length) parts.push(t("language", { language: list(params.language) }));
  if (params.from || params.to) parts.push(t("dates", { from: params.from ?? "…", to: params.to ?? "…" }));
  const subject = parts.length ? parts.join(" · ") : t("all");
  return { title: `${subject} · ${t("site")}`, description: t("description", { title: subject }) };
}
