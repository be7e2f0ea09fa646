import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { UserCreateForm } from "@/components/admin/user-forms";
import { listAgenciesForAdmin } from "@/lib/server/admin/list-agencies-for-admin";
import { db } from "@/lib/server/db/client";
import { guarded } from "@/lib/server/admin/guard";
import { createUserAction } from "@/lib/server/admin/user-actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "adminUsers" });
  return { title: t("createTitle") };
}

export default async function NewUserPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const agencies = await guarded(locale, (actor) => listAgenciesForAdmin(db(), actor));
  const t = await getTranslations("adminUsers");
  return (
    <section className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("createTitle")}</h1>
      <UserCreateForm action={createUserAction.bind(null, locale)} agencies={agencies.map((a) => ({ id: a.id, name: locale === "en" ? a.nameEn : a.nameZh }))} />
    </section>
  );
}
