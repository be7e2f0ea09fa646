import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { PortalTime, usePortalTime } from "@/components/portal-time";
import { Link } from "@/i18n/navigation";
import { defaultDirection, workQueryParams, type WorkQuery, type WorkSort } from "@/lib/shared/admin/clerk-work-query";
import type { WorkItem } from "@/lib/server/admin/list-clerk-work";

const CELL = "py-2 pr-3";

/**
 * The clerk's items, one row each. A column that sorts has a link in its header: a click sorts by
 * it (again: the other way round); the sorted one says so with aria-sort, which screen readers
 * announce. Times are the portal's (components/portal-time.tsx), with their zone.
 */
export function WorkTable({ query, items }: { query: WorkQuery; items: WorkItem[] }) {
  const t = useTranslations("adminWork");
  const te = useTranslations("editor");
  const locale = useLocale();
  const sortable = (sort: WorkSort) => <SortHeader key={sort} query={query} sort={sort} />;
  const when = (value: string | null) => (value ? <PortalTime value={value} /> : null);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="work-table">
        <caption className="sr-only">{t("caption", { column: t(`columns.${query.sort}`), direction: t(query.dir === "asc" ? "ascending" : "descending") })}</caption>
        <thead>
          <tr className="border-b border-stone-400">
            {sortable("title")}
            {sortable("state")}
            <th scope="col" className={CELL}>
              {t("columns.agency")}
            </th>
            {sortable("updated")}
            {sortable("created")}
            {sortable("submitted")}
            {sortable("publication")}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.draftId} className="border-b border-stone-200 align-top">
              <td className={CELL}>
                <Link href={item.published && item.noticeId ? `/admin/notices/${item.noticeId}` : `/admin/drafts/${item.draftId}`} className="font-medium text-red-800 underline">
                  {item.title || t("untitled")}
                </Link>
                <span className="block text-stone-700">
                  {te(`kind.${item.kind}`)}
                  {item.noticeId && ` · ${t("noticeId", { id: item.noticeId })}`}
                  {item.number && ` · ${item.number}`}
                </span>
              </td>
              <td className={CELL}>
                <StatusCell item={item} />
              </td>
              <td className={CELL}>{locale === "en" ? item.agency.nameEn : item.agency.nameZh}</td>
              <td className={CELL}>{when(item.updatedAt)}</td>
              <td className={CELL}>{when(item.createdAt)}</td>
              <td className={CELL}>{when(item.submittedAt)}</td>
              <td className={CELL}>{when(item.published?.at ?? item.publishAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortHeader({ query, sort }: { query: WorkQuery; sort: WorkSort }) {
  const t = useTranslations("adminWork");
  const current = query.sort === sort;
  const dir = current ? (query.dir === "asc" ? "desc" : "asc") : defaultDirection(sort);
  return (
    <th scope="col" className={CELL} aria-sort={current ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={{ pathname: "/admin/work", query: workQueryParams({ ...query, sort, dir }) }} className="text-red-800 underline">
        {t(`columns.${sort}`)}
      </Link>
      {current && <span aria-hidden="true"> {query.dir === "asc" ? "▲" : "▼"}</span>}
    </th>
  );
}

function StatusCell({ item }: { item: WorkItem }): ReactNode {
  const t = useTranslations("adminWork");
  const format = usePortalTime();
  const label = (
    <span className="font-medium" data-status={item.status}>
      {t(`status.${item.status}`)}
    </span>
  );
  if (item.status === "returned" && item.returned) {
    return (
      <>
        {label}
        <span className="block text-stone-700">{t("returnedBy", { name: item.returned.by, comment: item.returned.comment })}</span>
      </>
    );
  }
  if (item.status === "scheduled" && item.publishAt) {
    return (
      <>
        {label}
        <span className="block text-stone-700">{t("scheduledFor", { time: format(item.publishAt) })}</span>
      </>
    );
  }
  if (item.published && item.noticeId) {
    return (
      <>
        {label}
        <Link href={`/n/${item.noticeId}/v/${item.published.version}`} className="block text-red-800 underline">
          {t("publishedVersion", { version: item.published.version })}
        </Link>
      </>
    );
  }
  return label;
}
