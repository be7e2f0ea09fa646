/** The absolute links in alert mail, from the mailer's base URL (lib/server/alerts/mailer.ts). */
import { toSearchParams } from "@/lib/shared/search/search-params";
import type { AlertLinks, AlertLocale } from "./alert-mails";
import { filterSearchParams, type AlertFilter } from "../../shared/alerts/subscription-filter";

export function confirmUrl(base: string, locale: AlertLocale, token: string): string {
  return `${base}/${locale}/alerts/confirm/${token}`;
}

export function alertLinks(base: string, locale: AlertLocale, unsubscribeToken: string): AlertLinks {
  return {
    site: base,
    unsubscribeUrl: `${base}/${locale}/alerts/unsubscribe/${unsubscribeToken}`,
    oneClickUrl: `${base}/api/alerts/unsubscribe/${unsubscribeToken}`,
  };
}

export function noticeUrl(base: string, locale: AlertLocale, noticeId: string): string {
  return `${base}/${locale}/n/${encodeURIComponent(noticeId)}`;
}

export function searchUrl(base: string, locale: AlertLocale, filter: AlertFilter): string {
  const query = toSearchParams(filterSearchParams(filter)).toString();
  return `${base}/${locale}/notices${query ? `?${query}` : ""}`;
}
