import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

/**
 * The localized 403 page of the admin pages (rendered by a segment's forbidden.tsx, which
 * Next answers with status 403). Says what is missing without naming what exists.
 */
export async function ForbiddenPage() {
  const t = await getTranslations("revise");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("forbidden.title")}</h1>
      <p>{t("forbidden.body")}</p>
      <p>{t("forbidden.hint")}</p>
      <p>
        <Link href="/admin" className="text-red-800 underline">
          {t("backToDashboard")}
        </Link>
      </p>
    </section>
  );
}
