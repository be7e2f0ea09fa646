import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { NoticeTranslationLink } from "@/lib/server/translations/list-translations";

/** The two languages a notice's page is offered in; a translation in another is linked by its id. */
const PAGE_LOCALES = new Set(["zh-CN", "en"]);

/**
 * Links to a notice's translations, each worded in the translation's own language ("Also in
 * English", "另有中文版") so that a reader of that language finds it on a page they cannot read,
 * and opening the page in that language.
 */
export async function NoticeTranslations({ links }: { links: NoticeTranslationLink[] }) {
  if (links.length === 0) return null;
  const labels = await Promise.all(
    links.map(async (l) => (PAGE_LOCALES.has(l.language) ? (await getTranslations({ locale: l.language, namespace: "translations" }))("alsoIn") : l.id)),
  );
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="notice-translations">
      {links.map((l, i) => (
        <li key={l.id}>
          <Link
            href={`/n/${encodeURIComponent(l.id)}`}
            locale={PAGE_LOCALES.has(l.language) ? (l.language as "zh-CN" | "en") : undefined}
            lang={l.language}
            hrefLang={l.language}
            className="font-medium text-blue-800 underline"
          >
            {labels[i]}
          </Link>
        </li>
      ))}
    </ul>
  );
}
