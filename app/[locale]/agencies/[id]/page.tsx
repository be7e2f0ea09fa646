import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { readDb } from "@/lib/server/db/read-db";
import { orNotFound } from "@/lib/server/pages/or-not-found";
import { getAgency } from "@/lib/server/notices/list-agencies";
import { listLatestNotices } from "@/lib/server/notices/list-latest-notices";
import { NoticeList } from "@/components/notice-list";
import { Link } from "@/i18n/navigation";
import { DEFAULT_SEARCH_PARAMS } from "@/lib/shared/search/search-params";
import { searchHref } from "@/lib/shared/search/search-url";
import { feedAlternates } from "@/lib/shared/feeds/feed-links";
import type { FeedLocale } from "@/lib/server/feeds/feed";
import { FeedLinks } from "@/components/search/feed-links";
import { AlertLink } from "@/components/alerts/alert-link";
import { DataDownloads } from "@/components/data-downloads";
import type { AgencySummary } from "@/lib/server/api/contract";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ locale: string; id: string }> };

const load = async (id: string): Promise<AgencySummary> => orNotFound(getAgency(await readDb(), id));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id, locale } = await params;
  const agency = await load(id);
  const filters = { ...DEFAULT_SEARCH_PARAMS, agency: [agency.id] };
  const names = new Map([[agency.id, locale === "en" ? agency.nameEn : agency.nameZh]]);
  return { title: names.get(agency.id), alternates: { types: feedAlternates(filters, locale as FeedLocale, names) } };
}

export default async function AgencyPage({ params }: Params) {
  const { id, locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("agencies");
  const agency = await load(id);
  const notices = await listLatestNotices(await readDb(), 20, agency.id);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{locale === "en" ? agency.nameEn : agency.nameZh}</h1>
        <p className="leading-relaxed">{locale === "en" ? agency.descriptionEn : agency.descriptionZh}</p>
      </header>
      <section aria-labelledby="agency-notices" className="space-y-3">
        <h2 id="agency-notices" className="text-xl font-semibold">
          {t("notices")}
        </h2>
        <NoticeList notices={notices} />
        <p>
          <Link href={searchHref(DEFAULT_SEARCH_PARAMS, { agency: [agency.id] })} className="text-blue-800 underline" data-testid="agency-all-notices">
            {t("allNotices", { count: agency.notices })}
          </Link>
        </p>
        <FeedLinks params={{ ...DEFAULT_SEARCH_PARAMS, agency: [agency.id] }} locale={locale as FeedLocale} />
        <AlertLink params={{ ...DEFAULT_SEARCH_PARAMS, agency: [agency.id] }} />
        <DataDownloads params={{ ...DEFAULT_SEARCH_PARAMS, agency: [agency.id] }} agencies={[agency]} />
      </section>
    </div>
  );
}
