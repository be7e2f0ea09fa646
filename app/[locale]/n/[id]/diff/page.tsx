import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NoticeDiffView } from "@/components/notice-diff-view";
import { agencyName, loadNotice, titleOf, versionOf } from "@/lib/server/pages/notice-route";
import "@/components/notice-print.css";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The two versions compared. Absent parameters default to the latest change (previous →
 * latest); a repeated parameter takes its first value; anything not a version is a 404.
 */
async function pair({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const notice = await loadNotice(id);
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const latest = notice.versions.at(-1)!.version;
  const from = versionOf(notice, first(query.from) ?? String(Math.max(1, latest - 1)));
  const to = versionOf(notice, first(query.to) ?? String(latest));
  return { notice, from, to };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale } = await props.params;
  const { notice, from, to } = await pair(props);
  const t = await getTranslations({ locale, namespace: "notice.diff" });
  return {
    title: t("title", { from: from.version, to: to.version, title: titleOf(notice, to) }),
    description: agencyName(notice, locale),
    robots: { index: false },
  };
}

export default async function NoticeDiffPage(props: Props) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const { notice, from, to } = await pair(props);
  return <NoticeDiffView notice={notice} from={from} to={to} title={titleOf(notice, to)} />;
}
