import { useLocale, useTranslations } from "next-intl";
import type { SearchResult } from "@/lib/server/api/contract";
import { PAGE_SIZES, type SearchParams } from "@/lib/shared/search/search-params";
import { slugLabel } from "@/lib/shared/categories/vocabulary";

type Option = { value: string; label: string; count: number };

/** A notice language's name in the UI language; tags the UI has no name for show as they are. */
export function languageLabel(t: (key: "languageNames.zh-CN" | "languageNames.en") => string, tag: string): string {
  return tag === "zh-CN" || tag === "en" ? t(`languageNames.${tag}`) : tag;
}

/**
 * Filters as one GET form of checkboxes with counts, dates, sort and page size: no script
 * needed, and the resulting URL is the state. Counts are disjunctive (lib/server/search): each group
 * counts as if its own choice were not made, so choosing one agency still shows the others.
 */
export function FacetFilters({ params, facets, action }: { params: SearchParams; facets: SearchResult["facets"]; action: string }) {
  const t = useTranslations("search");
  const locale = useLocale();
  const groups: { name: "agency" | "category" | "status" | "language"; legend: string; options: Option[] }[] = [
    { name: "agency", legend: t("agency"), options: facets.agency.map((a) => ({ value: a.id, label: locale === "en" ? a.nameEn : a.nameZh, count: a.count })) },
    { name: "category", legend: t("category"), options: facets.category.map((c) => ({ ...c, label: slugLabel(c.value, locale) })) },
    {
      name: "status",
      legend: t("status"),
      options: facets.status.map((s) => ({ ...s, label: t(`statusNames.${s.value}`) })),
    },
    {
      name: "language",
      legend: t("language"),
      options: facets.language.map((l) => ({ ...l, label: languageLabel(t, l.value) })),
    },
  ];
  return (
    <form action={action} method="get" aria-label={t("filters")} className="space-y-5">
      {params.q && <input type="hidden" name="q" value={params.q} />}
      {groups.map(
        (group) =>
          group.options.length > 0 && (
            <fieldset key={group.name} className="space-y-1">
              <legend className="mb-1 font-semibold">{group.legend}</legend>
              {group.options.map((o) => {
                const id = `f-${group.name}-${o.value}`;
                return (
                  <div key={o.value} className="flex items-start gap-2">
                    <input
                      id={id}
                      type="checkbox"
                      name={group.name}
                      value={o.value}
                      defaultChecked={(params[group.name] as string[]).includes(o.value)}
                      className="mt-1 size-4 shrink-0"
                    />
                    <label htmlFor={id} className="min-w-0 break-words">
                      {o.label} <span className="text-stone-600">({o.count})</span>
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ),
      )}
      <fieldset className="space-y-2">
        <legend className="mb-1 font-semibold">{t("dateRange")}</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-from">{t("from")}</label>
          <input id="f-from" type="date" name="from" defaultValue={params.from ?? ""} className="rounded border border-stone-500 bg-white px-2 py-1" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-to">{t("to")}</label>
          <input id="f-to" type="date" name="to" defaultValue={params.to ?? ""} className="rounded border border-stone-500 bg-white px-2 py-1" />
        </div>
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-sort" className="font-semibold">
          {t("sort")}
        </label>
        <select id="f-sort" name="sort" defaultValue={params.sort} className="rounded border border-stone-500 bg-white px-2 py-1">
          {params.q && <option value="relevance">{t("sortRelevance")}</option>}
          <option value="newest">{t("sortNewest")}</option>
          <option value="oldest">{t("sortOldest")}</option>
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-size" className="font-semibold">
          {t("pageSize")}
        </label>
        <select id="f-size" name="pageSize" defaultValue={String(params.pageSize)} className="rounded border border-stone-500 bg-white px-2 py-1">
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="w-full rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900">
        {t("apply")}
      </button>
    </form>
  );
}
