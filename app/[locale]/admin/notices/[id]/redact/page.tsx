import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getRedactionChoices } from "@/lib/server/admin/get-redaction-choices";
import { db } from "@/lib/server/db/client";
import { orNotFound } from "@/lib/server/pages/or-not-found";
import { guarded } from "@/lib/server/admin/guard";
import { redactAction } from "./actions";
import { RedactForm } from "./redact-form";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "revise.redact" });
  return { title: t("metaTitle", { id }) };
}

/** Administrators only (403 for everyone else signed in, the sign-in page when signed out). */
export default async function RedactPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const choices = await guarded(locale, (actor) => orNotFound(getRedactionChoices(db(), actor, id)));
  const [t, tr] = await Promise.all([getTranslations("revise"), getTranslations("revise.redact")]);
  const logged = choices.versions.some((v) => v.logIndex !== null);
  return (
    <section className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{tr("title")}</h1>
        <p className="leading-relaxed">{tr("intro")}</p>
        <p role="note" className="rounded border-l-4 border-red-700 bg-red-50 p-3 font-medium">
          {tr("basisWarning")}
        </p>
      </header>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded border border-stone-300 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{tr("notice")}</dt>
        <dd>
          <span className="font-medium">{choices.title}</span> <span className="font-mono text-sm">({choices.noticeId})</span>
        </dd>
        <dt className="font-semibold">{tr("agency")}</dt>
        <dd>{locale === "en" ? choices.agency.nameEn : choices.agency.nameZh}</dd>
      </dl>
      {logged ? <RedactForm action={redactAction.bind(null, locale)} choices={choices} /> : <p>{tr("noLoggedVersion")}</p>}
      <p className="flex flex-wrap gap-4">
        <Link href={`/n/${choices.noticeId}`} className="text-red-800 underline">
          {t("viewPublic")}
        </Link>
        <Link href="/admin" className="text-red-800 underline">
          {t("backToDashboard")}
        </Link>
      </p>
    </section>
  );
}
