"use server";
/** Server actions of the user pages: each parses the form, calls one service, answers per field. */
import { actionLocale } from "@/i18n/action-locale";
import { revalidatePath } from "next/cache";
import { redirect } from "@/i18n/navigation";
import { addUser } from "./add-user";
import { passwordResetInput, userAccessInput, userCreateInput, userDisableInput } from "./admin-inputs";
import { changeUserAccess } from "./change-user-access";
import { disableUser } from "./disable-user";
import type { FormState } from "../../shared/admin/form-fields";
import { resetUserPassword } from "./reset-user-password";
import { db } from "@/lib/server/db/client";
import { runFormAction } from "./form-action";

export async function createUserAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  locale = actionLocale(locale);
  const state = await runFormAction(form, { schema: userCreateInput, multi: ["agencyIds", "reviewAgencyIds"] }, (actor, values, origin) =>
    addUser({ db: db(), actor, origin }, values),
  );
  if (state.status !== "saved") return state;
  redirect({ href: "/admin/users", locale });
  return state;
}

export async function changeAccessAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  locale = actionLocale(locale);
  const state = await runFormAction(form, { schema: userAccessInput, multi: ["agencyIds", "reviewAgencyIds"] }, (actor, values, origin) =>
    changeUserAccess({ db: db(), actor, origin }, values),
  );
  if (state.status === "saved") revalidatePath(`/${locale}/admin/users`, "layout");
  return state;
}

export async function resetPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, { schema: passwordResetInput, clearOnSuccess: ["password"], successMessage: "adminUsers.passwordSaved" }, (actor, values, origin) =>
    resetUserPassword({ db: db(), actor, origin }, values),
  );
}

export async function disableUserAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  locale = actionLocale(locale);
  const state = await runFormAction(form, { schema: userDisableInput, successMessage: "adminUsers.disabledSaved" }, (actor, values, origin) =>
    disableUser({ db: db(), actor, origin }, values),
  );
  if (state.status === "saved") revalidatePath(`/${locale}/admin/users`, "layout");
  return state;
}
