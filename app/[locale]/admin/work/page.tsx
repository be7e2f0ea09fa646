import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { WorkFilters } from "@/components/admin/work/work-filters";
import { WorkTable } from "@/components/admin/work/work-table";
import { Link } from "@/i18n/navigation";
import { WORK_MAX_LIMIT, WORK_PAGE_SIZE, workQueryParams } from "@/lib/shared/admin/clerk-work-query";
import { listClerkWork } from "@/lib/server/admin/list-clerk-work";
import { db } from "@/lib/server/db/client";
import { guarded } from "@/lib/server/admin/guard";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "adminWork" });
  return { title: t("title") };
}

/** A clerk's drafts, reviews, scheduled and published notices (lib/server/admin/list-clerk-work.ts decides who sees what). */
export default async function WorkPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const input = await searchParams;
  const work = await guarded(locale, (actor) => listClerkWork(db(), actor, input));
  const t = await getTranslations("adminWork");
  const { query } = work;
  const shown = work.counts[query.state];
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p>{t("intro")}</p>
      </header>
      {work.ignored.length > 0 && (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3 font-medium" data-testid="work-ignored">
          {t("ignored", { settings: work.ignored.map((key) => t(`settings.${key}`)).join(locale === "en" ? ", " : "、") })}
        </p>
      )}
      <WorkFilters query={query} counts={work.counts} reviews={work.reviews} />
      <section aria-labelledby="work-results" className="space-y-4">
        <h2 id="work-results" className="text-lg font-semibold" data-testid="work-results">
          {t("results", { count: shown })}
        </h2>
        {work.items.length === 0 ? <p>{work.counts.all === 0 && !query.q ? t("none") : t("noMatch")}</p> : <WorkTable query={query} items={work.items} />}
        {work.hasMore && query.limit < WORK_MAX_LIMIT && (
          <p>
            <Link
              href={{ pathname: "/admin/work", query: workQueryParams({ ...query, limit: Math.min(query.limit + WORK_PAGE_SIZE, WORK_MAX_LIMIT) }) }}
              className="text-red-800 underline"
            >
              {t("more", { count: Math.min(WORK_PAGE_SIZE, shown - query.limit) })}
            </Link>
          </p>
        )}
      </section>
    </section>
  );
}
