import { useTranslations } from "next-intl";
import type { NoticeVersionDto } from "@/lib/notices/get-notice";

const META_FIELDS = ["number", "category", "effectiveDate", "reason"] as const;

/** One version's content. The body is shown as plain text (no HTML is ever interpreted). */
export function NoticeVersionView({ version }: { version: NoticeVersionDto }) {
  const t = useTranslations("notice");
  const meta = META_FIELDS.filter((name) => version.fields[name]);
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {meta.map((name) => (
          <div key={name} className="contents">
            <dt className="text-stone-600">{t(name)}</dt>
            <dd lang={version.fields.language}>{version.fields[name]}</dd>
          </div>
        ))}
        <dt className="text-stone-600">{t("log")}</dt>
        <dd data-testid="log-index" className="break-all">
          {version.log ? `#${version.log.index} · ${version.log.leafHash}` : t("pending")}
        </dd>
      </dl>
      {version.fields.body && (
        <div className="whitespace-pre-wrap leading-relaxed" lang={version.fields.language}>
          {version.fields.body}
        </div>
      )}
      {version.attachments.length > 0 && (
        <section aria-label={t("attachments")}>
          <ul className="space-y-1 text-sm">
            {version.attachments.map((a) => (
              <li key={a.position}>
                <a href={a.url} className="text-blue-800 underline">
                  {a.fileName}
                </a>{" "}
                · {t("bytes", { size: a.size })} · SHA-256 <code className="break-all">{a.sha256}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
