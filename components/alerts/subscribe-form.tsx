"use client";
/**
 * The email field and button of the subscribe page. The error line is a live region from the
 * first render, so a screen reader announces an error when it appears; the field points at it.
 * What was typed stays after an error.
 */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { subscribeAction } from "@/app/[locale]/alerts/subscribe/actions";
import type { SubscribeState } from "@/app/[locale]/alerts/subscribe/subscribe-state";

const INPUT = "mt-1 block w-full max-w-md rounded border border-stone-500 bg-white px-3 py-2";
const BUTTON = "rounded bg-stone-800 px-4 py-2 font-medium text-white disabled:opacity-60";

export function SubscribeForm({ locale, filter }: { locale: string; filter: string }) {
  const t = useTranslations("alerts");
  const [state, action, pending] = useActionState(subscribeAction.bind(null, locale), { status: "idle", email: "" } satisfies SubscribeState);
  if (state.status === "sent") {
    return (
      <p role="status" className="rounded border border-green-800 bg-green-50 p-3" data-testid="alert-sent">
        {t("sent", { email: state.email })}
      </p>
    );
  }
  if (state.status === "unavailable") return <p role="status">{t("unavailable")}</p>;
  const error = state.status === "error" ? t(`errors.${state.error!}`, { minutes: state.minutes ?? 1 }) : "";
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="filter" value={filter} />
      <div>
        <label htmlFor="alert-email" className="font-medium">
          {t("emailLabel")}
        </label>
        <p id="alert-email-hint" className="text-sm text-stone-700">
          {t("emailHint")}
        </p>
        <input
          id="alert-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          aria-invalid={error ? true : undefined}
          aria-describedby="alert-email-hint alert-email-error"
          className={INPUT}
        />
        <p id="alert-email-error" aria-live="polite" className="mt-1 min-h-5 text-sm font-medium text-red-800" data-testid="alert-error">
          {error}
        </p>
      </div>
      <button type="submit" className={BUTTON} disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
