import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { FeedLocale } from "@/lib/server/feeds/feed";
import { agencyBundleUrl, csvUrl } from "@/lib/shared/feeds/csv-link";
import type { SearchParams } from "@/lib/shared/search/search-params";

const linkClass = "text-blue-800 underline";

/**
 * For journalists: what a page lists as CSV, and the agencies' proof bundles (every logged
 * version with its proofs, verifiable offline with gongshi-verify), with a pointer to how.
 */
export function DataDownloads({ params, agencies }: { params: SearchParams; agencies: readonly { id: string; nameZh: string; nameEn: string }[] }) {
  const t = useTranslations("downloads");
  const locale = useLocale();
  return (
    <section aria-labelledby="data-downloads" className="space-y-2 rounded border border-stone-300 bg-white p-3 text-sm" data-testid="data-downloads">
      <h2 id="data-downloads" className="text-base font-semibold">
        {t("title")}
      </h2>
      <p>
        <a href={csvUrl(params, locale as FeedLocale)} download className={linkClass} data-testid="csv-download">
          {t("csv")}
        </a>{" "}
        <span className="text-stone-700">{t("csvHint")}</span>
      </p>
      {agencies.length > 0 && (
        <>
          <p>{t("bundles")}</p>
          <ul className="list-disc space-y-1 ps-5">
            {agencies.map((a) => (
              <li key={a.id}>
                <a href={agencyBundleUrl(a.id)} download className={linkClass} data-testid="bundle-download">
                  {t("bundleOf", { agency: locale === "en" ? a.nameEn : a.nameZh })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link href={{ pathname: "/about", hash: "journalists" }} className={linkClass}>
          {t("howTo")}
        </Link>
      </p>
    </section>
  );
}
