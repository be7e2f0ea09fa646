import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "a11y" });
  return { title: t("title") };
}

const SECTIONS = [
  { id: "target", title: "targetTitle", paragraphs: ["target"], list: false },
  { id: "reading", title: "readingTitle", paragraphs: ["reading"], list: false },
  { id: "testing", title: "testingTitle", paragraphs: ["testing1", "testing2", "testing3"], list: true },
  { id: "limits", title: "limitsTitle", paragraphs: ["limit1", "limit2", "limit3"], list: true },
  { id: "contact", title: "contactTitle", paragraphs: ["contact"], list: false },
] as const;

export default async function AccessibilityPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("a11y");
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
          {s.list ? (
            <ul className="list-disc space-y-1 ps-6">
              {s.paragraphs.map((p) => (
                <li key={p}>{t(p)}</li>
              ))}
            </ul>
          ) : (
            s.paragraphs.map((p) => <p key={p}>{t(p)}</p>)
          )}
        </section>
      ))}
    </article>
  );
}
