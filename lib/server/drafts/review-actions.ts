"use server";
/**
 * The review actions of a draft (docs/review.md): submit, withdraw, approve (now or at a time
 * in the portal's zone), return with a comment. Each parses its form strictly, calls one service
 * and answers in the visitor's language with what was typed, so a refused form loses nothing.
 */
import { actionLocale } from "@/i18n/action-locale";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { callService } from "@/lib/server/admin/server-action";
import { ApiError } from "@/lib/server/api/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { requestOrigin } from "@/lib/server/auth/request-origin";
import { db } from "@/lib/server/db/client";
import { approveDraft } from "./approve-draft";
import { DRAFT_IN_REVIEW, DRAFT_PUBLISHED } from "./draft-dto";
import { StaleDraftError } from "./newer-version";
import { returnDraft } from "./return-draft";
import { COMMENT_MAX, COMMENT_REQUIRED, DRAFT_INCOMPLETE, NOT_IN_REVIEW, NOT_SUBMITTED, OWN_DRAFT, PUBLISH_AT_PAST, REVIEW_NOT_REQUIRED } from "./review-steps";
import { submitDraft } from "./submit-draft";
import { withdrawDraft } from "./withdraw-draft";
import { parsePortalLocalTime } from "@/lib/shared/portal-local-time";
import { portalTimeZone } from "@/lib/server/portal-time-zone";
import { TranslationOfRefused } from "@/lib/server/translations/translation-of";
import { formObject } from "./editor-input";

import type { ReviewFormState } from "@/components/review/review-forms";

const reviewInput = z
  .object({
    revision: z.coerce.number().int().min(0).max(2_147_483_647),
    comment: z
      .string()
      .max(COMMENT_MAX * 2)
      .default(""),
    publishAt: z.string().max(40).default(""),
  })
  .strict();

type Translate = Awaited<ReturnType<typeof getTranslations<"review">>>;
type EditorTranslate = Awaited<ReturnType<typeof getTranslations<"editor">>>;

/** A service's refusal as a sentence in the visitor's language. */
function refusal(error: ApiError, t: Translate, te: EditorTranslate): { message: string; field?: ReviewFormState["field"] } {
  if (error instanceof StaleDraftError) return { message: t("stale", { version: error.newer.version }) };
  if (error instanceof TranslationOfRefused) return { message: te("translationOf.refused", { reason: error.message }) };
  const known: Record<string, { message: string; field?: ReviewFormState["field"] }> = {
    [COMMENT_REQUIRED]: { message: t("commentRequired"), field: "comment" },
    [PUBLISH_AT_PAST]: { message: t("publishAtPast"), field: "publishAt" },
    [OWN_DRAFT]: { message: t("ownDraft") },
    [DRAFT_INCOMPLETE]: { message: t("incomplete") },
    [NOT_SUBMITTED]: { message: t("notSubmitted") },
    [NOT_IN_REVIEW]: { message: t("notSubmitted") },
    [REVIEW_NOT_REQUIRED]: { message: t("notRequired") },
    [DRAFT_IN_REVIEW]: { message: t("inReviewNote") },
    [DRAFT_PUBLISHED]: { message: te("alreadyPublished") },
  };
  if (known[error.message]) return known[error.message]!;
  const byCode: Partial<Record<string, string>> = {
    forbidden: te("forbidden"),
    unauthorized: te("forbidden"),
    "not-found": te("notFound"),
    conflict: te("conflict"),
    "bad-request": te("badRequest"),
  };
  return { message: byCode[error.code] ?? te("unexpected") };
}

async function run(
  locale: string,
  previous: ReviewFormState,
  form: FormData,
  call: (input: z.infer<typeof reviewInput>, t: Translate) => Promise<string | null>,
): Promise<ReviewFormState> {
  const [t, te] = await Promise.all([getTranslations({ locale, namespace: "review" }), getTranslations({ locale, namespace: "editor" })]);
  const typed = { comment: String(form.get("comment") ?? "").slice(0, COMMENT_MAX * 2), publishAt: String(form.get("publishAt") ?? "").slice(0, 40), seq: previous.seq + 1 };
  const parsed = reviewInput.safeParse(formObject(form));
  if (!parsed.success) return { ...typed, message: te("badRequest") };
  const outcome = await callService(() => call(parsed.data, t), {
    what: "review action",
    refused: (error): ReviewFormState => {
      if (error instanceof FieldRefusal) return { ...typed, message: error.message, field: error.field };
      return { ...typed, ...refusal(error, t, te) };
    },
    unexpected: { ...typed, message: te("unexpected") },
  });
  if (!outcome.ok) return outcome.answer;
  if (outcome.value) redirect({ href: outcome.value, locale });
  return { ...typed, message: null };
}

/** A problem with what was typed, found before calling the service: a refusal like the service's own. */
class FieldRefusal extends ApiError {
  constructor(
    message: string,
    readonly field: ReviewFormState["field"],
  ) {
    super("bad-request", message);
  }
}

export async function submitDraftAction(locale: string, draftId: string, previous: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  locale = actionLocale(locale);
  return run(locale, previous, form, async ({ revision, comment }) => {
    await submitDraft({ db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) }, { draftId, revision, comment });
    revalidatePath(`/${locale}/admin`, "layout");
    return `/admin/drafts/${draftId}`;
  });
}

export async function withdrawDraftAction(locale: string, draftId: string, previous: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  locale = actionLocale(locale);
  return run(locale, previous, form, async ({ revision }) => {
    await withdrawDraft({ db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) }, { draftId, revision });
    revalidatePath(`/${locale}/admin`, "layout");
    return `/admin/drafts/${draftId}`;
  });
}

export async function returnDraftAction(locale: string, draftId: string, previous: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  locale = actionLocale(locale);
  return run(locale, previous, form, async ({ revision, comment }, t) => {
    if (comment.trim() === "") throw new FieldRefusal(t("commentRequired"), "comment");
    await returnDraft({ db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) }, { draftId, revision, comment });
    revalidatePath(`/${locale}/admin`, "layout");
    return `/admin/drafts/${draftId}`;
  });
}

export async function approveDraftAction(locale: string, draftId: string, previous: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  locale = actionLocale(locale);
  return run(locale, previous, form, async ({ revision, comment, publishAt: typed }, t) => {
    let publishAt: Date | null = null;
    if (typed.trim() !== "") {
      publishAt = parsePortalLocalTime(typed, portalTimeZone());
      if (!publishAt) throw new FieldRefusal(t("publishAtInvalid"), "publishAt");
    }
    const outcome = await approveDraft({ db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) }, { draftId, revision, comment, publishAt });
    revalidatePath(`/${locale}/admin`, "layout");
    return outcome.published ? `/admin/notices/${outcome.published.noticeId}` : `/admin/drafts/${draftId}`;
  });
}
