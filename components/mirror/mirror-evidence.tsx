import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { MirrorEvidence } from "@/lib/server/api/contract";

const pre = "overflow-x-auto whitespace-pre-wrap break-all rounded border border-stone-300 bg-white p-3 font-mono text-sm";

/**
 * The evidence a mirror stored when it refused its origin, in full: both signed checkpoints as
 * they were (anyone can check their signatures with the origin's key), the consistency proof
 * and whether it verified, and the entry whose bytes did not match.
 */
export async function MirrorEvidenceView({ evidence, when }: { evidence: MirrorEvidence; when: (iso: string | null) => ReactNode }) {
  const t = await getTranslations("mirror");
  const entry = evidence.entry;
  return (
    <section aria-labelledby="evidence" data-testid="mirror-evidence" className="space-y-4">
      <h2 id="evidence" className="text-xl font-semibold">
        {t("evidenceTitle")}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("evidenceKind")}</dt>
        <dd>
          <code className="font-mono">{evidence.kind}</code>
        </dd>
        <dt className="font-semibold">{t("evidenceMessage")}</dt>
        <dd className="break-words">{evidence.message}</dd>
        <dt className="font-semibold">{t("evidenceAt")}</dt>
        <dd>{when(evidence.at)}</dd>
      </dl>
      {evidence.held && (
        <div className="space-y-1">
          <h3 className="font-semibold">{t("held", { size: evidence.held.size })}</h3>
          <pre className={pre} data-testid="evidence-held">
            {evidence.held.note}
          </pre>
        </div>
      )}
      {evidence.served && (
        <div className="space-y-1">
          <h3 className="font-semibold">{t("served", { size: evidence.served.size })}</h3>
          <pre className={pre} data-testid="evidence-served">
            {evidence.served.note}
          </pre>
        </div>
      )}
      {evidence.proof && (
        <div className="space-y-1">
          <h3 className="font-semibold">{t("proofTitle", { from: evidence.proof.from, to: evidence.proof.to })}</h3>
          <p className={evidence.proof.verified ? "" : "font-semibold text-red-900"}>{evidence.proof.verified ? t("proofVerified") : t("proofFailed")}</p>
          {evidence.proof.hashes.length > 0 ? <pre className={pre}>{evidence.proof.hashes.join("\n")}</pre> : <p>{t("noHashes")}</p>}
        </div>
      )}
      {entry && (
        <div className="space-y-1">
          <h3 className="font-semibold">{t("entryTitle")}</h3>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">{t("entryIndex")}</dt>
            {/* Not linked: the entry that failed is one this copy refused, so it does not hold it. */}
            <dd>#{entry.index}</dd>
            {entry.notice !== undefined && (
              <>
                <dt className="font-semibold">{t("entryNotice")}</dt>
                <dd>
                  <Link
                    href={`/n/${encodeURIComponent(entry.notice)}${entry.version !== undefined ? `/v/${entry.version}` : ""}`}
                    className="break-all text-red-800 underline underline-offset-2"
                  >
                    {entry.notice}
                  </Link>
                </dd>
              </>
            )}
            {entry.version !== undefined && (
              <>
                <dt className="font-semibold">{t("entryVersion")}</dt>
                <dd>{entry.version}</dd>
              </>
            )}
            {entry.field !== undefined && (
              <>
                <dt className="font-semibold">{t("entryField")}</dt>
                <dd>
                  <code className="break-all font-mono">{entry.field}</code>
                </dd>
              </>
            )}
            {entry.file !== undefined && (
              <>
                <dt className="font-semibold">{t("entryFile")}</dt>
                <dd className="break-all">{entry.file}</dd>
              </>
            )}
          </dl>
          {entry.expected !== undefined && (
            <>
              <h4 className="font-semibold">{t("expected")}</h4>
              <pre className={pre}>{entry.expected}</pre>
            </>
          )}
          {entry.got !== undefined && (
            <>
              <h4 className="font-semibold">{t("got")}</h4>
              <pre className={pre}>{entry.got}</pre>
            </>
          )}
        </div>
      )}
    </section>
  );
}
