import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getRetractionTarget } from "@/lib/server/admin/get-retraction-target";
import { db } from "@/lib/server/db/client";
import { orNotFound } from "@/lib/server/pages/or-not-found";
import { guarded } from "@/lib/server/admin/guard";
import { retractAction } from "./actions";
import { RetractForm } from "./retract-form";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "revise.retract" });
  return { title: t("metaTitle", { id }) };
}

/** Only clerks of the notice's agency (403 for others, the sign-in page when signed out). */
export default async function RetractPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const target = await guarded(locale, (actor) => orNotFound(getRetractionTarget(db(), actor, id)));
  const [t, tr, tk] = await Promise.all([getTranslations("revise"), getTranslations("revise.retract"), getTranslations("kind")]);
  return (
    <section className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{tr("title")}</h1>
        <p className="leading-relaxed">{tr("intro")}</p>
      </header>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded border border-stone-300 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{tr("notice")}</dt>
        <dd>
          <span className="font-medium">{target.title}</span> <span className="font-mono text-sm">({target.noticeId})</span>
        </dd>
        <dt className="font-semibold">{tr("agency")}</dt>
        <dd>{locale === "en" ? target.agency.nameEn : target.agency.nameZh}</dd>
        <dt className="font-semibold">{tr("currentVersion")}</dt>
        <dd data-testid="current-version">{tr("versionKind", { version: target.latestVersion, kind: tk(target.latestKind) })}</dd>
      </dl>
      {target.retracted ? (
        <p role="note" className="rounded border-l-4 border-red-700 bg-red-50 p-3">
          {tr("alreadyRetracted")}
        </p>
      ) : (
        <RetractForm action={retractAction.bind(null, locale)} noticeId={target.noticeId} baseVersion={target.latestVersion} />
      )}
      <p className="flex flex-wrap gap-4">
        <Link href={`/n/${target.noticeId}`} className="text-red-800 underline">
          {t("viewPublic")}
        </Link>
        <Link href="/admin" className="text-red-800 underline">
          {t("backToDashboard")}
        </Link>
      </p>
    </section>
  );
}
