"use server";
/** Starting drafts: a new notice for one of the clerk's agencies, or an amendment/correction. */
import { actionLocale } from "@/i18n/action-locale";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { callService } from "@/lib/server/admin/server-action";
import { currentActor } from "@/lib/server/auth/current-actor";
import { requestOrigin } from "@/lib/server/auth/request-origin";
import { db } from "@/lib/server/db/client";
import { createDraft, type CreateDraftInput } from "@/lib/server/drafts/create-draft";
import { formObject } from "@/lib/server/drafts/editor-input";

export interface StartState {
  message: string | null;
}

const newNoticeSchema = z.object({ agencyId: z.string().min(1).max(64) }).strict();
const amendSchema = z.object({ kind: z.enum(["amend", "correct"]) }).strict();

async function start(locale: string, input: CreateDraftInput): Promise<StartState> {
  const t = await getTranslations({ locale, namespace: "editor" });
  const outcome = await callService(async () => createDraft({ db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) }, input), {
    what: "starting a draft",
    refused: (error): StartState => {
      const text = { forbidden: t("forbidden"), unauthorized: t("forbidden"), "not-found": t("notFound") } as Partial<Record<string, string>>;
      return { message: text[error.code] ?? (error.code === "conflict" ? t("statusRetracted") : t("badRequest")) };
    },
    unexpected: { message: t("unexpected") },
  });
  if (!outcome.ok) return outcome.answer;
  const created = outcome.value;
  // An existing draft was opened instead of a new one: the editor says so (and which kind it is).
  const opened = created.existing && "kind" in input ? `?opened=${input.kind}` : "";
  redirect({ href: `/admin/drafts/${created.id}${opened}`, locale });
  return { message: null };
}

export async function startNoticeAction(locale: string, _previous: StartState, form: FormData): Promise<StartState> {
  locale = actionLocale(locale);
  const parsed = newNoticeSchema.safeParse(formObject(form));
  if (!parsed.success) return { message: (await getTranslations({ locale, namespace: "editor" }))("badRequest") };
  return start(locale, { agencyId: parsed.data.agencyId });
}

export async function startAmendmentAction(locale: string, noticeId: string, _previous: StartState, form: FormData): Promise<StartState> {
  locale = actionLocale(locale);
  const parsed = amendSchema.safeParse(formObject(form));
  if (!parsed.success) return { message: (await getTranslations({ locale, namespace: "editor" }))("badRequest") };
  return start(locale, { noticeId, kind: parsed.data.kind });
}
