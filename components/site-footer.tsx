import { useTranslations } from "next-intl";

export function SiteFooter() {
  const t = useTranslations("site");
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-4xl px-4 py-6 text-sm text-stone-600">
        <p>{t("footer")}</p>
      </div>
    </footer>
  );
}
