import { useTranslations } from "next-intl";
import { usePortalTime } from "@/components/portal-time";
import { Link } from "@/i18n/navigation";
import type { AdminDashboard } from "@/lib/server/admin/get-admin-dashboard";

/** The witnesses on the staff dashboard: what each last cosigned, its last error, evidence set apart. */
export function WitnessStatus({ witnessing }: { witnessing: NonNullable<AdminDashboard["witnessing"]> }) {
  const t = useTranslations("adminWitnesses");
  const format = usePortalTime();
  const when = (iso: string) => format(iso, "dateTimeSeconds");
  const anyEvidence = witnessing.witnesses.some((w) => w.evidence);
  return (
    <section aria-labelledby="witnesses" className="space-y-2">
      <h2 id="witnesses" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      {!witnessing.configured ? (
        <p>{t("noPolicy")}</p>
      ) : (
        <>
          <p>{t("intro")}</p>
          <p className="font-medium">{witnessing.witnessedSize === null ? t("notWitnessed") : t("witnessed", { size: witnessing.witnessedSize })}</p>
          <ul className="space-y-2">
            {witnessing.witnesses.map((w) => (
              <li key={w.verifierKey} className={w.evidence ? "rounded border-2 border-red-700 bg-red-50 p-3" : "rounded border border-stone-300 p-3"}>
                <p className="font-medium">
                  {w.name}
                  {w.evidence && <strong className="ml-2 rounded bg-red-700 px-2 py-0.5 text-sm text-white">{t("evidence")}</strong>}
                </p>
                <p className="break-all text-sm text-stone-700">
                  <code>{w.verifierKey}</code>
                </p>
                <p className="break-all text-sm">{w.url ?? t("noUrl")}</p>
                <p>{w.cosignedSize === null || w.cosignedAt === null ? t("neverCosigned") : t("cosigned", { size: w.cosignedSize, at: when(w.cosignedAt) })}</p>
                {w.lastError !== null && w.lastErrorAt !== null && (
                  <p className={w.evidence ? "break-words text-red-800" : "break-words text-stone-800"}>{t("lastError", { at: when(w.lastErrorAt), error: w.lastError })}</p>
                )}
                {w.evidence && <p className="text-sm text-red-800">{t("evidenceHint")}</p>}
              </li>
            ))}
          </ul>
          {anyEvidence && (
            <p>
              <Link href={{ pathname: "/admin/audit", query: { action: "witness.evidence" } }} className="underline">
                {t("evidenceLink")}
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
