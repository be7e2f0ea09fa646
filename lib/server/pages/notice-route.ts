import "server-only";
/**
 * What the notice routes share: one read of the notice per request (metadata and page both
 * ask), strict parsing of version numbers from the URL, the site's origin for absolute
 * links, and the metadata a shared link shows.
 */
import { cache } from "react";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { readDb } from "@/lib/server/db/read-db";
import { orNotFound } from "./or-not-found";
import { getNotice, type NoticeDto, type NoticeVersionDto } from "@/lib/server/notices/get-notice";
import { getSignOff } from "@/lib/server/notices/get-sign-off";
import { listTranslations, type NoticeTranslationLink } from "@/lib/server/translations/list-translations";
import { effectiveValue, noticeTitle } from "@/lib/shared/notices/effective-fields";
import { routing } from "@/i18n/routing";
import { publicOrigin } from "@/lib/server/api/public-origin";

export const loadNotice = cache(async (id: string): Promise<NoticeDto> => orNotFound(getNotice(await readDb(), id)));

/** What a notice's page shows besides the notice: links to its translations and who signed the version off. */
export async function loadPageExtras(noticeId: string, version: number): Promise<{ translations: NoticeTranslationLink[]; signOff: string | null }> {
  const prisma = await readDb();
  const [translations, signOff] = await Promise.all([listTranslations(prisma, noticeId), getSignOff(prisma, noticeId, version)]);
  return { translations, signOff };
}

/**
 * The version a URL names. Only canonical positive integers ("2", not "02", "2.0", "+2"),
 * so every version has one URL; anything else, or a version the notice lacks, is a 404.
 */
export function versionOf(notice: NoticeDto, raw: string | undefined): NoticeVersionDto {
  if (raw === undefined || !/^[1-9][0-9]{0,5}$/.test(raw)) notFound();
  return notice.versions.find((v) => v.version === Number(raw)) ?? notFound();
}

/** The origin visitors reach us at (PUBLIC_URL, else the checked request host). */
export async function siteOrigin(): Promise<string> {
  return publicOrigin(await headers(), "http://localhost");
}

export const agencyName = (notice: NoticeDto, locale: string) => (locale === "en" ? notice.agency.nameEn : notice.agency.nameZh);

/** The title a version shows (lib/shared/notices/effective-fields.ts): never a withheld one, else the notice id. */
export function titleOf(notice: NoticeDto, version: NoticeVersionDto): string {
  return noticeTitle(notice, version.version);
}

const OG_LOCALE: Record<string, string> = { "zh-CN": "zh_CN", en: "en_US" };

/** `path` is the page's path after the locale, e.g. "/n/ABC" or "/n/ABC/v/2". */
export async function noticeMetadata(notice: NoticeDto, version: NoticeVersionDto, locale: string, path: string): Promise<Metadata> {
  const origin = await siteOrigin();
  const title = titleOf(notice, version);
  const number = effectiveValue(notice.versions, version.version, "number");
  const description = [agencyName(notice, locale), number].filter(Boolean).join(" · ");
  const url = `${origin}/${locale}${path}`;
  return {
    title,
    description,
    alternates: {
      canonical: url,
      languages: Object.fromEntries(routing.locales.map((l) => [l, `${origin}/${l}${path}`])),
    },
    openGraph: {
      title,
      description,
      type: "article",
      url,
      locale: OG_LOCALE[locale] ?? locale,
      publishedTime: notice.versions[0]?.createdAt,
      modifiedTime: version.createdAt,
    },
  };
}
