import { useLocale } from "next-intl";
import { categoryOf } from "@/lib/shared/categories/vocabulary";

/**
 * A notice's stored category in the page's language (lib/shared/categories/vocabulary.ts); a value the
 * vocabulary does not know is shown as the notice committed it, in the notice's language.
 */
export function CategoryValue({ stored, lang }: { stored: string; lang: string | undefined }) {
  const locale = useLocale();
  const entry = categoryOf(stored);
  return entry ? <span>{entry.label[locale === "en" ? "en" : "zh-CN"]}</span> : <span lang={lang}>{stored}</span>;
}
