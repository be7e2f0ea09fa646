import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { NoticeVersionDto } from "@/lib/server/notices/get-notice";
import { PortalTime } from "./portal-time";

/**
 * Every version with its permalink, and a form to compare any two. The form is a plain GET
 * to the diff page, so it works without JavaScript.
 */
export function NoticeHistory({ noticeId, versions, viewed, from, to }: { noticeId: string; versions: NoticeVersionDto[]; viewed?: number; from?: number; to?: number }) {
  const t = useTranslations("notice");
  const tk = useTranslations("kind");
  const tt = useTranslations("timeline");
  const locale = useLocale();
  const latest = versions.at(-1)!.version;
  const pick = (v: NoticeVersionDto) => `${t("version", { version: v.version })} · ${tk(v.kind)}`;
  return (
    <section aria-labelledby="history" className="space-y-4">
      <h2 id="history" className="text-xl font-semibold">
        {t("history")}
      </h2>
      <div className="overflow-x-auto" tabIndex={0}>
        <table className="min-w-full border-collapse text-sm">
          <thead>
            <tr className="bg-stone-100 text-left">
              <th scope="col" className="border border-stone-300 px-2 py-1 whitespace-nowrap">
                {t("versionColumn")}
              </th>
              <th scope="col" className="border border-stone-300 px-2 py-1 whitespace-nowrap">
                {t("kindColumn")}
              </th>
              <th scope="col" className="border border-stone-300 px-2 py-1">
                {tt("publishedColumn")}
              </th>
              <th scope="col" className="border border-stone-300 px-2 py-1">
                {tt("enteredColumn")}
              </th>
              <th scope="col" className="border border-stone-300 px-2 py-1 whitespace-nowrap">
                {t("logColumn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.version} className="bg-white">
                <th scope="row" className="border border-stone-300 px-2 py-1 text-left font-normal whitespace-nowrap">
                  <Link href={`/n/${noticeId}/v/${v.version}`} className="text-blue-800 underline" aria-current={v.version === viewed ? "page" : undefined}>
                    {t("version", { version: v.version })}
                  </Link>
                  {v.version === latest && <> ({t("current")})</>}
                </th>
                <td className="border border-stone-300 px-2 py-1 whitespace-nowrap">{tk(v.kind)}</td>
                <td className="border border-stone-300 px-2 py-1">
                  <PortalTime value={v.createdAt} />
                </td>
                <td className="border border-stone-300 px-2 py-1">{v.log ? <PortalTime value={v.log.loggedAt} style="dateTimeSeconds" /> : t("pending")}</td>
                <td className="border border-stone-300 px-2 py-1 whitespace-nowrap">{v.log ? `#${v.log.index}` : t("pending")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {versions.length > 1 && (
        <form method="get" action={`/${locale}/n/${noticeId}/diff`} className="flex flex-wrap items-end gap-3 print:hidden">
          <div className="flex flex-col">
            <label htmlFor="diff-from" className="text-sm">
              {t("compareFrom")}
            </label>
            <select id="diff-from" name="from" defaultValue={String(from ?? latest - 1)} className="rounded border border-stone-500 bg-white px-2 py-1">
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {pick(v)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col">
            <label htmlFor="diff-to" className="text-sm">
              {t("compareTo")}
            </label>
            <select id="diff-to" name="to" defaultValue={String(to ?? latest)} className="rounded border border-stone-500 bg-white px-2 py-1">
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {pick(v)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="rounded bg-red-800 px-3 py-1.5 font-medium text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800"
          >
            {t("compare")}
          </button>
        </form>
      )}
    </section>
  );
}
