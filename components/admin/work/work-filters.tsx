import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { WORK_SCOPES, WORK_PAGE_SIZE, WORK_STATUSES, workQueryParams, type WorkQuery, type WorkStatus } from "@/lib/shared/admin/clerk-work-query";
import { BUTTON, INPUT } from "../styles";

/**
 * The search form and the status tabs of "My work". A plain GET form and plain links: the view
 * lives in the URL, works without JavaScript, and can be bookmarked or sent to a colleague.
 */
export function WorkFilters({ query, counts, reviews }: { query: WorkQuery; counts: Record<WorkStatus | "all", number>; reviews: boolean }) {
  const t = useTranslations("adminWork");
  // "Awaiting my review" is offered to reviewers only (a link to it still works for anyone: it is empty).
  const scopes = WORK_SCOPES.filter((scope) => scope !== "review" || reviews || query.scope === "review");
  return (
    <div className="space-y-4">
      <form method="get" role="search" aria-labelledby="work-filters" className="space-y-3 rounded border border-stone-300 bg-white p-4">
        <h2 id="work-filters" className="text-lg font-semibold">
          {t("filters")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="work-q" className="font-medium">
              {t("search")}
            </label>
            <input id="work-q" name="q" type="search" defaultValue={query.q} maxLength={200} aria-describedby="work-q-hint" className={INPUT} />
            <p id="work-q-hint" className="mt-1 text-sm text-stone-700">
              {t("searchHint")}
            </p>
          </div>
          <div>
            <label htmlFor="work-scope" className="font-medium">
              {t("scope")}
            </label>
            <select id="work-scope" name="scope" defaultValue={query.scope} className={INPUT}>
              {scopes.map((scope) => (
                <option key={scope} value={scope}>
                  {t(`scopes.${scope}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {/* A new search keeps the status and order being looked at (defaults stay out of the URL). */}
        {Object.entries(workQueryParams(query))
          .filter(([name]) => name === "state" || name === "sort" || name === "dir")
          .map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={BUTTON}>
            {t("apply")}
          </button>
          <Link href="/admin/work" className="text-red-800 underline">
            {t("clear")}
          </Link>
        </div>
      </form>
      <nav aria-label={t("statusFilter")}>
        <ul className="flex flex-wrap gap-2">
          {(["all", ...WORK_STATUSES] as const).map((state) => (
            <li key={state}>
              <Link
                href={{ pathname: "/admin/work", query: workQueryParams({ ...query, state, limit: WORK_PAGE_SIZE }) }}
                aria-current={query.state === state ? "page" : undefined}
                className="inline-block rounded border border-stone-400 bg-white px-3 py-1 text-red-800 underline aria-[current=page]:border-stone-800 aria-[current=page]:bg-stone-800 aria-[current=page]:text-white aria-[current=page]:no-underline"
              >
                {t("statusCount", { status: state === "all" ? t("all") : t(`status.${state}`), count: counts[state] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
