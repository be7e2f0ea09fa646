import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { effectiveValue } from "@/lib/shared/notices/effective-fields";
import type { NoticeDto, NoticeVersionDto } from "@/lib/server/notices/get-notice";
import { noticeBanners } from "@/lib/shared/notices/notice-status";
import { NoticeBanners } from "./notice-banners";
import { NoticeCitation } from "./notice-citation";
import { dateField } from "./notice-format";
import { NoticeHistory } from "./notice-history";
import { NoticeProofDetails } from "./notice-proof-details";
import { NoticeVersionView } from "./notice-version-view";
import { AttachmentFileCheck } from "./verify/attachment-file-check";
import { PortalTime } from "./portal-time";
import type { NoticeTranslationLink } from "@/lib/server/translations/list-translations";
import { NoticeTranslations } from "./notice-translations";
import { NoticeSignOff } from "./notice-sign-off";
import { CategoryValue } from "./category-value";
import { VerifyControl } from "./verify/verify-control";

/**
 * A notice as of one version: heading and details, banners, content, verification, citation, proof details and history.
 * `translations` and `signOff` are read by the page (lib/server/pages/notice-route.ts).
 */
export function NoticePageView({
  notice,
  version,
  title,
  origin,
  translations,
  signOff,
}: {
  notice: NoticeDto;
  version: NoticeVersionDto;
  title: string;
  origin: string;
  translations: NoticeTranslationLink[];
  signOff: string | null;
}) {
  const t = useTranslations("notice");
  const tt = useTranslations("timeline");
  const tk = useTranslations("kind");
  const format = useFormatter();
  const locale = useLocale();
  const agency = locale === "en" ? notice.agency.nameEn : notice.agency.nameZh;
  const first = notice.versions[0]!;
  const latest = notice.versions.at(-1)!;
  const lang = effectiveValue(notice.versions, version.version, "language");
  const number = effectiveValue(notice.versions, version.version, "number");
  const when = (iso: string) => <PortalTime value={iso} style="date" />;
  // A calendar day, not an instant: the same day in every zone (noon UTC+8 is still that day in UTC).
  const effective = dateField(version.fields.effectiveDate);
  const details: [string, ReactNode][] = [
    [
      t("agency"),
      <Link key="a" href={`/agencies/${notice.agency.id}`} className="text-blue-800 underline">
        {agency}
      </Link>,
    ],
    ...(number
      ? [
          [
            t("field.number"),
            <span key="n" lang={lang}>
              {number}
            </span>,
          ] as [string, ReactNode],
        ]
      : []),
    ...(version.fields.category ? [[t("field.category"), <CategoryValue key="c" stored={version.fields.category} lang={lang} />] as [string, ReactNode]] : []),
    ...(version.fields.effectiveDate
      ? [
          [
            t("field.effectiveDate"),
            effective ? (
              <time key="e" dateTime={version.fields.effectiveDate}>
                {format.dateTime(effective, { dateStyle: "long", timeZone: "UTC" })}
              </time>
            ) : (
              version.fields.effectiveDate
            ),
          ] as [string, ReactNode],
        ]
      : []),
    // The agency's dates, then what the log proves: labelled apart, explained under the list.
    [tt("firstPublished"), when(first.createdAt)],
    [tt("lastUpdated"), when(latest.createdAt)],
    [t("versionLabel"), t("versionOf", { version: version.version, total: latest.version, kind: tk(version.kind) })],
    [
      latest.version > 1 ? tt("enteredThis") : tt("entered"),
      version.log ? <PortalTime key="t" value={version.log.loggedAt} style="dateTimeSeconds" testId="entered-log" /> : tt("enteredPending"),
    ],
  ];
  return (
    <article className="notice-page space-y-8">
      <header className="space-y-4">
        <p className="text-sm text-stone-700">{agency}</p>
        <h1 className="text-2xl font-bold break-words" lang={lang}>
          {title}
        </h1>
        <NoticeTranslations links={translations} />
        <NoticeBanners noticeId={notice.id} banners={noticeBanners(notice.versions, version.version)} />
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-stone-700">{label}</dt>
              <dd className="mb-1 break-words sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
        <NoticeSignOff name={signOff} />
        <p className="text-sm text-stone-700" data-testid="timeline-explain">
          {tt("explain")}
        </p>
      </header>
      <NoticeVersionView version={version} />
      <VerifyControl noticeId={notice.id} version={version.version} bundle={version.log !== null} />
      {version.attachments.length > 0 && (
        <AttachmentFileCheck attachments={version.attachments.map(({ position, fileName, sha256, size }) => ({ position, fileName, sha256, size }))} />
      )}
      <NoticeCitation agency={agency} title={title} number={number} version={version} permalink={`${origin}/n/${notice.id}/v/${version.version}`} />
      {/* Log index, leaf hash and checkpoint: after the notice and its verdict, for those who check by hand. */}
      <NoticeProofDetails version={version} />
      <NoticeHistory noticeId={notice.id} versions={notice.versions} viewed={version.version} />
    </article>
  );
}
