/**
 * Every public page type, once. Each a11y spec runs over this list, so a new page type is a
 * one-line addition. `pending` marks a page built on another branch: its tests are reported
 * as "fixme" (not skipped silently) until the flag is removed after the merge.
 */
import type { BrowserContext } from "@playwright/test";

export const LOCALES = ["zh-CN", "en"] as const;

/** A seeded notice with several versions (lib/server/seed/demo-notices-planning.ts). */
export const NOTICE_ID = "HP-PLAN-2026-003";
export const AGENCY_ID = "hp-planning";

export interface PageType {
  name: string;
  /** Path after the locale prefix. */
  path: string;
  status?: number;
  pending?: string;
}

export const PAGE_TYPES: PageType[] = [
  { name: "home", path: "" },
  { name: "agencies index", path: "/agencies" },
  { name: "one agency", path: `/agencies/${AGENCY_ID}` },
  { name: "notice", path: `/n/${NOTICE_ID}` },
  { name: "notice version", path: `/n/${NOTICE_ID}/v/1` },
  { name: "notices list", path: "/notices" },
  { name: "notices search", path: `/notices?q=${encodeURIComponent("规划")}` },
  { name: "version diff", path: `/n/${NOTICE_ID}/diff` },
  { name: "log explorer", path: "/log" },
  { name: "log entry", path: "/log/entries/0" },
  { name: "log entries list", path: "/log/entries" },
  { name: "log entries since the start", path: "/log/entries?from=0" },
  { name: "log entries, bad range", path: "/log/entries?from=x" },
  { name: "about", path: "/about" },
  { name: "verify", path: "/verify" },
  { name: "accessibility statement", path: "/accessibility" },
  { name: "email alerts", path: `/alerts/subscribe?agency=${AGENCY_ID}` },
  { name: "404", path: "/no-such-page", status: 404 },
];

export const url = (locale: string, page: PageType) => `/${locale}${page.path}`;

export const READING_MODE_COOKIE = "reading-mode";

/** Reading mode as a returning visitor has it: the cookie is already set before the first request. */
export async function enableReadingMode(context: BrowserContext, baseURL: string): Promise<void> {
  await context.addCookies([{ name: READING_MODE_COOKIE, value: "on", url: baseURL }]);
}
