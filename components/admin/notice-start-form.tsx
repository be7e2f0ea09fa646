"use client";
import { useActionState, type ReactNode } from "react";
import type { StartState } from "@/lib/server/admin/notice-actions";

/** A small form that starts a draft and shows a refusal next to its buttons (aria-live). */
export function StartForm({ action, children, className }: { action: (state: StartState, form: FormData) => Promise<StartState>; children: ReactNode; className?: string }) {
  const [state, formAction, pending] = useActionState(action, { message: null });
  return (
    <form action={formAction} className={className} aria-busy={pending}>
      {children}
      <p role="status" aria-live="polite" className="min-h-5 text-sm font-medium text-red-800">
        {state.message ?? ""}
      </p>
    </form>
  );
}
