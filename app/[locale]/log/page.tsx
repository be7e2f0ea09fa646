import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PortalTime } from "@/components/portal-time";
import { Link, redirect } from "@/i18n/navigation";
import { readDb } from "@/lib/server/db/read-db";
import { formatHash, type Hash } from "@/lib/core/log";
import { latestCheckpoint } from "@/lib/server/log-service/latest-checkpoint";
import { listCheckpointsBefore } from "@/lib/server/log-service/list-checkpoints-before";
import { LogCheckpointChain } from "@/components/log-checkpoint-chain";
import { LogEntryForm } from "@/components/log-entry-form";
import { indexParam } from "@/lib/server/pages/index-param";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "log" });
  return { title: t("title") };
}

export default async function LogPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const before = query.before === undefined ? undefined : indexParam(query.before);
  if (before === null) notFound();
  const [t, tl] = await Promise.all([getTranslations("log"), getTranslations("logList")]);
  const prisma = await readDb();
  const [latest, page] = await Promise.all([latestCheckpoint(prisma), listCheckpointsBefore(prisma, before, PAGE_SIZE + 1)]);
  const size = latest?.size ?? 0;

  // "Go to entry": a GET form, so it works without JavaScript; a bad number is answered here.
  const asked = typeof query.entry === "string" ? query.entry.trim() : undefined;
  const entry = asked === undefined ? null : indexParam(asked);
  if (entry !== null && entry < size) redirect({ href: `/log/entries/${entry}`, locale });
  const entryError = asked === undefined ? undefined : t("badEntry", { value: asked.slice(0, 40), max: Math.max(size - 1, 0) });

  const rows = page.slice(0, PAGE_SIZE);
  const olderThan = page.length > PAGE_SIZE ? rows.at(-1)!.size : null;
  return (
    <div className="space-y-10">
      <section aria-labelledby="log-title" className="space-y-3">
        <h1 id="log-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="leading-relaxed">{t("intro")}</p>
      </section>

      <section aria-labelledby="latest" className="space-y-3 rounded border border-stone-300 bg-white p-4">
        <h2 id="latest" className="text-xl font-semibold">
          {t("latest")}
        </h2>
        {latest ? (
          <>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-semibold">{t("size")}</dt>
              <dd data-testid="log-size">{latest.size}</dd>
              <dt className="font-semibold">{t("time")}</dt>
              <dd>
                <PortalTime value={latest.createdAt} style="dateTimeSeconds" />
              </dd>
              <dt className="font-semibold">{t("rootHash")}</dt>
              <dd className="break-all font-mono" data-testid="root-hash">
                {formatHash(latest.rootHash as Hash)}
              </dd>
            </dl>
            <h3 className="font-semibold">{t("note")}</h3>
            {/* Wrapped inside its box at any width (a signature line is one unbroken word of
                base64); the text, and so what is copied, is still the exact note. tabIndex: should it
                still scroll, a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
            <pre
              tabIndex={0}
              aria-label={t("note")}
              data-testid="checkpoint-note"
              className="max-w-full overflow-x-auto whitespace-pre-wrap break-all rounded bg-stone-100 p-3 font-mono text-sm"
            >
              {latest.note}
            </pre>
          </>
        ) : (
          <p>{t("noCheckpoint")}</p>
        )}
        <p className="text-sm text-stone-700">
          {t.rich("api", {
            api: (chunks) => (
              <a href="/api/v1/log" className="text-red-800 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      </section>

      <LogEntryForm size={size} value={asked} error={entryError} />

      <section aria-labelledby="browse" className="space-y-2">
        <h2 id="browse" className="text-xl font-semibold">
          {tl("title")}
        </h2>
        <p className="flex flex-col gap-1">
          <Link href="/log/entries" className="text-red-800 underline" data-testid="browse-entries">
            {tl("browse")}
          </Link>
          <Link href={{ pathname: "/log/entries", hash: "range-form" }} className="text-red-800 underline" data-testid="browse-range">
            {tl("browseHint")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="chain" className="space-y-3">
        <h2 id="chain" className="text-xl font-semibold">
          {t("chain")}
        </h2>
        <LogCheckpointChain checkpoints={rows} previousSizes={rows.map((_, i) => page[i + 1]?.size ?? 0)} olderThan={olderThan} />
      </section>
    </div>
  );
}
