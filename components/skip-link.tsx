import { useTranslations } from "next-intl";

/** First focusable element on every page; visible only when focused (WCAG 2.4.1). */
export function SkipLink() {
  const t = useTranslations("site");
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-red-800 focus:shadow focus:outline-2 focus:outline-red-800"
    >
      {t("skip")}
    </a>
  );
}
