import { useTranslations } from "next-intl";
import type { SearchHit } from "@/lib/server/api/contract";
import { SearchHitRow } from "./search/search-hit-row";

/** A list of notices with agency, number, status, date and log position. */
export function NoticeList({ notices }: { notices: SearchHit[] }) {
  const t = useTranslations("home");
  if (notices.length === 0) return <p>{t("none")}</p>;
  return (
    <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
      {notices.map((n) => (
        <SearchHitRow key={n.id} hit={n} />
      ))}
    </ul>
  );
}
