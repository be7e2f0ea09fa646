import { useLocale, useTranslations } from "next-intl";
import type { NoticeVersionDto } from "@/lib/server/notices/get-notice";
import { NoticeMarkdown } from "@/lib/shared/markdown/notice-markdown";
import { humanSize } from "./notice-format";

/** One version's body (Markdown, rendered inert on the server) and its attachments. */
export function NoticeVersionView({ version }: { version: NoticeVersionDto }) {
  const t = useTranslations("notice");
  const locale = useLocale();
  const lang = version.fields.language;
  const bodyWithheld = version.fields.body === undefined && version.withheld.some((w) => w.path === "body");
  return (
    <div className="space-y-8">
      {version.fields.body !== undefined && (
        <section aria-label={t("body")} lang={lang} className="notice-body break-words leading-relaxed">
          <NoticeMarkdown source={version.fields.body} />
        </section>
      )}
      {bodyWithheld && <p className="rounded border border-dashed border-stone-500 p-3 italic">{t("bodyWithheld")}</p>}
      {version.attachments.length > 0 && (
        <section aria-labelledby="attachments" className="space-y-2">
          <h2 id="attachments" className="text-xl font-semibold">
            {t("attachments")}
          </h2>
          <ul className="space-y-3">
            {version.attachments.map((a) => (
              <li key={a.position} className="rounded border border-stone-300 bg-white p-3 text-sm" data-testid="attachment">
                <a href={a.url} className="font-medium text-blue-800 underline" lang={lang}>
                  {a.fileName || t("nameWithheld", { position: a.position + 1 })}
                </a>
                <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1">
                  <dt className="text-stone-700">{t("mediaType")}</dt>
                  <dd>{a.mediaType}</dd>
                  <dt className="text-stone-700">{t("size")}</dt>
                  <dd>
                    {humanSize(a.size, locale)} ({t("bytes", { size: a.size })})
                  </dd>
                  <dt className="text-stone-700">SHA-256</dt>
                  <dd>
                    <code className="block select-all break-all font-mono text-xs">{a.sha256}</code>
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
