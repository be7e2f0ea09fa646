"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { SimpleState } from "@/lib/server/drafts/draft-actions";

/** The one button that rebases; the revision and version are the ones this page showed. */
export function RebaseForm({ action, revision, version }: { action: (state: SimpleState, form: FormData) => Promise<SimpleState>; revision: number; version: number }) {
  const t = useTranslations("editor");
  const [state, formAction, pending] = useActionState(action, { message: null });
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="version" value={version} />
      <p role="status" aria-live="polite" className="min-h-6 font-medium text-red-800">
        {state.message ?? ""}
      </p>
      <button type="submit" disabled={pending} className="rounded bg-stone-800 px-4 py-2 font-medium text-white">
        {t("stale.rebaseButton", { version })}
      </button>
    </form>
  );
}
