import { useTranslations } from "next-intl";
import { MAX_QUERY_LENGTH, type SearchParams } from "@/lib/shared/search/search-params";

/**
 * The search box. A plain GET form: works without JavaScript, and the URL it produces is the
 * whole state of the search (shareable, bookmarkable, survives reloads). Filters ride along
 * as hidden fields so a new query keeps them.
 */
export function SearchForm({ params, action }: { params: SearchParams; action: string }) {
  const t = useTranslations("search");
  return (
    <form role="search" action={action} method="get" className="flex flex-wrap items-end gap-2">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor="q" className="font-medium">
          {t("label")}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={MAX_QUERY_LENGTH}
          placeholder={t("placeholder")}
          className="w-full min-w-0 rounded border border-stone-500 bg-white px-3 py-2"
        />
      </div>
      {(["agency", "category", "status", "language"] as const).flatMap((name) =>
        params[name].map((value) => <input key={`${name}=${value}`} type="hidden" name={name} value={value} />),
      )}
      {params.from && <input type="hidden" name="from" value={params.from} />}
      {params.to && <input type="hidden" name="to" value={params.to} />}
      <button type="submit" className="rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900">
        {t("submit")}
      </button>
    </form>
  );
}
