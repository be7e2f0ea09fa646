import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { SearchParams } from "@/lib/shared/search/search-params";
import { searchHref } from "@/lib/shared/search/search-url";

/** The page numbers to offer: first, last, and two either side of the current one. */
export function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pageCount));
  const pages = [...wanted].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  pages.forEach((p, i) => {
    if (i > 0 && p - pages[i - 1]! > 1) out.push("gap");
    out.push(p);
  });
  return out;
}

export function Pagination({ params, pageCount }: { params: SearchParams; pageCount: number }) {
  const t = useTranslations("search");
  if (pageCount <= 1) return null;
  const page = Math.min(params.page, pageCount);
  const link = "rounded border border-stone-400 bg-white px-3 py-1 text-blue-800 hover:bg-stone-100";
  return (
    <nav aria-label={t("pagination")}>
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link href={searchHref(params, { page: page - 1 })} rel="prev" className={link}>
              {t("previous")}
            </Link>
          </li>
        )}
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === params.page ? (
                <span aria-current="page" className="rounded border border-red-800 bg-red-800 px-3 py-1 font-semibold text-white">
                  <span className="sr-only">{t("page", { page: p })}</span>
                  <span aria-hidden="true">{p}</span>
                </span>
              ) : (
                <Link href={searchHref(params, { page: p })} className={link} aria-label={t("page", { page: p })}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={searchHref(params, { page: page + 1 })} rel="next" className={link}>
              {t("next")}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
