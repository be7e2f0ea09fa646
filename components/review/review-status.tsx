/**
 * A draft's place in review, for the top of its editor (docs/review.md): a state badge, the
 * schedule or sign-off, the reviewer's comments when it was returned (where the clerk cannot
 * miss them), and the conversation so far.
 */
import { getTranslations } from "next-intl/server";
import { getPortalTime } from "@/components/portal-time-server";
import type { DraftReviewState } from "@/lib/server/drafts/draft-dto";
import type { ReviewStep } from "@/lib/server/drafts/get-draft-review";

const BADGE: Record<DraftReviewState["state"], string> = {
  editing: "border-stone-600 bg-stone-100 text-stone-900",
  submitted: "border-amber-700 bg-amber-50 text-amber-950",
  returned: "border-red-800 bg-red-50 text-red-900",
  approved: "border-green-800 bg-green-50 text-green-950",
};

export async function ReviewStatus({ review, steps, requiresReview }: { review: DraftReviewState; steps: ReviewStep[]; requiresReview: boolean }) {
  const t = await getTranslations("review");
  const time = await getPortalTime();
  const lastReturn = review.state === "returned" ? steps.findLast((s) => s.action === "return") : undefined;
  if (!requiresReview && steps.length === 0) return null;
  return (
    <section aria-labelledby="review-status-heading" className="space-y-3" data-testid="review-status">
      <h2 id="review-status-heading" className="sr-only">
        {t("stateLabel")}
      </h2>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t("stateLabel")}:</span>
        <span className={`rounded border px-2 py-0.5 text-sm font-semibold ${BADGE[review.state]}`} data-testid="review-state">
          {t(`state.${review.state}`)}
        </span>
        {review.state === "approved" && review.reviewerName && <span>{t("approvedBy", { name: review.reviewerName })}</span>}
        {review.state === "approved" && review.publishAt && <span data-testid="review-scheduled">{t("scheduledFor", { time: time(review.publishAt) })}</span>}
      </p>
      {requiresReview && review.state === "editing" && steps.length === 0 && <p className="text-sm text-stone-700">{t("requiresReviewNote")}</p>}
      {lastReturn && (
        <div role="region" aria-labelledby="returned-heading" className="rounded border-2 border-red-800 bg-red-50 p-3">
          <h3 id="returned-heading" className="font-semibold text-red-900">
            {t("returnedTitle")}
          </h3>
          <p className="text-sm">{t("returnedBy", { name: lastReturn.actorName, time: time(lastReturn.at) })}</p>
          <blockquote className="mt-1 whitespace-pre-wrap break-words border-l-4 border-red-800 pl-3" data-testid="return-comment">
            {lastReturn.comment}
          </blockquote>
        </div>
      )}
      {steps.length > 0 && (
        <details className="rounded border border-stone-300 p-3" open={review.state !== "editing"}>
          <summary className="cursor-pointer font-medium">{t("historyTitle")}</summary>
          <ol className="mt-2 space-y-2">
            {steps.map((s, i) => (
              <li key={i}>
                <p className="text-sm">
                  <span className="font-medium">{t(`step.${s.action}`, { name: s.actorName, revision: s.revision })}</span> <span className="text-stone-700">· {time(s.at)}</span>
                </p>
                {s.comment && <p className="whitespace-pre-wrap break-words pl-3 text-sm">{s.comment}</p>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
