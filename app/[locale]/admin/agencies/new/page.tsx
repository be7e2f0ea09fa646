import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AgencyForm } from "@/components/admin/agency-form";
import { requireRole } from "@/lib/server/auth/authorize";
import { guarded } from "@/lib/server/admin/guard";
import { createAgencyAction } from "@/lib/server/admin/agency-actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "adminAgencies" });
  return { title: t("createTitle") };
}

export default async function NewAgencyPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  // The form needs no data; only the check that the visitor may create agencies (createAgency checks again).
  await guarded(locale, async (actor) => requireRole(actor, "administrator"));
  const t = await getTranslations("adminAgencies");
  return (
    <section className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("createTitle")}</h1>
      <AgencyForm action={createAgencyAction.bind(null, locale)} />
    </section>
  );
}
