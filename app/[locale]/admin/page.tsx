import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getAdminDashboard } from "@/lib/server/admin/get-admin-dashboard";
import { currentActor } from "@/lib/server/auth/current-actor";
import { db } from "@/lib/server/db/client";
import { WitnessStatus } from "@/components/admin/witness-status";
import { ReviewQueueLists } from "@/components/review/review-queue";
import { listReviewQueue } from "@/lib/server/drafts/list-review-queue";
import { signOutAction } from "@/lib/server/auth/sign-in-actions";

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
  const reviewQueue = dashboard.role === "clerk" ? await listReviewQueue(db(), actor) : null;
  const t = await getTranslations("admin");
  const te = await getTranslations("editor");
  const tw = await getTranslations("adminWork");
  const format = await getFormatter();
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
            <h2 id="agencies" className="text-xl font-semibold">
              {t("agencies")}
            </h2>
            {dashboard.agencies.length === 0 ? (
              <p>{t("noAgencies")}</p>
            ) : (
              <ul className="list-disc pl-6">
                {dashboard.agencies.map((a) => (
                  <li key={a.id}>{agencyName(a)}</li>
                ))}
              </ul>
            )}
          </section>
          <p className="flex flex-wrap items-center gap-4">
            <Link href="/admin/notices/new" className="inline-block rounded bg-stone-800 px-4 py-2 font-medium text-white">
              {te("dashboard.newNotice")}
            </Link>
            <Link href="/admin/work" className="font-medium text-red-800 underline">
              {tw("dashboardLink")}
            </Link>
          </p>
          {reviewQueue && <ReviewQueueLists queue={reviewQueue} isReviewer={(actor.reviewAgencyIds ?? []).length > 0} />}
          <section aria-labelledby="drafts" className="space-y-2">
            <h2 id="drafts" className="text-xl font-semibold">
              {te("dashboard.drafts")}
            </h2>
            {dashboard.drafts.length === 0 ? (
              <p>{te("dashboard.noDrafts")}</p>
            ) : (
              <ul className="space-y-1">
                {dashboard.drafts.map((d) => (
                  <li key={d.id}>
                    <Link href={`/admin/drafts/${d.id}`} className="underline">
                      {d.title || te("dashboard.untitled")}
                    </Link>{" "}
                    <span className="text-stone-700">
                      · {te(`kind.${d.kind}`)}
                      {d.noticeId ? ` ${d.noticeId}` : ""} ·{" "}
                      {te("dashboard.savedAt", { date: format.dateTime(new Date(d.updatedAt), { dateStyle: "medium", timeStyle: "short" }) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {(["pending", "published"] as const).map((list) => (
            <section key={list} aria-labelledby={`${list}-notices`} className="space-y-2">
              <h2 id={`${list}-notices`} className="text-xl font-semibold">
                {te(`dashboard.${list}`)}
              </h2>
              {dashboard[list].length === 0 ? (
                <p>{te(list === "pending" ? "dashboard.noPending" : "dashboard.noPublished")}</p>
              ) : (
                <ul className="space-y-1">
                  {dashboard[list].map((n) => (
                    <li key={n.id}>
                      <Link href={`/admin/notices/${n.id}`} className="underline">
                        {n.title}
                      </Link>{" "}
                      <span className="text-stone-700">
                        · {n.id} · {n.logIndex === null ? t("pending") : t("logIndex", { index: n.logIndex })}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
      {dashboard.witnessing && <WitnessStatus witnessing={dashboard.witnessing} />}
      <div className="flex flex-wrap items-start gap-4">
        <form action={signOut}>
          <button type="submit" className="rounded border border-stone-700 px-4 py-2">
            {t("signOut")}
          </button>
        </form>
        <form action={signOut}>
          <input type="hidden" name="everywhere" value="yes" />
          <button type="submit" aria-describedby="everywhere-hint" className="rounded border border-stone-700 px-4 py-2">
            {t("signOutEverywhere")}
          </button>
          <p id="everywhere-hint" className="mt-1 text-sm text-stone-600">
            {t("signOutEverywhereHint")}
          </p>
        </form>
      </div>
    </section>
  );
}
