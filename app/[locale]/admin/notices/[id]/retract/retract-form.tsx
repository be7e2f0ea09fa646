"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { FIELD_LIMITS } from "@/lib/shared/publishing/notice-fields";
import type { RetractState } from "./actions";

const INITIAL: RetractState = { attempt: 0, reason: "", reasonDetail: "", confirmed: false, errors: {} };

interface Props {
  action: (state: RetractState, form: FormData) => Promise<RetractState>;
  noticeId: string;
  baseVersion: number;
}

/** Reason (one line), optional detail, confirmation and the version it is based on; every answer keeps what was typed. */
export function RetractForm({ action, noticeId, baseVersion }: Props) {
  const t = useTranslations("revise.retract");
  const tk = useTranslations("kind");
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const { errors, message } = state;
  const base = state.latest?.version ?? baseVersion;
  const input = "mt-1 block w-full rounded border border-stone-500 px-3 py-2";
  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      <div aria-live="polite" role="status" data-testid="form-message" className="min-h-6 font-medium text-red-800">
        {message === "conflict" && state.latest ? (
          <>
            {t("errors.conflict", { version: state.latest.version, kind: tk(state.latest.kind) })}{" "}
            <Link href={`/n/${noticeId}`} className="underline">
              {t("currentVersion")}
            </Link>
          </>
        ) : message ? (
          t(`errors.${message}`)
        ) : null}
      </div>
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="baseVersion" value={base} />
      {/* key: remount after each answer so the fields show what was sent, not the empty defaults. */}
      <div key={`reason-${state.attempt}`}>
        <label htmlFor="reason" className="font-medium">
          {t("reasonLabel")}
        </label>
        <p id="reason-hint" className="text-sm text-stone-700">
          {t("reasonHint")}
        </p>
        <input
          id="reason"
          name="reason"
          required
          maxLength={FIELD_LIMITS.reason}
          defaultValue={state.reason}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby="reason-hint reason-error"
          className={input}
        />
        <p id="reason-error" aria-live="polite" className="min-h-6 text-sm font-medium text-red-800">
          {errors.reason ? t(`errors.${errors.reason}`, { max: FIELD_LIMITS.reason }) : ""}
        </p>
      </div>
      <div key={`reasonDetail-${state.attempt}`}>
        <label htmlFor="reasonDetail" className="font-medium">
          {t("detailLabel")}
        </label>
        <p id="reasonDetail-hint" className="text-sm text-stone-700">
          {t("detailHint")}
        </p>
        <textarea
          id="reasonDetail"
          name="reasonDetail"
          rows={5}
          maxLength={FIELD_LIMITS.reasonDetail}
          defaultValue={state.reasonDetail}
          aria-invalid={errors.reasonDetail ? true : undefined}
          aria-describedby="reasonDetail-hint reasonDetail-error"
          className={input}
        />
        <p id="reasonDetail-error" aria-live="polite" className="min-h-6 text-sm font-medium text-red-800">
          {errors.reasonDetail ? t(`errors.${errors.reasonDetail}`, { max: FIELD_LIMITS.reasonDetail }) : ""}
        </p>
      </div>
      <div key={`confirm-${state.attempt}`}>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            defaultChecked={state.confirmed}
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby="confirm-error"
            className="mt-1 h-5 w-5"
          />
          <span>{t("confirmLabel")}</span>
        </label>
        <p id="confirm-error" aria-live="polite" className="min-h-6 text-sm font-medium text-red-800">
          {errors.confirm ? t(`errors.${errors.confirm}`) : ""}
        </p>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-4 py-2 font-medium text-white">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
