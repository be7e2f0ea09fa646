/**
 * The text of alert mail, in the subscriber's language (messages/<locale>/alerts.json): the
 * confirmation and the digest. Plain text only: it reads the same in every client, and carries
 * nothing to track or block. Pure: the caller supplies names, links and entries.
 */
// The framework-free translator: this runs in scripts (npm run alerts:send) as well as in the server.
import { createTranslator } from "use-intl/core";
import en from "@/messages/en/alerts.json";
import zh from "@/messages/zh-CN/alerts.json";
import { slugLabel } from "@/lib/shared/categories/vocabulary";
import type { AgencyNames } from "@/lib/server/agencies/agency-names";
import type { MailMessage } from "./mailer";
import type { AlertFilter } from "../../shared/alerts/subscription-filter";

export type AlertLocale = "zh-CN" | "en";

export function isAlertLocale(value: unknown): value is AlertLocale {
  return value === "zh-CN" || value === "en";
}

function translator(locale: AlertLocale) {
  return createTranslator({ locale, messages: locale === "en" ? en : zh, namespace: "alerts" });
}

/** What a subscription is about, in a line: “search "土地" · agency: 海平市规划局”. */
export function describeFilter(filter: AlertFilter, locale: AlertLocale, agencies: AgencyNames): string {
  const t = translator(locale);
  const sep = locale === "en" ? ", " : "、";
  const parts: string[] = [];
  if (filter.q) parts.push(t("what.query", { q: filter.q }));
  if (filter.agency.length) {
    const names = filter.agency.map((id) => {
      const a = agencies.get(id);
      return a ? (locale === "en" ? a.nameEn : a.nameZh) : id;
    });
    parts.push(t("what.agency", { names: names.join(sep) }));
  }
  if (filter.category.length) parts.push(t("what.category", { names: filter.category.map((slug) => slugLabel(slug, locale)).join(sep) }));
  if (filter.status.length) parts.push(t("what.status", { names: filter.status.map((s) => t(`statusNames.${s}`)).join(sep) }));
  if (filter.language.length) {
    const names = filter.language.map((l) => (l === "en" || l === "zh-CN" ? t(`languageNames.${l}`) : l));
    parts.push(t("what.language", { names: names.join(sep) }));
  }
  // A subject line holds it: no control character typed into a search may break a header.
  return (parts.length ? parts.join(" · ") : t("what.all")).replace(/\p{Cc}+/gu, " ");
}

/** RFC 8058 one-click unsubscribe: a POST to the URL ends the subscription without a page. */
function unsubscribeHeaders(oneClickUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export interface AlertLinks {
  /** The portal's origin, shown as the site's name. */
  site: string;
  /** The unsubscribe page (GET shows a button: mail scanners follow links). */
  unsubscribeUrl: string;
  /** The one-click URL for List-Unsubscribe (POST unsubscribes). */
  oneClickUrl: string;
}

export function confirmationMail(input: { to: string; locale: AlertLocale; what: string; confirmUrl: string; links: AlertLinks }): MailMessage {
  const t = translator(input.locale);
  return {
    to: input.to,
    subject: t("mail.confirmSubject", { what: input.what }),
    text: t("mail.confirmBody", { site: input.links.site, what: input.what, confirmUrl: input.confirmUrl, unsubscribeUrl: input.links.unsubscribeUrl }) + "\n",
    headers: unsubscribeHeaders(input.links.oneClickUrl),
  };
}

export type VersionKind = "publish" | "amend" | "correct" | "retract";

export interface DigestEntry {
  logIndex: bigint;
  noticeId: string;
  version: number;
  kind: VersionKind;
  title: string;
  agencyName: string;
  /** The notice's page in the subscriber's language. */
  url: string;
}

/** Most entries listed in one digest; the rest are a link to the search. */
export const DIGEST_MAX_ENTRIES = 50;

export function digestMail(input: {
  to: string;
  locale: AlertLocale;
  what: string;
  entries: readonly DigestEntry[];
  /** How many matched in all (more than entries when the list was cut). */
  total: number;
  searchUrl: string;
  links: AlertLinks;
  messageId: string;
}): MailMessage {
  const t = translator(input.locale);
  const lines = [t("mail.digestIntro", { site: input.links.site, what: input.what }), ""];
  for (const e of input.entries) {
    lines.push(`[${t(`kinds.${e.kind}`)}] ${e.title}`, `  ${e.agencyName} · ${e.url}`, "");
  }
  const more = input.total - input.entries.length;
  lines.push(more > 0 ? t("mail.digestMore", { count: more, searchUrl: input.searchUrl }) : t("mail.digestAll", { searchUrl: input.searchUrl }));
  lines.push("", "-- ", t("mail.footer", { unsubscribeUrl: input.links.unsubscribeUrl }));
  return {
    to: input.to,
    subject: t("mail.digestSubject", { count: input.total, what: input.what }),
    text: lines.join("\n") + "\n",
    headers: unsubscribeHeaders(input.links.oneClickUrl),
    messageId: input.messageId,
  };
}
