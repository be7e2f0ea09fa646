"use client";
/** The account page's forms: a user's own name and password. */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type FormState } from "@/lib/shared/admin/form-fields";
import { FormStatus, TextField } from "./form-parts";
import { BUTTON } from "./styles";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** Remounts the fields with what the server echoed back, so a failed attempt keeps every value. */
const remountKey = (state: FormState) => `${state.status}:${JSON.stringify(state.values)}`;

export function OwnNameForm({ action, name }: { action: Action; name: string }) {
  const t = useTranslations("adminAccount");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-4">
      <FormStatus state={state} />
      <div key={remountKey(state)}>
        <TextField name="name" label={t("name")} state={state} defaultValue={name} autoComplete="name" required />
      </div>
      <button type="submit" disabled={pending} className={BUTTON}>
        {t("saveName")}
      </button>
    </form>
  );
}

export function OwnPasswordForm({ action }: { action: Action }) {
  const t = useTranslations("adminAccount");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-4">
      <FormStatus state={state} />
      <div key={remountKey(state)} className="space-y-4">
        <TextField name="currentPassword" type="password" label={t("currentPassword")} state={state} autoComplete="current-password" required />
        <TextField name="password" type="password" label={t("newPassword")} hint={t("passwordHint")} state={state} autoComplete="new-password" required />
      </div>
      <button type="submit" disabled={pending} className={BUTTON}>
        {t("savePassword")}
      </button>
    </form>
  );
}
