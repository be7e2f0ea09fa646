import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LiveDraftDiff } from "@/components/editor/live-draft-diff";
import { StaleDraftNotice } from "@/components/editor/stale-draft-notice";
import { DraftReviewPanel } from "@/components/review/draft-review-panel";
import { ReviewStatus } from "@/components/review/review-status";
import { db } from "@/lib/server/db/client";
import { getDraftReview } from "@/lib/server/drafts/get-draft-review";
import { DRAFT_FIELD_NAMES, publishableFields, type DraftFieldName } from "@/lib/shared/drafts/draft-fields";
import { attachmentMaxBytes } from "@/lib/server/publishing/attachment-limit";
import { ALLOWED_EXTENSIONS } from "@/lib/server/publishing/attachment-policy";
import { portalTimeZone } from "@/lib/server/portal-time-zone";
import { guarded } from "@/lib/server/admin/guard";
import { loadDraftPage } from "@/lib/server/admin/load-draft-page";
import { deleteDraftAction, saveDraftAction, type EditorState } from "@/lib/server/drafts/draft-actions";
import { EditorForm } from "./editor-form";
import { approveDraftAction, returnDraftAction, withdrawDraftAction } from "@/lib/server/drafts/review-actions";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "editor" });
  return { title: t("editTitle") };
}

export default async function DraftPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  // Set by lib/server/admin/notice-actions.ts when Amend or Correct opened this existing draft.
  const opened = (await searchParams)?.opened;
  setRequestLocale(locale);
  const t = await getTranslations("editor");
  const tr = await getTranslations("review");
  const view = await loadDraftPage(locale, id);
  const { draft, agency, base, newer } = view;
  const review = await guarded(locale, (actor) => getDraftReview(db(), actor, id));
  // Submitted or approved: nobody edits it (save-draft.ts refuses); the review panel shows it read-only.
  const inReview = draft.review.state === "submitted" || draft.review.state === "approved";
  const initial: EditorState = {
    seq: 0,
    values: Object.fromEntries(DRAFT_FIELD_NAMES.map((name) => [name, draft.fields[name] ?? ""])) as Record<DraftFieldName, string>,
    translationOf: draft.translationOf ?? "",
    revision: draft.revision,
    attachments: draft.attachments,
    fieldErrors: {},
    attachmentErrors: [],
    message: null,
  };
  const heading = draft.kind === "publish" ? t("editTitle") : t(draft.kind === "amend" ? "amendTitle" : "correctTitle", { id: draft.noticeId ?? "" });
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-stone-700">{t("draftOf", { agency: locale === "en" ? agency.nameEn : agency.nameZh })}</p>
        <h1 className="text-3xl font-bold tracking-tight break-words">{heading}</h1>
        {draft.kind !== "publish" && <p>{t(draft.kind === "amend" ? "amendIntro" : "correctIntro")}</p>}
        {draft.kind !== "publish" && (opened === "amend" || opened === "correct") && (
          <p role="status" data-testid="draft-opened" className="rounded border border-amber-700 bg-amber-50 px-3 py-2 font-medium">
            {opened === draft.kind ? t("opened.same") : t(draft.kind === "amend" ? "opened.amendExists" : "opened.correctExists")}
          </p>
        )}
        {newer ? (
          <StaleDraftNotice newer={newer} draftId={draft.id} />
        ) : (
          base &&
          base.latestVersion !== base.version.version && (
            <p role="alert" className="font-medium text-red-800">
              {t("diffStale", { latest: base.latestVersion, base: base.version.version })}
            </p>
          )
        )}
        <ReviewStatus review={draft.review} steps={review.steps} requiresReview={review.requiresReview} />
      </header>
      {inReview ? (
        <DraftReviewPanel
          view={view}
          review={review}
          zone={portalTimeZone()}
          withdrawAction={withdrawDraftAction.bind(null, locale, draft.id)}
          approveAction={approveDraftAction.bind(null, locale, draft.id)}
          returnAction={returnDraftAction.bind(null, locale, draft.id)}
        />
      ) : (
        <EditorForm
          action={saveDraftAction.bind(null, locale, draft.id)}
          deleteAction={deleteDraftAction.bind(null, locale, draft.id)}
          initial={initial}
          accept={ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(",")}
          maxBytes={attachmentMaxBytes()}
          isAmendment={draft.kind !== "publish"}
          revisionKind={draft.kind === "publish" ? undefined : draft.kind}
          continueLabel={review.requiresReview ? tr("continueToSubmit") : undefined}
        />
      )}
      {base && !inReview && (
        <LiveDraftDiff
          before={base.version.fields}
          saved={publishableFields(draft.fields)}
          beforeAttachments={base.version.attachments}
          afterAttachments={draft.attachments}
          baseVersion={base.version.version}
        />
      )}
      {draft.noticeId && (
        <p>
          <Link href={`/admin/notices/${draft.noticeId}`} className="text-blue-800 underline">
            {t("noticeTitle", { id: draft.noticeId })}
          </Link>
        </p>
      )}
    </section>
  );
}
