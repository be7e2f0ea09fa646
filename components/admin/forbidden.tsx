import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

/** What a signed-in user sees, with status 403, on an admin page their role does not allow. */
export function Forbidden() {
  const t = useTranslations("adminForbidden");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/admin" className="text-red-800 underline">
          {t("back")}
        </Link>
      </p>
    </section>
  );
}
