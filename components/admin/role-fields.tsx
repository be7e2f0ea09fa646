"use client";
/**
 * Role select and, for clerks, the agencies they publish for and those whose drafts they may
 * also review (docs/review.md): shared by the create and edit user forms.
 */
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/shared/admin/form-fields";
import { describedBy, FieldErrors, Fieldset } from "./form-parts";
import { INPUT } from "./styles";
import { ROLE_LABEL } from "./role-label";

export interface AgencyChoice {
  id: string;
  name: string;
}

interface Props {
  state: FormState;
  agencies: AgencyChoice[];
  defaultRole?: string;
  defaultAgencyIds?: string[];
  defaultReviewAgencyIds?: string[];
}

export function RoleFields({ state, agencies, defaultRole = "clerk", defaultAgencyIds = [], defaultReviewAgencyIds = [] }: Props) {
  const t = useTranslations("admin");
  const tr = useTranslations("review");
  const tu = useTranslations("adminUsers");
  const role = typeof state.values.role === "string" ? state.values.role : defaultRole;
  const chosen = Array.isArray(state.values.agencyIds) ? state.values.agencyIds : defaultAgencyIds;
  const reviews = Array.isArray(state.values.reviewAgencyIds) ? state.values.reviewAgencyIds : defaultReviewAgencyIds;
  const roleErrors = state.errors.role;
  return (
    <>
      <div>
        <label htmlFor="role" className="font-medium">
          {tu("role")}
        </label>
        <select id="role" name="role" defaultValue={role} aria-invalid={roleErrors?.length ? true : undefined} aria-describedby={describedBy("role", false)} className={INPUT}>
          {Object.entries(ROLE_LABEL).map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
        <FieldErrors id="role-error" keys={roleErrors} />
      </div>
      <Fieldset legend={tu("agenciesLegend")} hint={`${tu("agenciesHint")} ${tr("reviewHint")}`} name="agencyIds" state={state}>
        <ul className="grid gap-1 sm:grid-cols-2">
          {agencies.map((agency) => (
            <li key={agency.id}>
              <label className="inline-flex items-center gap-2">
                <input type="checkbox" name="agencyIds" value={agency.id} defaultChecked={chosen.includes(agency.id)} className="h-5 w-5" />
                <span>
                  {agency.name} <span className="text-stone-700">({agency.id})</span>
                </span>
              </label>
              <label className="ml-7 flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="reviewAgencyIds"
                  value={agency.id}
                  defaultChecked={reviews.includes(agency.id)}
                  aria-describedby="reviewAgencyIds-error"
                  className="h-4 w-4"
                />
                <span>{tr("mayReview", { id: agency.id })}</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldErrors id="reviewAgencyIds-error" keys={state.errors.reviewAgencyIds} />
      </Fieldset>
    </>
  );
}
