import "server-only";
/**
 * The common shape of the admin forms' server actions: read the form into plain values, check
 * them with the service's strict zod schema (errors per field, localized by the form), call the
 * one service with the request's actor and origin, and answer with the typed values so a failed
 * attempt loses nothing. The service validates and authorizes again: it is the boundary.
 */
import { headers } from "next/headers";
import type { z } from "zod";
import { FORM_MESSAGE_KEYS } from "./admin-inputs";
import { FieldError } from "./field-error";
import { callService } from "./server-action";
import { fieldErrors, formFields, FORM_ERROR, type FormState, type FormValues } from "../../shared/admin/form-fields";
import type { Actor } from "@/lib/server/auth/authorize";
import { currentActor } from "@/lib/server/auth/current-actor";
import { requestOrigin, type RequestOrigin } from "@/lib/server/auth/request-origin";

export interface FormActionOptions {
  schema: z.ZodType;
  /** Checkbox groups: always arrays. */
  multi?: readonly string[];
  /** Fields never sent back to the browser (none is secret to its sender, but a saved password should not linger). */
  clearOnSuccess?: readonly string[];
  /** A full message key, e.g. "adminUsers.passwordSaved". */
  successMessage?: string;
}

export async function runFormAction(
  form: FormData,
  options: FormActionOptions,
  call: (actor: Actor | null, values: FormValues, origin: RequestOrigin) => Promise<unknown>,
): Promise<FormState> {
  const values = formFields(form, options.multi);
  const parsed = options.schema.safeParse(values);
  if (!parsed.success) return { status: "error", values, errors: fieldErrors(parsed.error, FORM_MESSAGE_KEYS), message: "adminForm.fixErrors" };
  const outcome = await callService(async () => call(await currentActor(), values, requestOrigin(await headers())), {
    what: "admin form action",
    refused: (error): FormState | undefined => {
      if (error instanceof FieldError)
        return { status: "error", values, errors: { [error.field]: [error.messageKey] }, message: error.field === FORM_ERROR ? undefined : "adminForm.fixErrors" };
      if (error.code === "unauthorized") return { status: "error", values, errors: {}, message: "adminForm.signedOut" };
      if (error.code === "forbidden") return { status: "error", values, errors: {}, message: "adminForm.notAllowed" };
      return undefined;
    },
    unexpected: { status: "error", values, errors: {}, message: "adminForm.unexpected" },
  });
  if (!outcome.ok) return outcome.answer;
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !options.clearOnSuccess?.includes(key)));
  return { status: "saved", values: kept, errors: {}, message: options.successMessage ?? "adminForm.saved" };
}
