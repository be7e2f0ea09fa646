"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { StaleDraftNotice } from "@/components/editor/stale-draft-notice";
import type { SimpleState } from "@/lib/server/drafts/draft-actions";

/** The one button that publishes; the revision is the one this page showed. */
export function PublishForm({ action, revision, draftId }: { action: (state: SimpleState, form: FormData) => Promise<SimpleState>; revision: number; draftId: string }) {
  const t = useTranslations("editor");
  const [state, formAction, pending] = useActionState(action, { message: null });
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="revision" value={revision} />
      <p role="status" aria-live="polite" className="min-h-6 font-medium text-red-800">
        {state.message ?? ""}
      </p>
      {state.stale && <StaleDraftNotice newer={state.stale} draftId={draftId} />}
      <button type="submit" disabled={pending} className="rounded bg-stone-800 px-4 py-2 font-medium text-white">
        {t("confirmButton")}
      </button>
    </form>
  );
}
