import { useLocale } from "next-intl";

/** Each notice language by its own name, so a reader who cannot read the page's language still finds theirs. */
const AUTONYMS: Record<string, string> = { "zh-CN": "中文", en: "English" };

/**
 * A small tag naming a notice's language when it is not the page's: lists keep every notice,
 * and a reader sees at a glance which rows are in the other language.
 */
export function LanguageTag({ language }: { language: string | null | undefined }) {
  const locale = useLocale();
  if (!language || language === locale) return null;
  return (
    <span lang={language} data-testid="language-tag" className="ml-2 inline-block rounded border border-stone-500 px-1 align-middle text-xs font-normal text-stone-800">
      {AUTONYMS[language] ?? language}
    </span>
  );
}
