import { useTranslations } from "next-intl";
import { PortalTime } from "./portal-time";
import type { NoticeVersionDto } from "@/lib/server/notices/get-notice";

/**
 * Where this version stands in the public log, for checking by hand or with the offline
 * verifier: below the notice, since a reader needs the notice first and the Verify verdict
 * says in words what these numbers prove.
 */
export function NoticeProofDetails({ version }: { version: NoticeVersionDto }) {
  const t = useTranslations("notice");
  const tt = useTranslations("timeline");
  return (
    <section aria-labelledby="proof-details" className="space-y-3" data-testid="proof-details">
      <h2 id="proof-details" className="text-xl font-semibold">
        {t("proofDetails")}
      </h2>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
        <dt className="font-medium text-stone-700">{t("logIndexLabel")}</dt>
        <dd className="mb-1 sm:mb-0" data-testid="log-index">
          {version.log ? `#${version.log.index}` : t("pendingLong")}
        </dd>
        {version.log && (
          <>
            <dt className="font-medium text-stone-700">{t("leafHash")}</dt>
            <dd className="mb-1 sm:mb-0">
              <code className="select-all break-all font-mono text-xs">{version.log.leafHash}</code>
            </dd>
            <dt className="font-medium text-stone-700">{tt("entered")}</dt>
            <dd className="mb-1 sm:mb-0">
              <PortalTime value={version.log.loggedAt} style="dateTimeSeconds" />
            </dd>
            <dt className="font-medium text-stone-700">{t("checkpointSize")}</dt>
            <dd className="mb-1 sm:mb-0" data-testid="checkpoint-size">
              {version.log.checkpointSize}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
