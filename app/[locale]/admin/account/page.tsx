import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OwnNameForm, OwnPasswordForm } from "@/components/admin/account-forms";
import { requireEnabledSession } from "@/lib/server/auth/account-enabled";
import { guarded } from "@/lib/server/admin/guard";
import { changeOwnPasswordAction, renameSelfAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "adminAccount" });
  return { title: t("title") };
}

export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await guarded(locale, async (actor) => requireEnabledSession(actor));
  const t = await getTranslations("adminAccount");
  return (
    <section className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p>{t("intro", { email: me.email })}</p>
      </header>
      <section aria-labelledby="name-heading" className="space-y-2">
        <h2 id="name-heading" className="text-xl font-semibold">
          {t("nameTitle")}
        </h2>
        <OwnNameForm action={renameSelfAction.bind(null, locale)} name={me.name} />
      </section>
      <section aria-labelledby="password-heading" className="space-y-2">
        <h2 id="password-heading" className="text-xl font-semibold">
          {t("passwordTitle")}
        </h2>
        <p>{t("passwordIntro")}</p>
        <OwnPasswordForm action={changeOwnPasswordAction} />
      </section>
    </section>
  );
}
