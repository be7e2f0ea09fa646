import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PortalTime } from "@/components/portal-time";
import { Link } from "@/i18n/navigation";
import { configuredMirror, loadMirrorInfo } from "@/lib/server/mirror/mirror-info";
import { MirrorEvidenceView } from "@/components/mirror/mirror-evidence";

// The status changes with every sync; on a server that is no mirror the page does not exist.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "mirror" });
  return { title: t("title") };
}

/** A mirror's public status (the same as GET /api/v1/mirror), in words a citizen can act on. */
export default async function MirrorStatusPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const config = configuredMirror();
  if (!config) notFound();
  const [{ info }, t] = await Promise.all([loadMirrorInfo(config), getTranslations("mirror")]);
  if (!info) throw new Error("the mirror's status cannot be read");
  const when = (iso: string | null) => (iso ? <PortalTime value={iso} style="dateTimeSeconds" /> : t("never"));
  const starting = info.state !== "refused" && !info.verifiedAt;
  const rows: [string, ReactNode][] = [
    [
      t("originUrl"),
      <code key="o" className="break-all font-mono">
        {info.origin}
      </code>,
    ],
    [
      t("logOrigin"),
      info.logOrigin ? (
        <code key="l" className="break-all font-mono">
          {info.logOrigin}
        </code>
      ) : (
        t("unknownValue")
      ),
    ],
    [t("size"), info.size],
    [t("verifiedAt"), when(info.verifiedAt)],
    [t("originSize"), info.originSize ?? t("unknownValue")],
    [t("lastError"), info.lastError ?? t("none")],
    [t("lastAttemptAt"), when(info.lastAttemptAt)],
  ];
  return (
    <article className="space-y-8 leading-relaxed">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p>{t("intro", { origin: info.origin })}</p>
      </header>
      <section
        aria-labelledby="state"
        data-testid="mirror-state"
        data-state={info.state}
        className={`space-y-2 rounded border-2 p-4 ${info.state === "refused" ? "border-red-800 bg-red-50" : info.state === "following" ? "border-stone-300 bg-white" : "border-amber-700 bg-amber-50"}`}
      >
        <h2 id="state" className="text-xl font-semibold">
          {t("stateTitle")}: {t(`state_${info.state}`)}
        </h2>
        <p>{t(starting ? "explain_starting" : `explain_${info.state}`)}</p>
      </section>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {info.evidence && <MirrorEvidenceView evidence={info.evidence} when={when} />}
      <p>
        <Link href="/about" className="text-red-800 underline underline-offset-2">
          {(await getTranslations("site"))("about")}
        </Link>
      </p>
    </article>
  );
}
