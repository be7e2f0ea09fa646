import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { LogEntryDetail } from "@/lib/server/log-service/get-log-entry-detail";
import { PortalTime } from "./portal-time";

const linkClass = "text-red-800 underline";

/**
 * What one entry records, read from the leaf alone: a redact entry has no notice version
 * behind it, and the page must not need one to explain what the log says.
 */
export function LogLeafSummary({ entry }: { entry: LogEntryDetail }) {
  const t = useTranslations("log");
  const tk = useTranslations("kind");
  const tt = useTranslations("timeline");
  const locale = useLocale();
  const { record } = entry;
  const agencyName = entry.agency ? (locale === "en" ? entry.agency.nameEn : entry.agency.nameZh) : record.agency;
  const entryLink = (index: number) => (
    <Link href={`/log/entries/${index}`} className={linkClass}>
      {t("entryLink", { index })}
    </Link>
  );
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
      <dt className="font-semibold">{t("index")}</dt>
      <dd data-testid="entry-index">{entry.index}</dd>
      <dt className="font-semibold">{t("leafHash")}</dt>
      <dd className="break-all font-mono" data-testid="leaf-hash">
        {entry.leafHash}
      </dd>
      <dt className="font-semibold">{tt("entered")}</dt>
      <dd>
        <PortalTime value={record.loggedAt} style="dateTimeSeconds" testId="entry-logged-at" />
      </dd>
      <dt className="font-semibold">{t("kind")}</dt>
      <dd>{tk(record.kind)}</dd>
      <dt className="font-semibold">{t("agency")}</dt>
      <dd>
        <Link href={`/agencies/${record.agency}`} className={linkClass} data-testid="entry-agency">
          {agencyName}
        </Link>
      </dd>
      {record.kind === "redact" ? (
        <>
          <dt className="font-semibold">{t("target")}</dt>
          <dd>{entryLink(record.target)}</dd>
          <dt className="font-semibold">{t("withheld")}</dt>
          <dd>
            <ul>
              {record.withhold.map((path) => (
                <li key={path} className="font-mono">
                  {path}
                </li>
              ))}
            </ul>
          </dd>
          <dt className="font-semibold">{t("basis")}</dt>
          <dd>{record.basis}</dd>
        </>
      ) : (
        <>
          <dt className="font-semibold">{t("records")}</dt>
          <dd>
            <Link href={`/n/${record.notice}/v/${record.version}`} className={linkClass} data-testid="notice-version-link">
              {t("noticeVersion", { notice: record.notice, version: record.version })}
            </Link>
          </dd>
          {record.supersedes !== null && (
            <>
              <dt className="font-semibold">{t("supersedes")}</dt>
              <dd>{entryLink(record.supersedes)}</dd>
            </>
          )}
        </>
      )}
    </dl>
  );
}
