import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { SearchHit, Snippet } from "@/lib/server/api/contract";
import { PortalTime } from "../portal-time";
import { CategoryValue } from "@/components/category-value";
import { LanguageTag } from "@/components/language-tag";

/** The snippet with its matches marked (<mark> is announced by screen readers as highlighted). */
function SnippetText({ snippet, lang }: { snippet: Snippet; lang: string | undefined }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  const ranges = [...snippet.highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ranges) {
    if (start < at) continue;
    parts.push(
      snippet.text.slice(at, start),
      <mark key={start} className="bg-yellow-200 text-stone-900">
        {snippet.text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return (
    <p className="mt-1 text-sm leading-relaxed text-stone-700" lang={lang}>
      {parts}
    </p>
  );
}

/** One notice in a result list: title, agency, number, status, dates, log position. */
export function SearchHitRow({ hit, href, label }: { hit: SearchHit; href?: string; label?: string }) {
  const t = useTranslations("search");
  const locale = useLocale();
  const lang = hit.language ?? undefined;
  return (
    <li className="p-4" data-testid="search-hit">
      {label && <p className="mb-1 text-sm font-semibold text-blue-900">{label}</p>}
      <Link href={href ?? `/n/${hit.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline" lang={lang}>
        {hit.title}
      </Link>
      <LanguageTag language={hit.language} />
      <p className="mt-1 flex flex-wrap gap-x-2 text-sm text-stone-700">
        <span>{locale === "en" ? hit.agency.nameEn : hit.agency.nameZh}</span>
        {hit.number && <span lang={lang}>· {hit.number}</span>}
        {hit.category && (
          <span>
            · <CategoryValue stored={hit.category} lang={lang} />
          </span>
        )}
        <span>
          · <span data-testid="hit-status">{t(`statusNames.${hit.status}`)}</span>
        </span>
        {hit.withheld && <span>· {t("withheld")}</span>}
        <span>
          · {t("updated")} <PortalTime value={hit.updatedAt} style="date" />
        </span>
        <span>· {hit.logIndex === null ? t("pending") : t("logIndex", { index: hit.logIndex })}</span>
      </p>
      {hit.snippet && <SnippetText snippet={hit.snippet} lang={lang} />}
    </li>
  );
}
