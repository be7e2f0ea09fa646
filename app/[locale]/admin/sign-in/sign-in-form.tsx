"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { SignInState } from "@/lib/server/auth/sign-in-outcome";

const ERRORS = {
  invalid: "errorInvalid",
  throttled: "errorThrottled",
  accountLimited: "errorAccountLimited",
  disabled: "errorDisabled",
  missing: "errorMissing",
  unexpected: "errorUnexpected",
} as const;

export function SignInForm({ action }: { action: (state: SignInState, form: FormData) => Promise<SignInState> }) {
  const t = useTranslations("admin");
  const [state, formAction, pending] = useActionState(action, { error: null, email: "" });
  const input = "mt-1 block w-full rounded border border-stone-400 px-3 py-2";
  return (
    <form action={formAction} className="max-w-sm space-y-4" noValidate>
      <p aria-live="polite" role="status" className="min-h-6 font-medium text-red-800">
        {state.error ? t(ERRORS[state.error], { wait: state.wait ? t("waitDuration", { ...state.wait }) : "" }) : ""}
      </p>
      <div>
        <label htmlFor="email" className="font-medium">
          {t("email")}
        </label>
        {/* key: remount with the typed email after a failed attempt, so it stays filled in. */}
        <input key={`${state.email}:${state.error}`} id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} className={input} />
      </div>
      <div>
        <label htmlFor="password" className="font-medium">
          {t("password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={input} />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-stone-800 px-4 py-2 font-medium text-white">
        {t("signIn")}
      </button>
    </form>
  );
}
