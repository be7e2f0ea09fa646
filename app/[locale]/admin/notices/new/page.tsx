import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { listOwnAgencies } from "@/lib/server/admin/get-admin-dashboard";
import { currentActor } from "@/lib/server/auth/current-actor";
import { db } from "@/lib/server/db/client";
import { startNoticeAction } from "@/lib/server/admin/notice-actions";
import { StartForm } from "@/components/admin/notice-start-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "editor" });
  return { title: t("newTitle") };
}

/** Step one of a new notice: which of the clerk's agencies publishes it. The editor follows. */
export default async function NewNoticePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await currentActor();
  if (!actor) return redirect({ href: "/admin/sign-in", locale });
  const t = await getTranslations("editor");
  // Only clerks publish (an administrator is not a clerk without an assignment): 403 for others.
  if (actor.role !== "clerk") forbidden();
  const agencies = await listOwnAgencies(db(), actor);
  return (
    <section className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("newTitle")}</h1>
      <p>{t("newIntro")}</p>
      {agencies.length === 0 ? (
        <p>{t("noAgencies")}</p>
      ) : (
        <StartForm action={startNoticeAction.bind(null, locale)} className="max-w-md space-y-4">
          <div>
            <label htmlFor="agencyId" className="font-medium">
              {t("agency")}
            </label>
            <select id="agencyId" name="agencyId" className="mt-1 block w-full rounded border border-stone-500 px-3 py-2">
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {locale === "en" ? a.nameEn : a.nameZh}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded bg-stone-800 px-4 py-2 font-medium text-white">
            {t("createDraft")}
          </button>
        </StartForm>
      )}
    </section>
  );
}
