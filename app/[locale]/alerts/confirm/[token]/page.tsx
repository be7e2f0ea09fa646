import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { db } from "@/lib/server/db/client";
import { describeTokenSubscription } from "@/lib/server/alerts/alert-token-lookup";
import type { AlertLocale } from "@/lib/server/alerts/alert-mails";
import { AlertTokenPage, TokenButtonForm } from "@/components/alerts/alert-token-page";
import { confirmAction } from "@/lib/server/alerts/alert-page-actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "alerts" });
  return { title: t("confirmTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** GET changes nothing (mail scanners follow links): it shows what is to be confirmed and a button. */
export default async function ConfirmPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("alerts");
  const found = await describeTokenSubscription(db(), token, "confirm", locale as AlertLocale);
  return (
    <AlertTokenPage title={t("confirmTitle")}>
      {!found ? (
        <p data-testid="alert-invalid">{t("invalidLink")}</p>
      ) : found.confirmed ? (
        <p role="status" className="rounded border border-green-800 bg-green-50 p-3" data-testid="alert-confirmed">
          {t("confirmed")}
        </p>
      ) : (
        <>
          <p>{t("confirmIntro", { email: found.email })}</p>
          <p className="font-medium" data-testid="alert-what">
            {found.what}
          </p>
          <TokenButtonForm action={confirmAction.bind(null, locale)} token={token} label={t("confirmButton")} testId="alert-confirm" />
        </>
      )}
    </AlertTokenPage>
  );
}
