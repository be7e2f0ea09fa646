"use server";
/** Server actions of the account page: each parses the form, calls one service, answers per field. */
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { actionLocale } from "@/i18n/action-locale";
import { ownNameInput, ownPasswordInput } from "@/lib/server/admin/admin-inputs";
import type { FormState } from "@/lib/shared/admin/form-fields";
import { changeOwnPassword } from "@/lib/server/auth/change-own-password";
import { renameSelf } from "@/lib/server/auth/rename-self";
import { auth } from "@/lib/server/auth/server";
import { db } from "@/lib/server/db/client";
import { runFormAction } from "@/lib/server/admin/form-action";

export async function renameSelfAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, { schema: ownNameInput, successMessage: "adminAccount.nameSaved" }, (actor, values, origin) =>
    renameSelf({ db: db(), actor, origin }, values),
  );
  if (state.status === "saved") revalidatePath(`/${actionLocale(locale)}/admin`, "layout");
  return state;
}

export async function changeOwnPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(
    form,
    { schema: ownPasswordInput, clearOnSuccess: ["currentPassword", "password"], successMessage: "adminAccount.passwordSaved" },
    async (actor, values, origin) => {
      // This browser stays signed in; every other session of the user ends.
      const session = await auth().api.getSession({ headers: await headers() });
      return changeOwnPassword({ db: db(), actor, origin }, values, session?.session.token ?? null);
    },
  );
}
