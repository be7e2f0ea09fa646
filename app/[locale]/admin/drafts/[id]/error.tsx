"use client";
/**
 * When the editor fails beyond what its form can answer — e.g. a request larger than the
 * server accepts at all, sent without the browser-side size check — a localized page instead
 * of a crash. Details stay in the server log.
 */
import { useTranslations } from "next-intl";

export default function DraftError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("editor");
  return (
    <section className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t("editTitle")}</h1>
      <p role="alert">{t("failedPage")}</p>
      <button type="button" onClick={reset} className="rounded border border-stone-800 px-4 py-2 font-medium">
        {t("retry")}
      </button>
    </section>
  );
}
