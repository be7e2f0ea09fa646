import { getLocale, getTranslations } from "next-intl/server";
import { PortalTime } from "./portal-time";
import { Link } from "@/i18n/navigation";
import type { LogEntriesPage } from "@/lib/server/log-service/list-log-entries";

const linkClass = "text-blue-800 underline";

/** The query of a page of the list: the range stays, `before` moves. */
export function logListQuery(page: Pick<LogEntriesPage, "range">, before: number | undefined): Record<string, number> {
  return {
    ...(page.range ? { from: page.range.from.size, to: page.range.to.size } : {}),
    ...(before === undefined ? {} : { before }),
  };
}

/**
 * One page of log entries, newest first, with links to newer and older pages: plain links
 * carrying the range and a `before` index, so paging needs no script and no state.
 */
export async function LogEntryList({ page }: { page: LogEntriesPage }) {
  const [t, tk, locale] = await Promise.all([getTranslations("logList"), getTranslations("kind"), getLocale()]);
  const pageLink = "rounded border border-stone-400 bg-white px-3 py-1 text-blue-800 hover:bg-stone-100";
  return (
    <>
      {page.entries.length === 0 ? (
        <p data-testid="log-list-empty">{page.size === 0 ? t("empty") : t("none")}</p>
      ) : (
        <ol className="divide-y divide-stone-200 rounded border border-stone-300 bg-white" data-testid="log-list">
          {page.entries.map((e) => (
            <li key={e.index} className="space-y-1 p-3" data-testid="log-list-entry" data-index={e.index}>
              <p className="flex flex-wrap items-baseline gap-x-3">
                <Link href={`/log/entries/${e.index}`} className={`${linkClass} font-semibold`}>
                  {t("entry", { index: e.index })}
                </Link>
                <span className="rounded bg-stone-100 px-2 text-sm" data-testid="log-list-kind">
                  {tk(e.kind)}
                </span>
                <span className="text-sm text-stone-700">
                  {t("loggedAt")}: <PortalTime value={e.loggedAt} style="dateTimeSeconds" />
                </span>
              </p>
              <p className="break-words">
                <Link href={`/n/${e.notice}/v/${e.version}`} className={linkClass} lang={e.title === null ? undefined : (e.language ?? undefined)} data-testid="log-list-notice">
                  {e.title ?? t("untitled", { notice: e.notice })}
                </Link>{" "}
                <span className="text-sm text-stone-700">
                  ({e.notice}, {t("version", { version: e.version })}) ·{" "}
                  <Link href={`/agencies/${e.agency.id}`} className={linkClass} data-testid="log-list-agency">
                    {locale === "en" ? e.agency.nameEn : e.agency.nameZh}
                  </Link>
                </span>
              </p>
            </li>
          ))}
        </ol>
      )}
      <nav aria-label={t("pagination")}>
        <ul className="flex flex-wrap items-center gap-2">
          {page.newer && (
            <li>
              <Link href={{ pathname: "/log/entries", query: logListQuery(page, page.newer.before) }} rel="prev" className={pageLink}>
                {t("newer")}
              </Link>
            </li>
          )}
          {page.older !== null && (
            <li>
              <Link href={{ pathname: "/log/entries", query: logListQuery(page, page.older) }} rel="next" className={pageLink}>
                {t("older")}
              </Link>
            </li>
          )}
          {page.newer?.before !== undefined && (
            <li>
              <Link href={{ pathname: "/log/entries", query: logListQuery(page, undefined) }} className={pageLink}>
                {t("newest")}
              </Link>
            </li>
          )}
        </ul>
      </nav>
    </>
  );
}
