import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { NoticeBanner } from "@/lib/shared/notices/notice-status";
import type { VersionReason } from "@/lib/shared/notices/reason-fields";
import { PortalTime } from "./portal-time";

const TONE: Record<NoticeBanner["type"], string> = {
  retracted: "border-red-700 bg-red-50",
  superseded: "border-blue-700 bg-blue-50",
  amended: "border-amber-600 bg-amber-50",
  corrected: "border-amber-600 bg-amber-50",
  revisedBy: "border-amber-600 bg-amber-50",
  withheld: "border-stone-600 bg-stone-100",
  pending: "border-stone-500 bg-white",
};

export const REASON_LABEL = {
  retracted: "reasonRetract",
  retract: "reasonRetract",
  amended: "reasonAmend",
  corrected: "reasonCorrect",
  amend: "reasonAmend",
  correct: "reasonCorrect",
} as const;

/**
 * Why a version was made: its one-line reason after a label ("修订原因：…") and the detail under
 * it. Line breaks are kept: retractions logged before reasons were one line have paragraphs.
 */
export function VersionReasonText({ reason, label }: { reason: VersionReason; label: keyof typeof REASON_LABEL }) {
  const t = useTranslations("notice.banner");
  return (
    <div className="mt-1 space-y-1" data-testid="banner-reason">
      {reason.reason && (
        <p className="whitespace-pre-line break-words">
          <span className="font-medium">{t(REASON_LABEL[label])}</span>
          {reason.reason}
        </p>
      )}
      {reason.detail && (
        <p className="whitespace-pre-line break-words text-sm">
          <span className="sr-only">{t("reasonDetail")}</span>
          {reason.detail}
        </p>
      )}
    </div>
  );
}

/** The notice's state, stated in words (the border colour only repeats what the text says). */
export function NoticeBanners({ noticeId, banners }: { noticeId: string; banners: NoticeBanner[] }) {
  const t = useTranslations("notice.banner");
  const tk = useTranslations("kind");
  const tf = useTranslations("notice.field");
  if (banners.length === 0) return null;
  const date = (iso: string) => <PortalTime value={iso} style="date" />;
  const link = "font-medium text-blue-900 underline";
  return (
    <div className="space-y-2">
      {banners.map((b, i) => (
        <div key={i} role="note" data-banner={b.type} className={`rounded border-l-4 p-3 ${TONE[b.type]}`}>
          {b.type === "retracted" && (
            <>
              <p className="font-semibold">{t.rich("retracted", { date: () => date(b.at) })}</p>
              {b.reason && <VersionReasonText reason={b.reason} label="retracted" />}
              {b.lastContent !== null && (
                <p className="mt-1">
                  {t("earlierReadable")}{" "}
                  <Link href={`/n/${noticeId}/v/${b.lastContent}`} className={link}>
                    {t("lastContent", { version: b.lastContent })}
                  </Link>
                </p>
              )}
            </>
          )}
          {b.type === "superseded" && (
            <p>
              {t("superseded", { viewed: b.viewed, current: b.current, kind: tk(b.currentKind) })}{" "}
              <Link href={`/n/${noticeId}`} className={link}>
                {t("toCurrent")}
              </Link>{" "}
              ·{" "}
              <Link href={{ pathname: `/n/${noticeId}/diff`, query: { from: String(b.viewed), to: String(b.current) } }} className={link}>
                {t("changesSince", { version: b.viewed })}
              </Link>
            </p>
          )}
          {(b.type === "amended" || b.type === "corrected") && (
            <>
              <p>
                {t.rich(b.type, { version: b.version, date: () => date(b.at) })}{" "}
                <Link href={{ pathname: `/n/${noticeId}/diff`, query: { from: String(b.from), to: String(b.version) } }} className={link}>
                  {t("seeChanges", { from: b.from, to: b.version })}
                </Link>
              </p>
              {b.reason && <VersionReasonText reason={b.reason} label={b.type} />}
            </>
          )}
          {b.type === "revisedBy" && (
            <>
              <p>{t(b.kind === "amend" ? "revisedByAmend" : "revisedByCorrect", { version: b.version })}</p>
              <VersionReasonText reason={b.reason} label={b.kind} />
            </>
          )}
          {b.type === "withheld" && (
            <p>
              {t.rich("withheld", { field: tf.has(b.path) ? tf(b.path) : b.path, basis: b.basis, date: () => date(b.at) })}
              {b.logIndex !== null && (
                <>
                  {" "}
                  <Link href={`/log/entries/${b.logIndex}`} className={link}>
                    {t("redactEntry", { index: b.logIndex })}
                  </Link>
                </>
              )}
            </p>
          )}
          {b.type === "pending" && <p>{t("pending", { version: b.version })}</p>}
        </div>
      ))}
    </div>
  );
}
