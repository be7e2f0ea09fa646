import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { KeyFingerprint } from "@/components/verify/verify-panel";
import { VerifyBundleForm } from "@/components/verify/verify-bundle-form";
import { VerifyFileLookup } from "@/components/verify/verify-file-lookup";
import { VerifyLinkForm } from "@/components/verify/verify-link-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "verify.page" });
  return { title: t("title") };
}

/** Verifying without the notice page: a proof bundle, a file one holds, or a notice link. */
export default async function VerifyPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("verify.page");
  const section = "space-y-3 rounded border border-stone-300 bg-white p-4";
  return (
    <article className="space-y-8 leading-relaxed">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p>{t("intro")}</p>
        <KeyFingerprint />
      </header>
      <section aria-labelledby="verify-link" className={section}>
        <h2 id="verify-link" className="text-xl font-semibold">
          {t("linkTitle")}
        </h2>
        <VerifyLinkForm />
      </section>
      <section aria-labelledby="verify-file" className={section}>
        <h2 id="verify-file" className="text-xl font-semibold">
          {t("fileTitle")}
        </h2>
        <p>{t("fileIntro")}</p>
        <VerifyFileLookup />
      </section>
      <section aria-labelledby="verify-bundle" className={section}>
        <h2 id="verify-bundle" className="text-xl font-semibold">
          {t("bundleTitle")}
        </h2>
        <p>{t("bundleIntro")}</p>
        <VerifyBundleForm />
      </section>
    </article>
  );
}
