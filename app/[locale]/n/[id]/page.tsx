import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/pages/or-not-found";
import { getNotice, type NoticeDto } from "@/lib/notices/get-notice";
import { NoticeVersionView } from "@/components/notice-version-view";

export const dynamic = "force-dynamic";

const load = (id: string): Promise<NoticeDto> => orNotFound(getNotice(db(), id));

type Params = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id, locale } = await params;
  const notice = await load(id);
  const current = notice.versions.at(-1)!;
  const agency = locale === "en" ? notice.agency.nameEn : notice.agency.nameZh;
  const title = current.fields.title ?? notice.id;
  return { title, description: agency, openGraph: { title, description: agency, type: "article" } };
}

export default async function NoticePage({ params }: Params) {
  const { id, locale } = await params;
  setRequestLocale(locale);
  const [t, tk] = await Promise.all([getTranslations("notice"), getTranslations("kind")]);
  const notice = await load(id);
  const versions = [...notice.versions].reverse();
  const current = versions[0]!;
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-stone-600">{locale === "en" ? notice.agency.nameEn : notice.agency.nameZh}</p>
        <h1 className="text-2xl font-bold" lang={current.fields.language}>
          {current.fields.title ?? notice.id}
        </h1>
        {current.kind !== "publish" && (
          <p role="note" className="rounded border border-amber-400 bg-amber-50 p-2">
            {t("statusBanner", { kind: tk(current.kind), version: current.version })}
          </p>
        )}
      </header>
      <NoticeVersionView version={current} />
      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-xl font-semibold">
          {t("history")}
        </h2>
        <ol className="space-y-2">
          {versions.map((v) => (
            <li key={v.version} className="rounded border border-stone-300 bg-white p-3 text-sm">
              {t("version", { version: v.version })} · {tk(v.kind)} · <time dateTime={v.createdAt}>{v.createdAt.slice(0, 10)}</time> ·{" "}
              {v.log ? t("logIndex", { index: v.log.index }) : t("pending")}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
