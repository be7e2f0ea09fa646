"use client";
/**
 * Why this amendment or correction is made: one required line and optional detail, logged
 * with the new version and shown in the public banner ("修订原因：…"). Each revision states its
 * own, so the inputs start empty rather than with the previous version's reason.
 */
import { useTranslations } from "next-intl";
import { FIELD_LIMITS } from "@/lib/shared/publishing/field-limits";
import type { EditorState } from "@/lib/server/drafts/draft-actions";

export function ReasonInputs({ kind, state }: { kind: "amend" | "correct"; state: EditorState }) {
  const t = useTranslations("editor.reason");
  const input = "mt-1 block w-full rounded border border-stone-500 px-3 py-2";
  const error = (name: "reason" | "reasonDetail") => (
    <p id={`${name}-error`} aria-live="polite" className="mt-1 min-h-5 text-sm font-medium text-red-800">
      {state.fieldErrors[name] ?? ""}
    </p>
  );
  return (
    <fieldset className="space-y-3 rounded border border-amber-600 bg-amber-50 p-3">
      <legend className="px-1 font-semibold">{t(`legend.${kind}`)}</legend>
      <div>
        <label htmlFor="reason" className="font-medium">
          {t(`label.${kind}`)}
        </label>
        <input
          key={`reason-${state.seq}`}
          id="reason"
          name="reason"
          required
          maxLength={FIELD_LIMITS.reason}
          defaultValue={state.values.reason}
          aria-invalid={state.fieldErrors.reason ? true : undefined}
          aria-describedby="reason-hint reason-error"
          className={`${input} bg-white`}
        />
        <p id="reason-hint" className="mt-1 text-sm text-stone-700">
          {t("hint")}
        </p>
        {error("reason")}
      </div>
      <div>
        <label htmlFor="reasonDetail" className="font-medium">
          {t("detail")}
        </label>
        <textarea
          key={`reasonDetail-${state.seq}`}
          id="reasonDetail"
          name="reasonDetail"
          rows={3}
          maxLength={FIELD_LIMITS.reasonDetail}
          defaultValue={state.values.reasonDetail}
          aria-invalid={state.fieldErrors.reasonDetail ? true : undefined}
          aria-describedby="reasonDetail-hint reasonDetail-error"
          className={`${input} bg-white`}
        />
        <p id="reasonDetail-hint" className="mt-1 text-sm text-stone-700">
          {t("detailHint")}
        </p>
        {error("reasonDetail")}
      </div>
    </fieldset>
  );
}
