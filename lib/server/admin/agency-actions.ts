"use server";
/** Server actions of the agency pages: parse the form, call one service, answer per field. */
import { actionLocale } from "@/i18n/action-locale";
import { revalidatePath } from "next/cache";
import { redirect } from "@/i18n/navigation";
import { agencyCreateInput, agencyUpdateInput } from "./admin-inputs";
import { createAgency } from "./create-agency";
import type { FormState } from "../../shared/admin/form-fields";
import { updateAgency } from "./update-agency";
import { db } from "@/lib/server/db/client";
import { runFormAction } from "./form-action";

export async function createAgencyAction(locale: string, _previous: FormState, form: FormData): Promise<FormState> {
  locale = actionLocale(locale);
  const state = await runFormAction(form, { schema: agencyCreateInput }, (actor, values, origin) => createAgency({ db: db(), actor, origin }, values));
  if (state.status !== "saved") return state;
  // Public agency pages list agencies too.
  revalidatePath("/", "layout");
  redirect({ href: "/admin/agencies", locale });
  return state;
}

export async function updateAgencyAction(_previous: FormState, form: FormData): Promise<FormState> {
  const state = await runFormAction(form, { schema: agencyUpdateInput }, (actor, values, origin) => updateAgency({ db: db(), actor, origin }, values));
  if (state.status === "saved") revalidatePath("/", "layout");
  return state;
}
