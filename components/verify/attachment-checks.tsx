import { useTranslations } from "next-intl";
import type { AttachmentOutcome } from "@/lib/browser/verify/attachment-check";
import { useAttachmentLabel } from "./plain-verdict";

export interface DownloadProgress {
  position: number;
  name: string;
  received: number;
  total: number;
}

/** While the attachments download: one labelled progress bar per file, with the bytes in words too. */
export function AttachmentProgress({ downloads }: { downloads: readonly DownloadProgress[] }) {
  const t = useTranslations("verify.attachment");
  const label = useAttachmentLabel();
  if (downloads.length === 0) return null;
  return (
    <ul className="space-y-2" data-testid="verify-attachment-progress">
      {downloads.map((d) => (
        <li key={d.position} className="space-y-1">
          <progress className="block h-3 w-full max-w-md" aria-label={t("progressLabel", { name: label(d) })} value={d.received} max={Math.max(d.total, 1)} />
          <span className="text-stone-700">{t("progressText", { name: label(d), received: d.received, total: d.total })}</span>
        </li>
      ))}
    </ul>
  );
}

/** The attachment files, each with what was downloaded against what the log entry commits to. */
export function AttachmentChecks({ attachments }: { attachments: readonly AttachmentOutcome[] }) {
  const t = useTranslations("verify.attachment");
  const label = useAttachmentLabel();
  return (
    <div className="space-y-1">
      <h3 className="font-semibold">{t("title")}</h3>
      {attachments.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-1" data-testid="verify-attachments">
          {attachments.map((a) => (
            <li key={a.position} data-attachment-status={a.status} className={`flex gap-2 ${a.status === "ok" ? "" : "text-red-800"}`}>
              <span aria-hidden="true" className="w-4 shrink-0 text-center font-bold">
                {a.status === "ok" ? "✓" : "✗"}
              </span>
              <span className="min-w-0 wrap-anywhere">
                {t(a.status, {
                  name: label(a),
                  size: a.committed.size,
                  want: a.committed.sha256,
                  got: a.received?.sha256 ?? "",
                  gotSize: a.received?.size ?? 0,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
