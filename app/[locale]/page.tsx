import { getTranslations, setRequestLocale } from "next-intl/server";
import { PortalTime } from "@/components/portal-time";
import { Link } from "@/i18n/navigation";
import { readDb } from "@/lib/server/db/read-db";
import { latestCheckpoint } from "@/lib/server/log-service/latest-checkpoint";
import { listLatestNotices } from "@/lib/server/notices/list-latest-notices";
import { listAgencies } from "@/lib/server/notices/list-agencies";
import { listCategories } from "@/lib/server/search/list-categories";
import { slugLabel } from "@/lib/shared/categories/vocabulary";
import { DEFAULT_SEARCH_PARAMS } from "@/lib/shared/search/search-params";
import { searchHref } from "@/lib/shared/search/search-url";
import { NoticeList } from "@/components/notice-list";
import { SearchForm } from "@/components/search/search-form";

// Reads the live log: never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const prisma = await readDb();
  const [notices, checkpoint, agencies, categories] = await Promise.all([listLatestNotices(prisma, 10), latestCheckpoint(prisma), listAgencies(prisma), listCategories(prisma)]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="intro" className="space-y-4">
        <h1 id="intro" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="leading-relaxed">{t("intro")}</p>
        <SearchForm params={DEFAULT_SEARCH_PARAMS} action={`/${locale}/notices`} />
      </section>

      <section aria-labelledby="latest" className="space-y-3">
        <h2 id="latest" className="text-xl font-semibold">
          {t("latest")}
        </h2>
        <NoticeList notices={notices} />
        <p>
          <Link href="/notices" className="text-blue-800 underline">
            {t("allNotices")}
          </Link>
        </p>
      </section>

      {/* The log's state is for those who check; the notices come first. */}
      <section aria-labelledby="log-state" className="rounded border border-stone-300 bg-white p-4">
        <h2 id="log-state" className="text-lg font-semibold">
          {t("logStatus")}
        </h2>
        {checkpoint ? (
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt>{t("entries")}</dt>
            <dd data-testid="log-size">{checkpoint.size}</dd>
            <dt>{t("latestCheckpoint")}</dt>
            <dd>
              <PortalTime value={checkpoint.createdAt} style="dateTimeSeconds" />
            </dd>
          </dl>
        ) : (
          <p className="mt-2">{t("noCheckpoint")}</p>
        )}
        <p className="mt-3 flex flex-wrap gap-4">
          <Link href="/log" className="text-blue-800 underline">
            {t("explore")}
          </Link>
          <Link href="/about" className="text-blue-800 underline">
            {t("howItWorks")}
          </Link>
        </p>
      </section>

      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="by-agency" className="space-y-3">
          <h2 id="by-agency" className="text-xl font-semibold">
            {t("byAgency")}
          </h2>
          <ul className="space-y-1" data-testid="browse-agencies">
            {agencies.map((a) => (
              <li key={a.id}>
                <Link href={`/agencies/${a.id}`} className="text-blue-800 underline">
                  {locale === "en" ? a.nameEn : a.nameZh}
                </Link>{" "}
                <span className="text-stone-700">({t("count", { count: a.notices })})</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="by-category" className="space-y-3">
          <h2 id="by-category" className="text-xl font-semibold">
            {t("byCategory")}
          </h2>
          <ul className="space-y-1" data-testid="browse-categories">
            {categories.map((c) => (
              <li key={c.value}>
                <Link href={searchHref(DEFAULT_SEARCH_PARAMS, { category: [c.value] })} className="text-blue-800 underline">
                  {slugLabel(c.value, locale)}
                </Link>{" "}
                <span className="text-stone-700">({t("count", { count: c.count })})</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
