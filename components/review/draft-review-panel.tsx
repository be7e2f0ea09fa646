/**
 * A draft in review (submitted or approved), on its editor page: the draft read-only, a way for
 * its agency's clerks to withdraw it, and — for a reviewer of the agency who did not write it,
 * while it waits — approve (now or scheduled) and return with comments.
 */
import { getTranslations } from "next-intl/server";
import { DraftContent } from "@/components/review/draft-content";
import { ReviewerForms, WithdrawForm, type ReviewFormState } from "@/components/review/review-forms";
import type { DraftView } from "@/lib/server/drafts/get-draft";
import type { DraftReviewView } from "@/lib/server/drafts/get-draft-review";
import { formatPortalLocalTime } from "@/lib/shared/portal-local-time";

type Action = (state: ReviewFormState, form: FormData) => Promise<ReviewFormState>;

/** `zone` is the portal's time zone (lib/server/portal-time-zone.ts), read by the page. */
export async function DraftReviewPanel({
  view,
  review,
  zone,
  withdrawAction,
  approveAction,
  returnAction,
}: {
  view: DraftView;
  review: DraftReviewView;
  zone: string;
  withdrawAction: Action;
  approveAction: Action;
  returnAction: Action;
}) {
  const t = await getTranslations("review");
  const { draft } = view;
  const canReview = draft.review.state === "submitted" && review.isReviewer;
  return (
    <div className="space-y-8">
      <p className="font-medium">{t("inReviewNote")}</p>
      <DraftContent view={view} />
      {canReview && (
        <section aria-labelledby="review-heading" className="space-y-3">
          <h2 id="review-heading" className="text-xl font-semibold">
            {t("reviewTitle")}
          </h2>
          {review.isAuthor ? (
            <p className="font-medium">{t("ownDraft")}</p>
          ) : (
            <>
              <p>{t("reviewIntro")}</p>
              <ReviewerForms approveAction={approveAction} returnAction={returnAction} revision={draft.revision} zone={zone} minLocal={formatPortalLocalTime(new Date(), zone)} />
            </>
          )}
        </section>
      )}
      <WithdrawForm action={withdrawAction} revision={draft.revision} />
    </div>
  );
}
