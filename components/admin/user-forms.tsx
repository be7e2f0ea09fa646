"use client";
/** The administrators' user forms: create, change role and agencies, reset password, disable. */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type FormState } from "@/lib/shared/admin/form-fields";
import { FormStatus, TextField } from "./form-parts";
import { BUTTON } from "./styles";
import { RoleFields, type AgencyChoice } from "./role-fields";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** Remounts the fields with what the server echoed back, so a failed attempt keeps every value. */
const remountKey = (state: FormState) => `${state.status}:${JSON.stringify(state.values)}`;

export function UserCreateForm({ action, agencies }: { action: Action; agencies: AgencyChoice[] }) {
  const t = useTranslations("adminUsers");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-4">
      <FormStatus state={state} />
      <div key={remountKey(state)} className="space-y-4">
        <TextField name="email" type="email" label={t("email")} state={state} autoComplete="off" required />
        <TextField name="name" label={t("name")} state={state} autoComplete="off" required />
        <TextField name="password" type="password" label={t("password")} hint={t("passwordHint")} state={state} autoComplete="new-password" required />
        <RoleFields state={state} agencies={agencies} />
      </div>
      <button type="submit" disabled={pending} className={BUTTON}>
        {t("create")}
      </button>
    </form>
  );
}

interface UserProps {
  action: Action;
  userId: string;
}

export function UserAccessForm({
  action,
  userId,
  agencies,
  role,
  agencyIds,
  reviewAgencyIds = [],
}: UserProps & { agencies: AgencyChoice[]; role: string | null; agencyIds: string[]; reviewAgencyIds?: string[] }) {
  const t = useTranslations("adminForm");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-4">
      <FormStatus state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div key={remountKey(state)} className="space-y-4">
        <RoleFields state={state} agencies={agencies} defaultRole={role ?? "clerk"} defaultAgencyIds={agencyIds} defaultReviewAgencyIds={reviewAgencyIds} />
      </div>
      <button type="submit" disabled={pending} className={BUTTON}>
        {t("save")}
      </button>
    </form>
  );
}

export function UserPasswordForm({ action, userId }: UserProps) {
  const t = useTranslations("adminUsers");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-4">
      <FormStatus state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div key={remountKey(state)}>
        <TextField name="password" type="password" label={t("newPassword")} hint={t("passwordHint")} state={state} autoComplete="new-password" required />
      </div>
      <button type="submit" disabled={pending} className={BUTTON}>
        {t("reset")}
      </button>
    </form>
  );
}

export function UserDisableForm({ action, userId, email }: UserProps & { email: string }) {
  const t = useTranslations("adminUsers");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-2">
      <FormStatus state={state} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-4 py-2 font-medium text-white disabled:opacity-60">
        {t("disable", { email })}
      </button>
    </form>
  );
}
