import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AlertTokenPage } from "@/components/alerts/alert-token-page";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "alerts" });
  return { title: t("unsubscribeTitle"), robots: { index: false, follow: false } };
}

export default async function UnsubscribedPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("alerts");
  return (
    <AlertTokenPage title={t("unsubscribeTitle")}>
      <p role="status" className="rounded border border-green-800 bg-green-50 p-3" data-testid="alert-unsubscribed">
        {t("unsubscribed")}
      </p>
    </AlertTokenPage>
  );
}
