import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { db } from "@/lib/server/db/client";
import { describeFilter, type AlertLocale } from "@/lib/server/alerts/alert-mails";
import { agencyNames } from "@/lib/server/agencies/agency-names";
import { portalMailer } from "@/lib/server/alerts/mailer";
import { filterFromQuery, filterSearchParams } from "@/lib/shared/alerts/subscription-filter";
import { toSearchParams } from "@/lib/shared/search/search-params";
import { SubscribeForm } from "@/components/alerts/subscribe-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "alerts" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Alerts are off without SMTP_URL, and a malformed setting turns them off rather than failing the page. */
function alertsAvailable(): boolean {
  try {
    return portalMailer() !== null;
  } catch {
    return false;
  }
}

export default async function SubscribePage(props: Props) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const t = await getTranslations("alerts");
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await props.searchParams)) for (const v of [value ?? []].flat()) query.append(key, v);
  const filter = filterFromQuery(query);
  const what = describeFilter(filter, locale as AlertLocale, await agencyNames(db(), filter.agency));
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-stone-700">{t("intro")}</p>
      </header>
      <section aria-labelledby="alert-what" className="space-y-1">
        <h2 id="alert-what" className="text-lg font-semibold">
          {t("subscribingTo")}
        </h2>
        <p data-testid="alert-what">{what}</p>
      </section>
      {alertsAvailable() ? (
        // The public layout gives client components only the verifier's messages; the form needs its own.
        <NextIntlClientProvider messages={{ alerts: (await getMessages()).alerts }}>
          <SubscribeForm locale={locale} filter={toSearchParams(filterSearchParams(filter)).toString()} />
        </NextIntlClientProvider>
      ) : (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3" data-testid="alerts-unavailable">
          {t("unavailable")}
        </p>
      )}
    </div>
  );
}
