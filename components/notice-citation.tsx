import { useFormatter, useTranslations } from "next-intl";
import type { NoticeVersionDto } from "@/lib/server/notices/get-notice";

/**
 * How to cite this version: enough to find it again (permanent URL) and to check it (log index,
 * and the size of the first checkpoint that covered it, which a verifier asks an inclusion proof
 * for). Both are fixed once the version is logged, so a citation copied today matches tomorrow's.
 * The same numbers, with the leaf hash, are listed in notice-proof-details.tsx.
 */
export function NoticeCitation(props: { agency: string; title: string; number: string | undefined; version: NoticeVersionDto; permalink: string }) {
  const t = useTranslations("notice");
  const format = useFormatter();
  const { version } = props;
  const date = format.dateTime(new Date(version.createdAt), { year: "numeric", month: "2-digit", day: "2-digit" });
  const log = version.log ? t("citationLog", { index: version.log.index, size: version.log.checkpointSize }) : t("citationPending");
  const citation = t("citation", { agency: props.agency, title: props.title, number: props.number ?? "", version: version.version, date, log, url: props.permalink });
  return (
    <section aria-labelledby="cite" className="space-y-3">
      <h2 id="cite" className="text-xl font-semibold">
        {t("cite")}
      </h2>
      <p className="rounded border border-stone-300 bg-white p-3">
        <code data-testid="citation" className="select-all whitespace-normal break-words font-sans text-sm">
          {citation}
        </code>
      </p>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="text-stone-700">{t("permalink")}</dt>
        <dd>
          <a href={props.permalink} className="print-no-url break-all text-blue-800 underline">
            {props.permalink}
          </a>
        </dd>
      </dl>
    </section>
  );
}
