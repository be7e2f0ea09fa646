import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { SubmitForReviewForm } from "@/components/review/review-forms";
import { db } from "@/lib/server/db/client";
import { getDraftReview } from "@/lib/server/drafts/get-draft-review";
import { guarded } from "@/lib/server/admin/guard";
import { DraftContent } from "@/components/review/draft-content";
import { loadDraftPage } from "@/lib/server/admin/load-draft-page";
import { publishDraftAction } from "@/lib/server/drafts/draft-actions";
import { PublishForm } from "./publish-form";
import { submitDraftAction } from "@/lib/server/drafts/review-actions";

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
  const view = await loadDraftPage(locale, id);
  const { draft } = view;
  // In an agency that requires review this page submits instead of publishing (docs/review.md).
  const { requiresReview } = await guarded(locale, (actor) => getDraftReview(db(), actor, id));
  const tr = await getTranslations("review");
  if (draft.review.state === "submitted" || draft.review.state === "approved") redirect({ href: `/admin/drafts/${draft.id}`, locale });
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-stone-700">
          {t(`kind.${draft.kind}`)}
          {draft.noticeId ? ` · ${draft.noticeId}` : ""}
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{requiresReview ? tr("submitTitle") : t("confirmTitle")}</h1>
        <p>{requiresReview ? tr("submitIntro") : t("confirmIntro")}</p>
      </header>
      <DraftContent view={view} />
      {requiresReview ? (
        <SubmitForReviewForm action={submitDraftAction.bind(null, locale, draft.id)} revision={draft.revision} />
      ) : (
        <PublishForm action={publishDraftAction.bind(null, locale, draft.id)} revision={draft.revision} draftId={draft.id} />
      )}
      <p>
        <Link href={`/admin/drafts/${draft.id}`} className="text-blue-800 underline">
          {t("backToEditor")}
        </Link>
      </p>
    </section>
  );
}
