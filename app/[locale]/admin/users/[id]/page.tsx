import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { UserAccessForm, UserDisableForm, UserPasswordForm } from "@/components/admin/user-forms";
import { ROLE_LABEL } from "@/components/admin/role-label";
import { Link } from "@/i18n/navigation";
import { listAgenciesForAdmin } from "@/lib/server/admin/list-agencies-for-admin";
import { getUserForAdmin } from "@/lib/server/admin/list-users-for-admin";
import { db } from "@/lib/server/db/client";
import { guarded } from "@/lib/server/admin/guard";
import { changeAccessAction, disableUserAction, resetPasswordAction } from "@/lib/server/admin/user-actions";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "adminUsers" });
  return { title: t("accessTitle") };
}

export default async function UserPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const [user, agencies] = await guarded(locale, (actor) => Promise.all([getUserForAdmin(db(), actor, id), listAgenciesForAdmin(db(), actor)]));
  if (!user) notFound();
  const [t, ta] = await Promise.all([getTranslations("adminUsers"), getTranslations("admin")]);
  const choices = agencies.map((a) => ({ id: a.id, name: locale === "en" ? a.nameEn : a.nameZh }));
  return (
    <section className="space-y-8">
      <header className="space-y-2">
        <p>
          <Link href="/admin/users" className="text-red-800 underline">
            {t("title")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{t("editTitle", { email: user.email })}</h1>
        <p>
          {user.name} · {user.role ? ta(ROLE_LABEL[user.role]) : t("disabled")}
        </p>
      </header>
      <section aria-labelledby="access" className="space-y-2">
        <h2 id="access" className="text-xl font-semibold">
          {t("accessTitle")}
        </h2>
        <p>{t("accessIntro")}</p>
        <UserAccessForm
          action={changeAccessAction.bind(null, locale)}
          userId={user.id}
          agencies={choices}
          role={user.role}
          agencyIds={user.agencyIds}
          reviewAgencyIds={user.reviewAgencyIds}
        />
      </section>
      <section aria-labelledby="password-heading" className="space-y-2">
        <h2 id="password-heading" className="text-xl font-semibold">
          {t("passwordTitle")}
        </h2>
        <p>{t("passwordIntro")}</p>
        <UserPasswordForm action={resetPasswordAction} userId={user.id} />
      </section>
      <section aria-labelledby="disable" className="space-y-2">
        <h2 id="disable" className="text-xl font-semibold">
          {t("disableTitle")}
        </h2>
        <p>{t("disableIntro")}</p>
        <UserDisableForm action={disableUserAction.bind(null, locale)} userId={user.id} email={user.email} />
      </section>
    </section>
  );
}
