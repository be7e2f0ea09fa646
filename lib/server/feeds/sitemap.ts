import "server-only";
/**
 * The portal's sitemap, split into files of at most MAX_SITEMAP_URLS: "pages" (the fixed pages
 * and every agency) and "notices-<n>" (notices in id order, each in both languages). The list
 * of files is computed per request from the notice count, so it grows with the portal; Next's
 * generateSitemaps would fix it at build time, and would need the database during the build.
 */
import type { PrismaClient } from "@/lib/server/db/generated/client";
import { routing } from "@/i18n/routing";
import { notFound } from "@/lib/server/api/errors";
import { localizedEntries, MAX_SITEMAP_URLS, type SitemapEntry } from "./sitemap-xml";

const NOTICES_PER_FILE = Math.floor(MAX_SITEMAP_URLS / routing.locales.length);
const PAGES = ["", "/notices", "/agencies", "/log", "/about", "/accessibility"];

export async function sitemapFiles(prisma: PrismaClient): Promise<string[]> {
  const notices = await prisma.notice.count();
  return ["pages", ...Array.from({ length: Math.ceil(notices / NOTICES_PER_FILE) }, (_, n) => `notices-${n}`)];
}

/** The entries of one file, by name (as sitemapFiles lists them); not-found for any other name. */
export async function sitemapEntries(prisma: PrismaClient, origin: string, file: string): Promise<SitemapEntry[]> {
  const locales = routing.locales;
  if (file === "pages") {
    const agencies = await prisma.agency.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    return [
      ...PAGES.flatMap((path) => localizedEntries(origin, locales, path)),
      ...agencies.flatMap((a) => localizedEntries(origin, locales, `/agencies/${encodeURIComponent(a.id)}`)),
    ];
  }
  const match = /^notices-(0|[1-9][0-9]{0,5})$/.exec(file);
  if (!match) throw notFound(`no sitemap ${file.slice(0, 40)}`);
  const rows = await prisma.$queryRawUnsafe<{ id: string; updated_at: Date | null }[]>(
    `SELECT n.id, s.updated_at FROM notice n LEFT JOIN notice_search s ON s.notice_id = n.id
     ORDER BY n.id OFFSET $1 LIMIT $2`,
    Number(match[1]) * NOTICES_PER_FILE,
    NOTICES_PER_FILE,
  );
  if (rows.length === 0) throw notFound(`no sitemap ${file}`);
  return rows.flatMap((row) => localizedEntries(origin, locales, `/n/${encodeURIComponent(row.id)}`, row.updated_at ?? undefined));
}
