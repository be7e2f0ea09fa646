"use server";
/** A clerk links a notice they published as a translation of another (lib/server/translations/link-translation.ts). */
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { actionLocale } from "@/i18n/action-locale";
import { callService } from "@/lib/server/admin/server-action";
import { currentActor } from "@/lib/server/auth/current-actor";
import { requestOrigin } from "@/lib/server/auth/request-origin";
import { db } from "@/lib/server/db/client";
import { linkTranslation } from "./link-translation";
import { formObject } from "@/lib/server/drafts/editor-input";

export interface TranslationState {
  tone: "ok" | "error" | null;
  message: string | null;
  /** What was typed, shown again after a refusal. */
  originalId: string;
  seq: number;
}

const formSchema = z.object({ originalId: z.string().max(200) }).strict();

export async function linkTranslationAction(locale: string, noticeId: string, previous: TranslationState, form: FormData): Promise<TranslationState> {
  locale = actionLocale(locale);
  const t = await getTranslations({ locale, namespace: "translations" });
  const seq = previous.seq + 1;
  const parsed = formSchema.safeParse(formObject(form));
  const typed = parsed.success ? parsed.data.originalId.trim() : String(form.get("originalId") ?? "").slice(0, 200);
  const refuse = (message: string): TranslationState => ({ tone: "error", message, originalId: typed, seq });
  if (!parsed.success) return refuse(t("unexpected"));
  if (typed === "") return refuse(t("required"));
  const outcome = await callService(
    async () => linkTranslation({ db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) }, { translationId: noticeId, originalId: typed }),
    {
      what: "linking a translation",
      refused: (error) => {
        if (error.code === "not-found") return refuse(t("notFound"));
        if (error.code === "forbidden" || error.code === "unauthorized") return refuse(t("forbidden"));
        if (/same language|both notices are in/.test(error.message)) return refuse(t("sameLanguage"));
        // The service's reason names the notices involved; ids read the same in both languages.
        return refuse(t(error.code === "conflict" ? "conflict" : "badRequest", { reason: error.message }));
      },
      unexpected: refuse(t("unexpected")),
    },
  );
  if (!outcome.ok) return outcome.answer;
  revalidatePath(`/${locale}/admin/notices/${noticeId}`);
  return { tone: "ok", message: t("linked"), originalId: "", seq };
}
