import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { toSearchParams } from "@/lib/shared/search/search-params";
import { alertKind, filterFromSearch, filterSearchParams } from "@/lib/shared/alerts/subscription-filter";
import type { SearchParams } from "@/lib/shared/search/search-params";

/** The link to subscribe to email alerts for what a page lists (a search, an agency, a category). */
export function AlertLink({ params }: { params: SearchParams }) {
  const t = useTranslations("alerts");
  const filter = filterFromSearch(params);
  const query = toSearchParams(filterSearchParams(filter)).toString();
  const kind = alertKind(filter);
  return (
    <p className="text-sm">
      <Link href={`/alerts/subscribe${query ? `?${query}` : ""}`} className="text-blue-800 underline" data-testid="alert-link">
        {t(kind === "agency" ? "agencyLink" : kind === "category" ? "categoryLink" : "searchLink")}
      </Link>
    </p>
  );
}
