import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { currentActor } from "@/lib/server/auth/current-actor";
import { signInAction } from "@/lib/server/auth/sign-in-actions";
import { SignInForm } from "./sign-in-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "admin" });
  return { title: t("signInTitle") };
}

export default async function SignInPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  if (await currentActor()) redirect({ href: "/admin", locale });
  const t = await getTranslations("admin");
  return (
    <section className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("signInTitle")}</h1>
      <p>{t("signInIntro")}</p>
      <SignInForm action={signInAction.bind(null, locale)} />
    </section>
  );
}
