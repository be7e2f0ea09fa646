/**
 * Turns a submitted form into a plain object for a zod `.strict()` schema, and zod's issues into
 * per-field message keys (translated by the form, in both languages). Shared by the admin
 * server actions; nothing here touches the database.
 */
import type { z } from "zod";

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string[]>;

/** The key under which errors that belong to no one field are shown (e.g. an unknown field). */
export const FORM_ERROR = "_form";

/**
 * Each field once, as a string; `multi` fields (checkbox groups) always as arrays. A single
 * field sent twice stays an array so the schema rejects it instead of silently taking one.
 * React's own `$ACTION_…` fields (progressive enhancement before hydration) are not user input.
 */
export function formFields(form: FormData, multi: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).map((v) => (typeof v === "string" ? v : ""));
    values[key] = multi.includes(key) || all.length > 1 ? all : (all[0] ?? "");
  }
  for (const key of multi) values[key] ??= [];
  return values;
}

/**
 * Field name -> message keys. The schemas give every check an explicit key; anything else
 * (a wrong type from a hand-made request) becomes "invalid", and unknown fields "unknownField".
 */
export function fieldErrors(error: z.ZodError, knownKeys: ReadonlySet<string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.code === "unrecognized_keys" || issue.path.length === 0 ? FORM_ERROR : String(issue.path[0]);
    const key = issue.code === "unrecognized_keys" ? "unknownField" : knownKeys.has(issue.message) ? issue.message : "invalid";
    const keys = (errors[field] ??= []);
    if (!keys.includes(key)) keys.push(key);
  }
  return errors;
}

/** The form's answer: `values` are echoed back on failure so nothing typed is lost. */
export interface FormState {
  status: "idle" | "error" | "saved";
  values: FormValues;
  errors: FieldErrors;
  /** A full message key (namespace.key) about the whole form: saved, refused, fix the errors… */
  message?: string;
}

export const IDLE: FormState = { status: "idle", values: {}, errors: {} };
