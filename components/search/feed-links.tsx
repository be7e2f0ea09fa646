import { useTranslations } from "next-intl";
import type { FeedLocale } from "@/lib/server/feeds/feed";
import { feedUrl } from "@/lib/shared/feeds/feed-links";
import type { SearchParams } from "@/lib/shared/search/search-params";

/** Visible links to the feeds of exactly what a page lists (the <head> has them too). */
export function FeedLinks({ params, locale }: { params: SearchParams; locale: FeedLocale }) {
  const t = useTranslations("search");
  const formats = [
    ["rss", "RSS"],
    ["atom", "Atom"],
    ["json", "JSON Feed"],
  ] as const;
  return (
    <p className="flex flex-wrap gap-x-3 text-sm" data-testid="feed-links">
      <span>{t("feeds")}:</span>
      {formats.map(([format, label]) => (
        <a key={format} href={feedUrl(format, params, locale)} className="text-blue-800 underline">
          {label}
        </a>
      ))}
    </p>
  );
}
