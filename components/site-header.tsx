import { Suspense } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { LanguageSwitch } from "./language-switch";
import { ReadingModeSwitch } from "./reading-mode";

const NAV = [
  { href: "/notices", key: "notices" },
  { href: "/agencies", key: "agencies" },
  { href: "/log", key: "log" },
  { href: "/verify", key: "verify" },
  { href: "/about", key: "about" },
] as const;

/**
 * Not sticky: at 320 px with large text a fixed header would cover much of the screen and
 * could hide the focused element (WCAG 2.4.11). Everything wraps instead of scrolling sideways.
 */
export function SiteHeader() {
  const t = useTranslations("site");
  const locale = useLocale();
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-4">
        <Link href="/" className="text-xl font-semibold text-red-800 hover:underline">
          {locale === "en" ? "Gongshi 公示" : "公示 Gongshi"}
        </Link>
        <nav aria-label={t("nav")}>
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-red-800 underline underline-offset-2">
                  {t(item.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          {/* The switch reads the query string; on a prerendered page it fills in after hydration. */}
          <Suspense>
            <LanguageSwitch label={t("switchLanguage")} description={t("switchLanguageLabel")} target={locale === "en" ? "zh-CN" : "en"} />
          </Suspense>
          <ReadingModeSwitch />
        </div>
      </div>
    </header>
  );
}
