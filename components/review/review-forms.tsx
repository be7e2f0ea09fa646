"use client";
/**
 * The review forms of a draft (docs/review.md): submit for review, withdraw from review, and a
 * reviewer's approve (now, or at a time in the portal's zone) or return with a comment. Each
 * names the revision its page showed; a refused attempt keeps what was typed.
 */
import { useActionState } from "react";
import { useTranslations } from "next-intl";

export interface ReviewFormState {
  message: string | null;
  field?: "comment" | "publishAt";
  comment: string;
  publishAt: string;
  seq: number;
}

type Action = (state: ReviewFormState, form: FormData) => Promise<ReviewFormState>;

const INITIAL: ReviewFormState = { message: null, comment: "", publishAt: "", seq: 0 };
const INPUT = "mt-1 block w-full rounded border border-stone-500 px-3 py-2";
const PRIMARY = "rounded bg-stone-800 px-4 py-2 font-medium text-white disabled:opacity-60";
const SECONDARY = "rounded border border-stone-800 px-4 py-2 font-medium disabled:opacity-60";

function Status({ id, state }: { id: string; state: ReviewFormState }) {
  return (
    <p id={id} role="status" aria-live="polite" className="min-h-6 font-medium text-red-800">
      {state.message ?? ""}
    </p>
  );
}

function Comment({ id, label, state, required, describedBy }: { id: string; label: string; state: ReviewFormState; required?: boolean; describedBy: string }) {
  return (
    <div>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <textarea
        key={`${id}-${state.seq}`}
        id={id}
        name="comment"
        rows={4}
        maxLength={4000}
        required={required}
        defaultValue={state.comment}
        aria-invalid={state.field === "comment" ? true : undefined}
        aria-describedby={describedBy}
        className={INPUT}
      />
    </div>
  );
}

export function SubmitForReviewForm({ action, revision }: { action: Action; revision: number }) {
  const t = useTranslations("review");
  const [state, formAction, pending] = useActionState(action, INITIAL);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="revision" value={revision} />
      <Comment id="submit-comment" label={t("submitComment")} state={state} describedBy="submit-status" />
      <Status id="submit-status" state={state} />
      <button type="submit" disabled={pending} className={PRIMARY}>
        {t("submitButton")}
      </button>
    </form>
  );
}

export function WithdrawForm({ action, revision }: { action: Action; revision: number }) {
  const t = useTranslations("review");
  const [state, formAction, pending] = useActionState(action, INITIAL);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="revision" value={revision} />
      <p id="withdraw-hint" className="text-sm text-stone-700">
        {t("withdrawHint")}
      </p>
      <Status id="withdraw-status" state={state} />
      <button type="submit" disabled={pending} aria-describedby="withdraw-hint" className={SECONDARY}>
        {t("withdrawButton")}
      </button>
    </form>
  );
}

/** Approve (optionally scheduled) and return, side by side: two forms, each its own answer. */
export function ReviewerForms({
  approveAction,
  returnAction,
  revision,
  zone,
  minLocal,
}: {
  approveAction: Action;
  returnAction: Action;
  revision: number;
  zone: string;
  minLocal: string;
}) {
  const t = useTranslations("review");
  const [approved, approve, approving] = useActionState(approveAction, INITIAL);
  const [returned, sendBack, returning] = useActionState(returnAction, INITIAL);
  const pending = approving || returning;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form action={approve} className="space-y-3 rounded border border-stone-300 p-3">
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">{t("approveLegend")}</legend>
          <input type="hidden" name="revision" value={revision} />
          <div>
            <label htmlFor="publishAt" className="font-medium">
              {t("publishAt")}
            </label>
            <input
              key={`publishAt-${approved.seq}`}
              id="publishAt"
              name="publishAt"
              type="datetime-local"
              step={1}
              min={minLocal}
              defaultValue={approved.publishAt}
              aria-invalid={approved.field === "publishAt" ? true : undefined}
              aria-describedby="publishAt-hint approve-status"
              className={INPUT}
            />
            <p id="publishAt-hint" className="mt-1 text-sm text-stone-700">
              {t("publishAtHint", { zone })}
            </p>
          </div>
          <Comment id="approve-comment" label={t("approveComment")} state={approved} describedBy="approve-status" />
          <Status id="approve-status" state={approved} />
          <button type="submit" disabled={pending} className={PRIMARY}>
            {t("approveButton")}
          </button>
        </fieldset>
      </form>
      <form action={sendBack} className="space-y-3 rounded border border-stone-300 p-3">
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">{t("returnLegend")}</legend>
          <input type="hidden" name="revision" value={revision} />
          <Comment id="return-comment" label={t("returnComment")} state={returned} required describedBy="return-status" />
          <Status id="return-status" state={returned} />
          <button type="submit" disabled={pending} className={SECONDARY}>
            {t("returnButton")}
          </button>
        </fieldset>
      </form>
    </div>
  );
}
