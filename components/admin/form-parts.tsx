"use client";
/**
 * The pieces every admin form shares: a status line for the whole form and, per field, a label,
 * a hint and an error line. Error lines are aria-live regions that exist from the first render,
 * so screen readers announce an error when it appears; the field points at them with
 * aria-describedby and says aria-invalid.
 */
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/shared/admin/form-fields";
import { INPUT } from "./styles";

export function FormStatus({ state }: { state: FormState }) {
  const t = useTranslations();
  const formErrors = state.errors._form ?? [];
  const tone = state.status === "saved" ? "text-green-800" : "text-red-800";
  return (
    <p role="status" aria-live="polite" className={`min-h-6 font-medium ${tone}`}>
      {[...(state.message ? [t(state.message)] : []), ...formErrors.map((key) => t(`adminForm.${key}`))].join(" ")}
    </p>
  );
}

export function FieldErrors({ id, keys }: { id: string; keys: string[] | undefined }) {
  const t = useTranslations("adminForm");
  return (
    <p id={id} aria-live="polite" className="mt-1 min-h-5 text-sm font-medium text-red-800">
      {(keys ?? []).map((key) => t(key)).join(" ")}
    </p>
  );
}

export function describedBy(name: string, hint: boolean): string {
  return hint ? `${name}-hint ${name}-error` : `${name}-error`;
}

interface TextFieldProps {
  name: string;
  label: string;
  state: FormState;
  defaultValue?: string;
  hint?: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  multiline?: boolean;
  required?: boolean;
}

export function TextField({ name, label, state, defaultValue = "", hint, type = "text", autoComplete, multiline, required }: TextFieldProps) {
  const value = state.values[name];
  const shown = typeof value === "string" ? value : defaultValue;
  const errors = state.errors[name];
  const common = {
    id: name,
    name,
    defaultValue: shown,
    required,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy(name, !!hint),
    className: INPUT,
  };
  return (
    <div>
      <label htmlFor={name} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-stone-700">
          {hint}
        </p>
      )}
      {multiline ? <textarea rows={3} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />}
      <FieldErrors id={`${name}-error`} keys={errors} />
    </div>
  );
}

export function Fieldset({ legend, hint, name, state, children }: { legend: string; hint?: string; name: string; state: FormState; children: ReactNode }) {
  return (
    <fieldset aria-describedby={describedBy(name, !!hint)} className="space-y-1">
      <legend className="font-medium">{legend}</legend>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-stone-700">
          {hint}
        </p>
      )}
      {children}
      <FieldErrors id={`${name}-error`} keys={state.errors[name]} />
    </fieldset>
  );
}
