/**
 * A draft read-only, as it will be published: its facts (with the reason an amendment or
 * correction states), the body (or, for an amendment or correction, the changes against the
 * version it starts from) and its files. Shown on the confirmation page before publishing or
 * submitting, and while the draft is in review, to the clerk and to the reviewer who signs it off.
 */
import { getLocale, getTranslations } from "next-intl/server";
import { DraftDiffPreview } from "@/components/editor/draft-diff-preview";
import { humanSize } from "@/components/notice-format";
import { draftReason, publishableFields } from "@/lib/shared/drafts/draft-fields";
import type { DraftView } from "@/lib/server/drafts/get-draft";
import { NoticeMarkdown } from "@/lib/shared/markdown/notice-markdown";

export async function DraftContent({ view }: { view: DraftView }) {
  const { draft, agency, base } = view;
  const [t, tn, locale] = await Promise.all([getTranslations("editor"), getTranslations("notice"), getLocale()]);
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
    // Why: logged with the version and shown in the public banner, so it is read before it goes out.
    ...(draft.kind === "publish"
      ? []
      : ([
          [t(`reason.fact.${draft.kind}`), reason?.reason],
          [t("reason.factDetail"), reason?.reasonDetail],
        ] as [string, string | undefined][])),
  ];
  return (
    <div className="space-y-6" data-testid="draft-content">
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-stone-700">{label}</dt>
              <dd lang={lang} className="break-words whitespace-pre-line">
                {value}
              </dd>
            </div>
          ))}
      </dl>
      {base ? (
        <DraftDiffPreview
          before={base.version.fields}
          after={fields}
          beforeAttachments={base.version.attachments}
          afterAttachments={draft.attachments}
          baseVersion={base.version.version}
        />
      ) : (
        <section aria-labelledby="body-heading" className="rounded border border-stone-300 bg-white p-3">
          <h2 id="body-heading" className="text-lg font-semibold">
            {tn("field.body")}
          </h2>
          <div lang={lang} className="notice-body break-words leading-relaxed">
            <NoticeMarkdown source={fields.body ?? ""} />
          </div>
        </section>
      )}
      <section aria-labelledby="files-heading" className="space-y-2">
        <h2 id="files-heading" className="text-lg font-semibold">
          {t("attachments")}
        </h2>
        {draft.attachments.length === 0 ? (
          <p>{t("noAttachments")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {draft.attachments.map((a) => (
              <li key={a.id}>
                <span className="font-medium break-all">{a.fileName}</span> · {humanSize(a.size, locale)} · SHA-256 <code className="break-all font-mono text-xs">{a.sha256}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
