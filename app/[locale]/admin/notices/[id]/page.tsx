import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { NoticeLogStatus } from "@/components/editor/notice-log-status";
import { getAdminNotice, type AdminNoticeView } from "@/lib/server/admin/get-admin-notice";
import { requireUser } from "@/lib/server/auth/authorize";
import { db } from "@/lib/server/db/client";
import { effectiveValue, noticeTitle } from "@/lib/shared/notices/effective-fields";
import { orNotFound } from "@/lib/server/pages/or-not-found";
import { guarded } from "@/lib/server/admin/guard";
import { startAmendmentAction } from "@/lib/server/admin/notice-actions";
import { StartForm } from "@/components/admin/notice-start-form";
import { listTranslations } from "@/lib/server/translations/list-translations";
import { linkTranslationAction } from "@/lib/server/translations/translation-actions";
import { TranslationForm } from "@/components/admin/translation-form";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "editor" });
  return { title: t("noticeTitle", { id }) };
}

/** The staff view of one notice: its log status (live), its versions, and what may be done next. */
export default async function AdminNoticePage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const view: AdminNoticeView = await guarded(locale, (actor) => orNotFound(getAdminNotice(db(), requireUser(actor), id)));
  const t = await getTranslations("editor");
  const tk = await getTranslations("kind");
  const tn = await getTranslations("notice");
  const format = await getFormatter();
  const { notice } = view;
  const latest = notice.versions.at(-1)!;
  const retracted = latest.kind === "retract";
  const amend = startAmendmentAction.bind(null, locale, notice.id);
  const translations = await listTranslations(db(), notice.id);
  const tt = await getTranslations("translations");
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-stone-700">{locale === "en" ? notice.agency.nameEn : notice.agency.nameZh}</p>
        <h1 className="text-3xl font-bold tracking-tight break-words">{t("noticeTitle", { id: notice.id })}</h1>
        <p lang={effectiveValue(notice.versions, latest.version, "language")} className="text-xl break-words">
          {noticeTitle(notice, latest.version)}
        </p>
      </header>
      <section aria-labelledby="status-heading" className="space-y-1">
        <h2 id="status-heading" className="text-xl font-semibold">
          {t("status")}
        </h2>
        <NoticeLogStatus noticeId={notice.id} version={latest.version} initialIndex={latest.log?.index ?? null} />
        {retracted && <p>{t("statusRetracted")}</p>}
        <p>
          <Link href={`/n/${notice.id}`} className="text-blue-800 underline">
            {t("publicPage")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="versions-heading" className="space-y-2">
        <h2 id="versions-heading" className="text-xl font-semibold">
          {t("versions")}
        </h2>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="versions-heading">
          <table className="min-w-full border-collapse text-sm">
            <thead>
              <tr>
                {[tn("versionColumn"), t("versionsTitleColumn"), tn("kindColumn"), tn("dateColumn"), tn("logColumn")].map((label) => (
                  <th key={label} scope="col" className="border border-stone-300 bg-stone-100 px-2 py-1 text-left">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {/* Newest first, like the public history (components/notice-history.tsx). */}
              {[...notice.versions].reverse().map((v) => (
                <tr key={v.version} data-testid="admin-version" data-version={v.version}>
                  <td className="border border-stone-300 px-2 py-1">
                    <Link href={`/n/${notice.id}/v/${v.version}`} className="text-blue-800 underline">
                      {tn("version", { version: v.version })}
                    </Link>
                  </td>
                  <td className="border border-stone-300 px-2 py-1 break-words">
                    <Link href={`/n/${notice.id}/v/${v.version}`} lang={effectiveValue(notice.versions, v.version, "language")} className="text-blue-800 underline">
                      {noticeTitle(notice, v.version)}
                    </Link>
                  </td>
                  {/* Why the version was made, as the public banner states it (lib/shared/notices/reason-fields.ts). */}
                  <td className="border border-stone-300 px-2 py-1">
                    {tk(v.kind)}
                    {v.fields.reason && (
                      <span data-testid="admin-version-reason" className="block break-words whitespace-pre-line text-stone-700">
                        {v.fields.reason}
                      </span>
                    )}
                  </td>
                  <td className="border border-stone-300 px-2 py-1">
                    <time dateTime={v.createdAt}>{format.dateTime(new Date(v.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
                  </td>
                  <td className="border border-stone-300 px-2 py-1" data-testid="admin-version-log">
                    {v.log ? v.log.index : tn("pending")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="translations-heading" className="space-y-2">
        <h2 id="translations-heading" className="text-xl font-semibold">
          {tt("heading")}
        </h2>
        {translations.length === 0 ? (
          <p>{tt("none")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5" data-testid="admin-translations">
            {translations.map((l) => (
              <li key={l.id}>
                <Link href={`/admin/notices/${l.id}`} className="text-blue-800 underline">
                  {l.id}
                </Link>{" "}
                ({l.language}){l.title && <span lang={l.language}> · {l.title}</span>}
              </li>
            ))}
          </ul>
        )}
        {view.canEdit && <TranslationForm action={linkTranslationAction.bind(null, locale, notice.id)} linked={translations.length > 0} />}
      </section>
      {(view.canEdit || view.canRedact) && (
        <section aria-labelledby="actions-heading" className="space-y-3">
          <h2 id="actions-heading" className="text-xl font-semibold">
            {t("actions")}
          </h2>
          {view.canEdit && !retracted && (
            <>
              <StartForm action={amend} className="space-y-1">
                <div className="flex flex-wrap gap-3">
                  <button type="submit" name="kind" value="amend" aria-describedby="amend-hint" className="rounded border border-stone-800 px-4 py-2 font-medium">
                    {t("amend")}
                  </button>
                  <button type="submit" name="kind" value="correct" aria-describedby="correct-hint" className="rounded border border-stone-800 px-4 py-2 font-medium">
                    {t("correct")}
                  </button>
                </div>
                <p id="amend-hint" className="text-sm text-stone-700">
                  {t("amendHint")}
                </p>
                <p id="correct-hint" className="text-sm text-stone-700">
                  {t("correctHint")}
                </p>
              </StartForm>
              <p>
                <Link href={`/admin/notices/${notice.id}/retract`} className="text-blue-800 underline">
                  {t("retract")}
                </Link>
              </p>
            </>
          )}
          {view.canRedact && (
            <p>
              <Link href={`/admin/notices/${notice.id}/redact`} className="text-blue-800 underline">
                {t("redact")}
              </Link>
            </p>
          )}
        </section>
      )}
    </section>
  );
}
