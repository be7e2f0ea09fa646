"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { TranslationState } from "@/lib/server/translations/translation-actions";

/**
 * "This notice is a translation of …": the other notice's id, with the answer beside it
 * (aria-live). Once the notice is linked (`linked`, after the page refreshes) only the answer
 * stays, so the confirmation is still announced where the clerk was.
 */
export function TranslationForm({ action, linked }: { action: (state: TranslationState, form: FormData) => Promise<TranslationState>; linked: boolean }) {
  const t = useTranslations("translations");
  const [state, formAction, pending] = useActionState(action, { tone: null, message: null, originalId: "", seq: 0 });
  const status = (
    <p id="originalId-status" role="status" aria-live="polite" className={`min-h-5 text-sm font-medium ${state.tone === "ok" ? "text-green-800" : "text-red-800"}`}>
      {state.message ?? ""}
    </p>
  );
  if (linked) return status;
  return (
    <form action={formAction} aria-busy={pending} className="space-y-2">
      <div>
        <label htmlFor="originalId" className="font-medium">
          {t("originalLabel")}
        </label>
        <input
          key={`originalId-${state.seq}`}
          id="originalId"
          name="originalId"
          maxLength={200}
          defaultValue={state.originalId}
          aria-invalid={state.tone === "error" ? true : undefined}
          aria-describedby="originalId-hint originalId-status"
          className="mt-1 block w-full max-w-md rounded border border-stone-500 px-3 py-2 font-mono"
        />
        <p id="originalId-hint" className="mt-1 text-sm text-stone-700">
          {t("originalHint")}
        </p>
      </div>
      <button type="submit" className="rounded border border-stone-800 px-4 py-2 font-medium">
        {t("link")}
      </button>
      {status}
    </form>
  );
}
