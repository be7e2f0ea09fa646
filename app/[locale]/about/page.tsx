import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getLogIdentity } from "@/lib/server/log-service/get-log-identity";
import { WitnessPolicySection } from "@/components/verify/witness-policy-section";
import { configuredMirror } from "@/lib/server/mirror/mirror-info";
import { AboutJournalists } from "@/components/about-journalists";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "about" });
  return { title: t("title") };
}

const SECTIONS = [
  { id: "log", title: "logTitle", paragraphs: ["log"] },
  { id: "checkpoints", title: "checkpointTitle", paragraphs: ["checkpoint"] },
  { id: "proofs", title: "proofsTitle", paragraphs: ["inclusion", "consistency"] },
  { id: "commitments", title: "commitmentsTitle", paragraphs: ["commitments", "withheld"] },
] as const;

const STEPS = ["step1", "step2", "step3", "step4", "step5", "step6", "step7"] as const;

export default async function AboutPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("about");
  const identity = getLogIdentity();
  const mirror = configuredMirror();
  const tm = await getTranslations("mirror");
  return (
    <article className="space-y-8 leading-relaxed">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p>{t("intro")}</p>
      </header>
      {SECTIONS.map((s) => (
        <section key={s.id} aria-labelledby={s.id} className="space-y-2">
          <h2 id={s.id} className="text-xl font-semibold">
            {t(s.title)}
          </h2>
          {s.paragraphs.map((p) => (
            <p key={p}>{t(p)}</p>
          ))}
        </section>
      ))}
      <section aria-labelledby="verify" className="space-y-2">
        <h2 id="verify" className="text-xl font-semibold">
          {t("verifyTitle")}
        </h2>
        <p>{t("verifyIntro")}</p>
        <ol className="list-decimal space-y-1 ps-6">
          {STEPS.map((step) => (
            <li key={step}>{t(step)}</li>
          ))}
        </ol>
        <p>{t("verdictNote")}</p>
        <p>{t("fileCheck")}</p>
        <p>
          {t.rich("verifyPage", {
            verify: (chunks) => (
              <Link href="/verify" className="text-blue-800 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>
      <section aria-labelledby="bundle" className="space-y-2">
        <h2 id="bundle" className="text-xl font-semibold">
          {t("bundleTitle")}
        </h2>
        <p>{t("bundle")}</p>
      </section>
      <AboutJournalists />
      <section aria-labelledby="identity" className="space-y-2 rounded border border-stone-300 bg-white p-4">
        <h2 id="identity" className="text-xl font-semibold">
          {t("keyTitle")}
        </h2>
        <p>{t("keyIntro")}</p>
        {mirror && (
          <p data-testid="about-mirror">
            {tm.rich("about", {
              origin: mirror.originUrl,
              status: (chunks) => (
                <Link href="/mirror" className="text-blue-800 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
        {identity ? (
          <dl className="space-y-1">
            <dt className="font-semibold">{t("origin")}</dt>
            <dd className="break-all font-mono" data-testid="log-origin">
              {identity.origin}
            </dd>
            <dt className="font-semibold">{t("verifierKey")}</dt>
            <dd className="break-all font-mono" data-testid="verifier-key">
              {identity.verifierKey}
            </dd>
            <dt className="font-semibold">{t("fingerprint")}</dt>
            <dd className="break-all font-mono" data-testid="key-fingerprint">
              {identity.fingerprint}
            </dd>
          </dl>
        ) : (
          <p>{t("noKey")}</p>
        )}
      </section>
      <WitnessPolicySection />
    </article>
  );
}
