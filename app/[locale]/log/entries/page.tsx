import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPortalTime } from "@/components/portal-time-server";
import { Link } from "@/i18n/navigation";
import { readDb } from "@/lib/server/db/read-db";
import { latestCheckpoint } from "@/lib/server/log-service/latest-checkpoint";
import { listLogEntries, LogRangeError, type LogEntriesPage, type RangeEnd } from "@/lib/server/log-service/list-log-entries";
import { parseLogListQuery, type LogListQuery } from "@/lib/server/log-service/log-list-query";
import { LogEntryList } from "@/components/log-entry-list";
import { LogRangeForm } from "@/components/log-range-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
type Translator = Awaited<ReturnType<typeof getTranslations<"logList">>>;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "logList" });
  const query = await searchParams;
  // Every page of millions of entries is for people, not for crawlers: only the first is indexed.
  const paged = Object.keys(query).length > 0;
  return { title: t("title"), robots: paged ? { index: false, follow: true } : undefined };
}

type Loaded = { page: LogEntriesPage } | { error: { fields: ("from" | "to")[]; message: string }; size: number };

/** The page, or the visitor's mistake in their language: bad input is never a 404 or a 500 here. */
async function load(t: Translator, raw: Record<string, string | string[] | undefined>): Promise<Loaded> {
  const parsed = parseLogListQuery(raw);
  const size = async () => (await latestCheckpoint(await readDb()))?.size ?? 0;
  if (!parsed.ok) {
    const { param, value } = parsed.problem;
    return { error: { fields: param === "before" ? [] : [param], message: t("error.notANumber", { param, value }) }, size: await size() };
  }
  try {
    return { page: await listLogEntries(await readDb(), parsed.query) };
  } catch (e) {
    if (!(e instanceof LogRangeError)) throw e;
    return { error: rangeError(t, e, parsed.query), size: e.detail.size };
  }
}

function rangeError(t: Translator, e: LogRangeError, query: LogListQuery): { fields: ("from" | "to")[]; message: string } {
  const { from, to, value, size } = e.detail;
  if (e.code === "from-after-to") return { fields: ["from", "to"], message: t("error.fromAfterTo", { from: from!, to: to! }) };
  const fields: ("from" | "to")[] = query.from === value ? ["from"] : ["to"];
  return { fields, message: t(e.code === "beyond-log" ? "error.beyondLog" : "error.noCheckpoint", { value: value!, size }) };
}

export default async function LogEntriesPageView({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = await searchParams;
  const [t, time] = await Promise.all([getTranslations("logList"), getPortalTime()]);
  const loaded = await load(t, raw);
  const typed = (name: string) => (typeof raw[name] === "string" ? (raw[name] as string).slice(0, 40) : undefined);
  const range = "page" in loaded ? loaded.page.range : null;
  const endLabel = (end: RangeEnd) => (end.createdAt === null ? t("startLabel") : t("checkpointLabel", { size: end.size, time: time(end.createdAt, "dateTimeSeconds") }));

  return (
    <div className="space-y-8">
      <section aria-labelledby="log-list-title" className="space-y-3">
        <h1 id="log-list-title" className="text-3xl font-bold tracking-tight">
          {range ? t("rangeTitle", { from: range.from.size, to: range.to.size }) : t("title")}
        </h1>
        <p className="leading-relaxed">{t("intro")}</p>
        <p className="flex flex-wrap gap-x-4">
          {(range || "error" in loaded || raw.before !== undefined) && (
            <Link href="/log/entries" className="text-blue-800 underline">
              {t("allEntries")}
            </Link>
          )}
          <Link href="/log#chain" className="text-blue-800 underline">
            {t("chainLink")}
          </Link>
        </p>
      </section>

      {range && (
        <p className="rounded border border-blue-800 bg-blue-50 p-3" data-testid="range-statement">
          {t("statement", {
            count: range.to.size - range.from.size,
            first: range.from.size,
            last: range.to.size - 1,
            fromLabel: endLabel(range.from),
            toLabel: endLabel(range.to),
          })}
        </p>
      )}

      <LogRangeForm
        action={`/${locale}/log/entries`}
        size={"page" in loaded ? loaded.page.size : loaded.size}
        from={typed("from")}
        to={typed("to")}
        error={"error" in loaded ? loaded.error : undefined}
      />

      {"page" in loaded && (
        <section aria-labelledby="entries" className="space-y-3">
          <h2 id="entries" className="text-xl font-semibold">
            {t("entries")}
          </h2>
          <LogEntryList page={loaded.page} />
        </section>
      )}
    </div>
  );
}
