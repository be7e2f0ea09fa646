/**
 * On the staff dashboard: the drafts waiting for this reviewer, and the agencies' approved
 * drafts waiting for their scheduled time (docs/review.md). Nothing is shown to a clerk who
 * neither reviews nor has anything scheduled.
 */
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getPortalTime } from "@/components/portal-time-server";
import type { ReviewQueue, ReviewQueueItem } from "@/lib/server/drafts/list-review-queue";

export async function ReviewQueueLists({ queue, isReviewer }: { queue: ReviewQueue; isReviewer: boolean }) {
  const [t, te] = await Promise.all([getTranslations("review"), getTranslations("editor")]);
  const time = await getPortalTime();
  const item = (d: ReviewQueueItem, when: string) => (
    <li key={d.id}>
      <Link href={`/admin/drafts/${d.id}`} className="underline">
        {d.title || t("untitled")}
      </Link>{" "}
      <span className="text-stone-700">
        · {te(`kind.${d.kind}`)}
        {d.noticeId ? ` ${d.noticeId}` : ""} · {d.agencyId} · {when}
      </span>
    </li>
  );
  return (
    <>
      {isReviewer && (
        <section aria-labelledby="review-queue" className="space-y-2" data-testid="review-queue">
          <h2 id="review-queue" className="text-xl font-semibold">
            {t("queueTitle")}
          </h2>
          {queue.awaiting.length === 0 ? <p>{t("queueEmpty")}</p> : <ul className="space-y-1">{queue.awaiting.map((d) => item(d, t("submittedAt", { time: time(d.at) })))}</ul>}
        </section>
      )}
      {queue.scheduled.length > 0 && (
        <section aria-labelledby="scheduled-drafts" className="space-y-2" data-testid="scheduled-drafts">
          <h2 id="scheduled-drafts" className="text-xl font-semibold">
            {t("scheduledTitle")}
          </h2>
          <ul className="space-y-1">{queue.scheduled.map((d) => item(d, t("dueAt", { time: time(d.at) })))}</ul>
        </section>
      )}
    </>
  );
}
