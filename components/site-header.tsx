import { Suspense } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { LanguageSwitch } from "./language-switch";

export function SiteHeader() {
  const t = useTranslations("site");
  const locale = useLocale();
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-4xl items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="text-xl font-semibold text-red-800 hover:underline">
          {locale === "en" ? "Gongshi 公示" : "公示 Gongshi"}
        </Link>
        <nav aria-label={t("nav")} className="flex items-center gap-4">
          <Link href="/agencies" className="text-red-800 underline">
            {t("agencies")}
          </Link>
          {/* The switch reads the query string; on a prerendered page it fills in after hydration. */}
          <Suspense>
            <LanguageSwitch label={t("switchLanguage")} description={t("switchLanguageLabel")} target={locale === "en" ? "zh-CN" : "en"} />
          </Suspense>
        </nav>
      </div>
    </header>
  );
}
