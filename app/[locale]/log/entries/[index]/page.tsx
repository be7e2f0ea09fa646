import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { readDb } from "@/lib/server/db/read-db";
import { orNotFound } from "@/lib/server/pages/or-not-found";
import { getLogEntryDetail, type LogEntryDetail } from "@/lib/server/log-service/get-log-entry-detail";
import { LogLeafSummary } from "@/components/log-leaf-summary";
import { indexParam } from "@/lib/server/pages/index-param";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; index: string }> };

/** Any index that is not a canonical integer below the signed size is a 404, never a 500. */
async function load(raw: string): Promise<LogEntryDetail> {
  const index = indexParam(raw);
  if (index === null) notFound();
  return orNotFound(getLogEntryDetail(await readDb(), index));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, index } = await params;
  const [t, entry] = await Promise.all([getTranslations({ locale, namespace: "log" }), load(index)]);
  return { title: t("entryTitle", { index: entry.index }) };
}

export default async function LogEntryPage({ params }: Props) {
  const { locale, index } = await params;
  setRequestLocale(locale);
  const [t, entry] = await Promise.all([getTranslations("log"), load(index)]);
  const pretty = JSON.stringify(JSON.parse(entry.leafText), null, 2);
  return (
    <article className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">{t("entryTitle", { index: entry.index })}</h1>
      <LogLeafSummary entry={entry} />

      <section aria-labelledby="leaf" className="space-y-2">
        <h2 id="leaf" className="text-xl font-semibold">
          {t("leaf")}
        </h2>
        <p className="text-sm text-stone-700">{t("leafNote")}</p>
        <pre tabIndex={0} aria-labelledby="leaf" data-testid="leaf-json" className="overflow-x-auto rounded bg-stone-100 p-3 font-mono text-sm">
          {pretty}
        </pre>
      </section>

      <ul className="space-y-1">
        <li>
          <a href={`/api/v1/log/proof/inclusion?index=${entry.index}&size=${entry.treeSize}`} className="text-red-800 underline">
            {t("inclusionProof", { size: entry.treeSize })}
          </a>
        </li>
        <li>
          <a href={`/api/v1/log/entries/${entry.index}`} className="text-red-800 underline">
            {t("rawEntry")}
          </a>
        </li>
      </ul>

      <nav aria-label={t("title")} className="flex flex-wrap gap-4">
        {entry.index > 0 && (
          <Link href={`/log/entries/${entry.index - 1}`} rel="prev" className="text-red-800 underline">
            {t("previous")}
          </Link>
        )}
        {entry.index + 1 < entry.treeSize && (
          <Link href={`/log/entries/${entry.index + 1}`} rel="next" className="text-red-800 underline">
            {t("next")}
          </Link>
        )}
        <Link href="/log" className="text-red-800 underline">
          {t("backToLog")}
        </Link>
      </nav>
    </article>
  );
}
