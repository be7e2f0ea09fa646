import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { NoticeSummary } from "@/lib/notices/list-latest-notices";

/** A list of notices with agency, number, status, date and log position. */
export function NoticeList({ notices }: { notices: NoticeSummary[] }) {
  const t = useTranslations("home");
  const tk = useTranslations("kind");
  const locale = useLocale();
  if (notices.length === 0) return <p>{t("none")}</p>;
  return (
    <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
      {notices.map((n) => (
        <li key={n.id} className="p-4">
          <Link href={`/n/${n.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline" lang={n.language ?? undefined}>
            {n.title}
          </Link>
          <p className="mt-1 text-sm text-stone-600">
            {locale === "en" ? n.agency.nameEn : n.agency.nameZh}
            {n.number ? ` · ${n.number}` : ""} · {tk(n.kind)} · <time dateTime={n.updatedAt}>{n.updatedAt.slice(0, 10)}</time> ·{" "}
            {n.logIndex === null ? t("pending") : t("logIndex", { index: n.logIndex })}
          </p>
        </li>
      ))}
    </ul>
  );
}
