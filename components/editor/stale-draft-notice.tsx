import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { NewerVersion } from "@/lib/server/drafts/newer-version";

/**
 * What happened under a stale amend/correct draft, in so many words: the newer version (linked
 * to its public page), when and by whom it was published, the version the draft is based on,
 * and the way on (rebase page). Shown by the editor and by a refused publication.
 */
export function StaleDraftNotice({ newer, draftId }: { newer: NewerVersion; draftId: string }) {
  const t = useTranslations("editor.stale");
  const format = useFormatter();
  const locale = useLocale();
  const agency = locale === "en" ? newer.agency.nameEn : newer.agency.nameZh;
  const by = newer.publishedBy ? t("byClerk", { clerk: newer.publishedBy, agency }) : agency;
  const date = format.dateTime(new Date(newer.publishedAt), { dateStyle: "medium", timeStyle: "short" });
  return (
    <div role="alert" className="space-y-2 rounded border border-red-800 bg-red-50 p-3 text-red-900" data-testid="stale-draft">
      <p className="font-medium">
        {t.rich("message", {
          version: newer.version,
          base: newer.baseVersion,
          date,
          by,
          link: (chunks) => (
            <Link href={`/n/${newer.noticeId}/v/${newer.version}`} className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <p>
        <Link href={`/admin/drafts/${draftId}/rebase`} className="font-medium text-blue-900 underline">
          {t("rebaseLink", { version: newer.version })}
        </Link>
      </p>
    </div>
  );
}
