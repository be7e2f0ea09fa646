import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { LogIdentity } from "@/lib/server/log-service/get-log-identity";

/** The footer; `identity` is the served log's (lib/server/log-service/get-log-identity.ts), null without a key. */
export function SiteFooter({ identity }: { identity: LogIdentity | null }) {
  const t = useTranslations("site");
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-4xl space-y-3 px-4 py-6 text-sm text-stone-700">
        <nav aria-label={t("footerNav")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            <li>
              <Link href="/about" className="text-red-800 underline underline-offset-2">
                {t("about")}
              </Link>
            </li>
            <li>
              <Link href="/accessibility" className="text-red-800 underline underline-offset-2">
                {t("accessibility")}
              </Link>
            </li>
            <li>
              <Link href="/log" className="text-red-800 underline underline-offset-2">
                {t("log")}
              </Link>
            </li>
          </ul>
        </nav>
        <p>{t("footer")}</p>
        {identity && (
          <p>
            {t("logOrigin")} <code className="break-all font-mono">{identity.origin}</code>
          </p>
        )}
      </div>
    </footer>
  );
}
