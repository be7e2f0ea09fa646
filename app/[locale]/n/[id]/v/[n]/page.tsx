import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { NoticePageView } from "@/components/notice-page-view";
import { loadNotice, loadPageExtras, noticeMetadata, siteOrigin, titleOf, versionOf } from "@/lib/server/pages/notice-route";
import "@/components/notice-print.css";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ locale: string; id: string; n: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id, n, locale } = await params;
  const notice = await loadNotice(id);
  const version = versionOf(notice, n);
  return noticeMetadata(notice, version, locale, `/n/${notice.id}/v/${version.version}`);
}

/** The permanent page of one version; it never changes once the version is logged. */
export default async function NoticeVersionPage({ params }: Params) {
  const { id, n, locale } = await params;
  setRequestLocale(locale);
  const [notice, origin] = await Promise.all([loadNotice(id), siteOrigin()]);
  const version = versionOf(notice, n);
  const { translations, signOff } = await loadPageExtras(notice.id, version.version);
  return <NoticePageView notice={notice} version={version} title={titleOf(notice, version)} origin={origin} translations={translations} signOff={signOff} />;
}
