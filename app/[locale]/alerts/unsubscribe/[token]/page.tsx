import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { db } from "@/lib/server/db/client";
import { describeTokenSubscription } from "@/lib/server/alerts/alert-token-lookup";
import type { AlertLocale } from "@/lib/server/alerts/alert-mails";
import { AlertTokenPage, TokenButtonForm } from "@/components/alerts/alert-token-page";
import { unsubscribeAction } from "@/lib/server/alerts/alert-page-actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "alerts" });
  return { title: t("unsubscribeTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The unsubscribe link of every mail. GET shows a button (a mail scanner following the link
 * must not end the subscription); mail programs that offer one-click unsubscribe POST to
 * /api/alerts/unsubscribe/<token> instead (RFC 8058), which needs no page.
 */
export default async function UnsubscribePage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("alerts");
  const found = await describeTokenSubscription(db(), token, "unsubscribe", locale as AlertLocale);
  return (
    <AlertTokenPage title={t("unsubscribeTitle")}>
      {!found ? (
        <p data-testid="alert-invalid">{t("invalidLink")}</p>
      ) : (
        <>
          <p>{t("unsubscribeIntro", { email: found.email })}</p>
          <p className="font-medium" data-testid="alert-what">
            {found.what}
          </p>
          <TokenButtonForm action={unsubscribeAction.bind(null, locale)} token={token} label={t("unsubscribeButton")} testId="alert-unsubscribe" />
        </>
      )}
    </AlertTokenPage>
  );
}
