import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { readDb } from "@/lib/server/db/read-db";
import { searchNotices } from "@/lib/server/search/search-notices";
import { parseSearchParams, type SearchParams } from "@/lib/shared/search/search-params";
import { searchHref, withoutValue } from "@/lib/shared/search/search-url";
import { slugLabel } from "@/lib/shared/categories/vocabulary";
import { FacetFilters, languageLabel } from "@/components/search/facet-filters";
import { FeedLinks } from "@/components/search/feed-links";
import { feedAlternates } from "@/lib/shared/feeds/feed-links";
import type { FeedLocale } from "@/lib/server/feeds/feed";
import { Pagination } from "@/components/search/pagination";
import { SearchForm } from "@/components/search/search-form";
import { SearchHitRow } from "@/components/search/search-hit-row";
import { AlertLink } from "@/components/alerts/alert-link";
import { DataDownloads } from "@/components/data-downloads";
import type { ExactMatch } from "@/lib/server/api/contract";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Next's parsed query back into URLSearchParams, keeping repeated keys. */
function toUrlParams(query: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value ?? []].flat()) out.append(key, v);
  return out;
}

/** A page normalizes what it cannot use (and says so); only the API answers 400. */
async function read(props: Props) {
  return parseSearchParams(toUrlParams(await props.searchParams));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale } = await props.params;
  const t = await getTranslations({ locale, namespace: "search" });
  const { params } = await read(props);
  return {
    title: params.q ? t("titleWithQuery", { q: params.q }) : t("title"),
    // Endless filter combinations are for people, not for crawlers: they have the sitemap.
    robots: params.q || params.page > 1 ? { index: false, follow: true } : undefined,
    alternates: { types: feedAlternates(params, locale as FeedLocale) },
  };
}

function exactLabel(t: Awaited<ReturnType<typeof getTranslations<"search">>>, m: ExactMatch): string {
  switch (m.kind) {
    case "notice-id":
      return t("exactNoticeId");
    case "number":
      return t("exactNumber");
    case "log-index":
      return t("exactLogIndex", { index: m.logIndex ?? 0 });
    case "leaf-hash":
      return t("exactLeafHash", { version: m.version });
    case "attachment-sha256":
      return t("exactAttachment", { version: m.version, position: m.attachmentPosition ?? 0 });
  }
}

export default async function NoticesPage(props: Props) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const t = await getTranslations("search");
  const { params, problems } = await read(props);
  const result = await searchNotices(await readDb(), params);
  const action = `/${locale}/notices`;
  const chips = activeFilters(params, result, locale, t);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{params.q ? t("titleWithQuery", { q: params.q }) : t("title")}</h1>
        <p className="text-stone-700">{t("intro")}</p>
      </header>
      <SearchForm params={params} action={action} />

      {problems.length > 0 && (
        <div role="status" className="rounded border border-amber-700 bg-amber-50 p-3 text-sm" data-testid="search-problems">
          <p>{t("problems")}</p>
          <ul className="list-disc pl-5">
            {problems.map((p, i) => (
              <li key={i}>
                <code className="break-all">
                  {p.param}={p.value}
                </code>{" "}
                ({p.message})
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="grid gap-8 md:grid-cols-[16rem_1fr]">
        <aside className="order-2 md:order-1">
          <h2 className="sr-only">{t("filters")}</h2>
          <FacetFilters params={params} facets={result.facets} action={action} />
        </aside>

        <section aria-labelledby="results-heading" className="order-1 min-w-0 space-y-4 md:order-2">
          {result.exact.length > 0 && (
            <section aria-labelledby="exact-heading" className="space-y-2">
              <h2 id="exact-heading" className="text-lg font-semibold">
                {t("exact")}
              </h2>
              <ul className="divide-y divide-stone-200 rounded border-2 border-blue-800 bg-white" data-testid="exact-matches">
                {result.exact.map((m, i) => (
                  <SearchHitRow key={i} hit={m.notice} href={`/n/${m.notice.id}/v/${m.version}`} label={exactLabel(t, m)} />
                ))}
              </ul>
            </section>
          )}

          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="results-heading" className="text-lg font-semibold" data-testid="result-count">
              {t("results", { total: result.total })}
            </h2>
            {result.pageCount > 1 && <p className="text-sm text-stone-700">{t("resultsPage", { page: params.page, pageCount: result.pageCount })}</p>}
          </div>

          {chips.length > 0 && (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium">{t("activeFilters")}:</span>
              {chips.map((c) => (
                <Link
                  key={c.href}
                  href={c.href}
                  className="rounded-full border border-stone-500 bg-white px-3 py-1 hover:bg-stone-100"
                  aria-label={t("removeFilter", { label: c.label })}
                >
                  {c.label} <span aria-hidden="true">×</span>
                </Link>
              ))}
              <Link href={searchHref({ ...params, agency: [], category: [], status: [], language: [], from: null, to: null })} className="text-blue-800 underline">
                {t("clear")}
              </Link>
            </div>
          )}

          {result.hits.length > 0 ? (
            <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white" data-testid="search-results">
              {result.hits.map((hit) => (
                <SearchHitRow key={hit.id} hit={hit} />
              ))}
            </ul>
          ) : result.total > 0 ? (
            <p>
              {t("beyondLastPage", { pageCount: result.pageCount })}{" "}
              <Link href={searchHref(params, { page: result.pageCount })} className="text-blue-800 underline">
                {t("toLastPage")}
              </Link>
            </p>
          ) : (
            <div>
              <p className="font-medium">{t("none")}</p>
              <p className="text-stone-700">{t("noneHint")}</p>
            </div>
          )}
          <Pagination params={params} pageCount={result.pageCount} />
          <FeedLinks params={params} locale={locale as FeedLocale} />
          <AlertLink params={params} />
          <DataDownloads params={params} agencies={params.agency.length ? result.facets.agency.filter((a) => params.agency.includes(a.id)) : result.facets.agency} />
        </section>
      </div>
    </div>
  );
}

function activeFilters(
  params: SearchParams,
  result: Awaited<ReturnType<typeof searchNotices>>,
  locale: string,
  t: Awaited<ReturnType<typeof getTranslations<"search">>>,
): { label: string; href: string }[] {
  const agencyName = (id: string) => {
    const a = result.facets.agency.find((f) => f.id === id);
    return a ? (locale === "en" ? a.nameEn : a.nameZh) : id;
  };
  return [
    ...params.agency.map((v) => ({ label: `${t("agency")}: ${agencyName(v)}`, href: withoutValue(params, "agency", v) })),
    ...params.category.map((v) => ({ label: `${t("category")}: ${slugLabel(v, locale)}`, href: withoutValue(params, "category", v) })),
    ...params.status.map((v) => ({ label: `${t("status")}: ${t(`statusNames.${v}`)}`, href: withoutValue(params, "status", v) })),
    ...params.language.map((v) => ({
      label: `${t("language")}: ${languageLabel(t, v)}`,
      href: withoutValue(params, "language", v),
    })),
    ...(params.from ? [{ label: `${t("from")}: ${params.from}`, href: searchHref(params, { from: null }) }] : []),
    ...(params.to ? [{ label: `${t("to")}: ${params.to}`, href: searchHref(params, { to: null }) }] : []),
  ];
}
