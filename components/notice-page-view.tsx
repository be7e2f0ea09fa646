import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { effectiveValue } from "@/lib/notices/effective-fields";
import type { NoticeDto, NoticeVersionDto } from "@/lib/notices/get-notice";
import { noticeBanners } from "@/lib/notices/notice-status";
import { NoticeBanners } from "./notice-banners";
import { NoticeCitation } from "./notice-citation";
import { dateField } from "./notice-format";
import { NoticeHistory } from "./notice-history";
import { NoticeVersionView } from "./notice-version-view";
import { NoticeTranslations } from "./notice-translations";
import { CategoryValue } from "./category-value";
import { VerifyControl } from "./verify/verify-control";

/** A notice as of one version: heading and details, banners, content, citation and history. */
export function NoticePageView({ notice, version, title, origin }: { notice: NoticeDto; version: NoticeVersionDto; title: string; origin: string }) {
  const t = useTranslations("notice");
  const tk = useTranslations("kind");
  const format = useFormatter();
  const locale = useLocale();
  const agency = locale === "en" ? notice.agency.nameEn : notice.agency.nameZh;
  const first = notice.versions[0]!;
  const latest = notice.versions.at(-1)!;
  const lang = effectiveValue(notice.versions, version.version, "language");
  const number = effectiveValue(notice.versions, version.version, "number");
  const when = (iso: string) => <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: "long" })}</time>;
  const effective = dateField(version.fields.effectiveDate);
  const details: [string, ReactNode][] = [
    [t("agency"), <Link key="a" href={`/agencies/${notice.agency.id}`} className="text-blue-800 underline">{agency}</Link>],
    ...(number ? [[t("field.number"), <span key="n" lang={lang}>{number}</span>] as [string, ReactNode]] : []),
    ...(version.fields.category ? [[t("field.category"), <CategoryValue key="c" stored={version.fields.category} lang={lang} />] as [string, ReactNode]] : []),
    ...(version.fields.effectiveDate
      ? [[t("field.effectiveDate"), effective ? <time key="e" dateTime={version.fields.effectiveDate}>{format.dateTime(effective, { dateStyle: "long" })}</time> : version.fields.effectiveDate] as [string, ReactNode]]
      : []),
    [t("firstPublished"), when(first.createdAt)],
    [t("lastUpdated"), when(latest.createdAt)],
    [t("versionLabel"), t("versionOf", { version: version.version, total: latest.version, kind: tk(version.kind) })],
    [t("logLabel"), version.log ? <span key="l">#{version.log.index} · <code className="break-all font-mono text-xs">{version.log.leafHash}</code></span> : t("pendingLong")],
  ];
  return (
    <article className="notice-page space-y-8">
      <header className="space-y-4">
        <p className="text-sm text-stone-700">{agency}</p>
        <h1 className="text-2xl font-bold break-words" lang={lang}>{title}</h1>
        <NoticeTranslations noticeId={notice.id} />
        <NoticeBanners noticeId={notice.id} banners={noticeBanners(notice.versions, version.version)} />
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-stone-700">{label}</dt>
              <dd className="mb-1 break-words sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      </header>
      <NoticeVersionView version={version} />
      <VerifyControl noticeId={notice.id} version={version.version} bundle={version.log !== null} />
      <NoticeCitation agency={agency} title={title} number={number} version={version} permalink={`${origin}/n/${notice.id}/v/${version.version}`} />
      <NoticeHistory noticeId={notice.id} versions={notice.versions} viewed={version.version} />
    </article>
  );
}
