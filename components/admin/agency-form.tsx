"use client";
/** Create or edit an agency. When editing, the id is shown but not editable: it never changes. */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type FormState } from "@/lib/shared/admin/form-fields";
import { FormStatus, TextField } from "./form-parts";
import { BUTTON } from "./styles";

export interface AgencyValues {
  id: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  requiresReview: boolean;
  showSignOff: boolean;
}

interface Props {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** Present when editing. */
  agency?: AgencyValues;
}

export function AgencyForm({ action, agency }: Props) {
  const t = useTranslations("adminAgencies");
  const tf = useTranslations("adminForm");
  const tr = useTranslations("review");
  // A failed attempt echoes the form: a ticked box came back as "on", an unticked one not at all.
  const ticked = (name: "requiresReview" | "showSignOff") => (state.status === "idle" ? Boolean(agency?.[name]) : state.values[name] === "on");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-4">
      <FormStatus state={state} />
      <div key={`${state.status}:${JSON.stringify(state.values)}`} className="space-y-4">
        {agency ? <input type="hidden" name="id" value={agency.id} /> : <TextField name="id" label={t("id")} hint={t("idHint")} state={state} autoComplete="off" required />}
        <TextField name="nameZh" label={t("nameZh")} state={state} defaultValue={agency?.nameZh} required />
        <TextField name="nameEn" label={t("nameEn")} state={state} defaultValue={agency?.nameEn} required />
        <TextField name="descriptionZh" label={t("descriptionZh")} state={state} defaultValue={agency?.descriptionZh} multiline />
        <TextField name="descriptionEn" label={t("descriptionEn")} state={state} defaultValue={agency?.descriptionEn} multiline />
        {(["requiresReview", "showSignOff"] as const).map((name) => (
          <div key={name}>
            <label className="inline-flex items-center gap-2 font-medium">
              <input type="checkbox" name={name} defaultChecked={ticked(name)} aria-describedby={`${name}-hint`} className="h-5 w-5" />
              {tr(name === "requiresReview" ? "agencyRequiresReview" : "agencyShowSignOff")}
            </label>
            <p id={`${name}-hint`} className="mt-1 text-sm text-stone-700">
              {tr(name === "requiresReview" ? "agencyRequiresReviewHint" : "agencyShowSignOffHint")}
            </p>
          </div>
        ))}
      </div>
      <button type="submit" disabled={pending} className={BUTTON}>
        {agency ? tf("save") : t("create")}
      </button>
    </form>
  );
}
