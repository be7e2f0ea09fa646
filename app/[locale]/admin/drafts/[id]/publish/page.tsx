import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { SubmitForReviewForm } from "@/components/review/review-forms";
import { db } from "@/lib/db/client";
import { getDraftReview } from "@/lib/drafts/get-draft-review";
import { guarded } from "../../../guard";
import { DraftDiffPreview } from "@/components/editor/draft-diff-preview";
import { humanSize } from "@/components/notice-format";
import { NoticeMarkdown } from "@/lib/markdown/notice-markdown";
import { draftReason, publishableFields } from "@/lib/drafts/draft-fields";
import { loadDraftPage } from "../../load-draft-page";
import { publishDraftAction } from "../actions";
import { PublishForm } from "./publish-form";
import { submitDraftAction } from "../review-actions";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "editor" });
  return { title: t("confirmTitle") };
}

/** The second step before a permanent act: what will be published, exactly, and one button. */
export default async function PublishDraftPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("editor");
  const tn = await getTranslations("notice");
  const view = await loadDraftPage(locale, id);
  const { draft, agency, base } = view;
  // In an agency that requires review this page submits instead of publishing (docs/review.md).
  const { requiresReview } = await guarded(locale, (actor) => getDraftReview(db(), actor, id));
  const tr = await getTranslations("review");
  if (draft.review.state === "submitted" || draft.review.state === "approved") redirect({ href: `/admin/drafts/${draft.id}`, locale });
  const fields = publishableFields(draft.fields);
  const lang = fields.language;
  const reason = draft.kind === "publish" ? null : draftReason(draft.fields);
  const facts: [string, string | undefined][] = [
    [t("agency"), locale === "en" ? agency.nameEn : agency.nameZh],
    [tn("field.title"), fields.title],
    [tn("field.number"), fields.number],
    [tn("field.category"), fields.category],
    [tn("field.language"), fields.language],
    [tn("field.effectiveDate"), fields.effectiveDate],
    [t("translationOfFact"), draft.kind === "publish" ? (draft.translationOf ?? undefined) : undefined],
    // Why: logged with the version and shown in the public banner, so the clerk reviews it too.
    ...(draft.kind === "publish" ? [] : ([[t(`reason.fact.${draft.kind}`), reason?.reason], [t("reason.factDetail"), reason?.reasonDetail]] as [string, string | undefined][])),
  ];
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-stone-700">{t(`kind.${draft.kind}`)}{draft.noticeId ? ` · ${draft.noticeId}` : ""}</p>
        <h1 className="text-3xl font-bold tracking-tight">{requiresReview ? tr("submitTitle") : t("confirmTitle")}</h1>
        <p>{requiresReview ? tr("submitIntro") : t("confirmIntro")}</p>
      </header>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
        {facts.filter(([, value]) => value).map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-stone-700">{label}</dt>
            <dd lang={lang} className="break-words whitespace-pre-line">{value}</dd>
          </div>
        ))}
      </dl>
      {base ? (
        <DraftDiffPreview before={base.version.fields} after={fields} beforeAttachments={base.version.attachments} afterAttachments={draft.attachments} baseVersion={base.version.version} />
      ) : (
        <section aria-labelledby="body-heading" className="rounded border border-stone-300 bg-white p-3">
          <h2 id="body-heading" className="text-lg font-semibold">{tn("field.body")}</h2>
          <div lang={lang} className="notice-body break-words leading-relaxed"><NoticeMarkdown source={fields.body ?? ""} /></div>
        </section>
      )}
      <section aria-labelledby="files-heading" className="space-y-2">
        <h2 id="files-heading" className="text-lg font-semibold">{t("attachments")}</h2>
        {draft.attachments.length === 0 ? <p>{t("noAttachments")}</p> : (
          <ul className="space-y-1 text-sm">
            {draft.attachments.map((a) => (
              <li key={a.id}>
                <span className="font-medium break-all">{a.fileName}</span> · {humanSize(a.size, locale)} · SHA-256 <code className="break-all font-mono text-xs">{a.sha256}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
      {requiresReview ? (
        <SubmitForReviewForm action={submitDraftAction.bind(null, locale, draft.id)} revision={draft.revision} />
      ) : (
        <PublishForm action={publishDraftAction.bind(null, locale, draft.id)} revision={draft.revision} draftId={draft.id} />
      )}
      <p>
        <Link href={`/admin/drafts/${draft.id}`} className="text-blue-800 underline">{t("backToEditor")}</Link>
      </p>
    </section>
  );
}
