import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getAdminDashboard } from "@/lib/admin/get-admin-dashboard";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { signOutAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

const ROLE_LABEL = { administrator: "roleAdministrator", clerk: "roleClerk", auditor: "roleAuditor" } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "admin" });
  return { title: t("dashboardTitle") };
}

export default async function AdminPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await currentActor();
  if (!actor) return redirect({ href: "/admin/sign-in", locale });
  const dashboard = await getAdminDashboard(db(), actor);
  const t = await getTranslations("admin");
  const signOut = signOutAction.bind(null, locale);
  const agencyName = (a: { nameZh: string; nameEn: string }) => (locale === "en" ? a.nameEn : a.nameZh);
  return (
    <section className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("dashboardTitle")}</h1>
        <p>{t("signedInAs", { name: dashboard.name, email: dashboard.email })}</p>
        <p>
          {t("role")}: <strong>{t(dashboard.role ? ROLE_LABEL[dashboard.role] : "roleNone")}</strong>
        </p>
      </header>
      {dashboard.role === "clerk" && (
        <>
          <section aria-labelledby="agencies" className="space-y-2">
            <h2 id="agencies" className="text-xl font-semibold">{t("agencies")}</h2>
            {dashboard.agencies.length === 0 ? <p>{t("noAgencies")}</p> : (
              <ul className="list-disc pl-6">{dashboard.agencies.map((a) => <li key={a.id}>{agencyName(a)}</li>)}</ul>
            )}
          </section>
          <section aria-labelledby="notices" className="space-y-2">
            <h2 id="notices" className="text-xl font-semibold">{t("latestNotices")}</h2>
            {dashboard.notices.length === 0 ? <p>{t("noNotices")}</p> : (
              <ul className="space-y-1">
                {dashboard.notices.map((n) => (
                  <li key={n.id}>
                    <Link href={`/n/${n.id}`} className="underline">{n.title}</Link>{" "}
                    <span className="text-stone-600">· {n.logIndex === null ? t("pending") : t("logIndex", { index: n.logIndex })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <div className="flex flex-wrap items-start gap-4">
        <form action={signOut}>
          <button type="submit" className="rounded border border-stone-700 px-4 py-2">{t("signOut")}</button>
        </form>
        <form action={signOut}>
          <input type="hidden" name="everywhere" value="yes" />
          <button type="submit" aria-describedby="everywhere-hint" className="rounded border border-stone-700 px-4 py-2">{t("signOutEverywhere")}</button>
          <p id="everywhere-hint" className="mt-1 text-sm text-stone-600">{t("signOutEverywhereHint")}</p>
        </form>
      </div>
    </section>
  );
}
