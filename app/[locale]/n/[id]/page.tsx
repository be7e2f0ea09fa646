import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { NoticePageView } from "@/components/notice-page-view";
import { loadNotice, loadPageExtras, noticeMetadata, siteOrigin, titleOf } from "@/lib/server/pages/notice-route";
import "@/components/notice-print.css";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id, locale } = await params;
  const notice = await loadNotice(id);
  return noticeMetadata(notice, notice.versions.at(-1)!, locale, `/n/${notice.id}`);
}

/** The notice as it stands now: its latest version. */
export default async function NoticePage({ params }: Params) {
  const { id, locale } = await params;
  setRequestLocale(locale);
  const [notice, origin] = await Promise.all([loadNotice(id), siteOrigin()]);
  const current = notice.versions.at(-1)!;
  const { translations, signOff } = await loadPageExtras(notice.id, current.version);
  return <NoticePageView notice={notice} version={current} title={titleOf(notice, current)} origin={origin} translations={translations} signOff={signOff} />;
}
