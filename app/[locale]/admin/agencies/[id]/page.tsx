import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AgencyForm } from "@/components/admin/agency-form";
import { Link } from "@/i18n/navigation";
import { getAgencyForAdmin } from "@/lib/server/admin/list-agencies-for-admin";
import { db } from "@/lib/server/db/client";
import { guarded } from "@/lib/server/admin/guard";
import { updateAgencyAction } from "@/lib/server/admin/agency-actions";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "adminAgencies" });
  return { title: t("editTitle", { id }) };
}

export default async function EditAgencyPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const agency = await guarded(locale, (actor) => getAgencyForAdmin(db(), actor, id));
  if (!agency) notFound();
  const t = await getTranslations("adminAgencies");
  return (
    <section className="space-y-6">
      <p>
        <Link href="/admin/agencies" className="text-red-800 underline">
          {t("title")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">{t("editTitle", { id: agency.id })}</h1>
      <AgencyForm action={updateAgencyAction} agency={agency} />
    </section>
  );
}
