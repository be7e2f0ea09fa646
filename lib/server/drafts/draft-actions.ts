"use server";
/**
 * The draft editor's actions. Each parses the form strictly, calls one service and answers
 * with everything the form needs to re-render as the clerk left it: the values typed, the
 * draft's stored attachments, and localized messages per field.
 */
import { actionLocale } from "@/i18n/action-locale";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { callService } from "@/lib/server/admin/server-action";
import type { ApiError } from "@/lib/server/api/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { requestOrigin } from "@/lib/server/auth/request-origin";
import { db } from "@/lib/server/db/client";
import { deleteDraft } from "./delete-draft";
import { DRAFT_PUBLISHED, type DraftAttachmentDto } from "./draft-dto";
import { draftFieldsSchema, publishProblems, type DraftFieldName } from "../../shared/drafts/draft-fields";
import { StaleDraftError, type NewerVersion } from "./newer-version";
import { publishDraft } from "./publish-draft";
import { NOT_STALE, rebaseDraft } from "./rebase-draft";
import { saveDraft } from "./save-draft";
import { TRANSLATION_OF_INVALID, TRANSLATION_OF_UNKNOWN, TranslationOfRefused } from "@/lib/server/translations/translation-of";
import { attachmentMaxBytes } from "@/lib/server/publishing/attachment-limit";
import { MAX_ATTACHMENTS } from "@/lib/server/publishing/attachment-policy";
import { fieldProblems } from "@/lib/shared/publishing/notice-fields";
import { humanSize } from "@/components/notice-format";
import { editorInputSchema, fieldErrorKey, formObject, typedValues } from "./editor-input";

export interface EditorState {
  /** Increments with every answer, so the form's inputs remount with `values`. */
  seq: number;
  values: Record<DraftFieldName, string>;
  /** A new notice's draft: the id typed as the notice it translates. */
  translationOf: string;
  revision: number;
  attachments: DraftAttachmentDto[];
  fieldErrors: Partial<Record<DraftFieldName | "translationOf", string>>;
  /** Refused files, one localized line each. */
  attachmentErrors: string[];
  message: { tone: "ok" | "error"; text: string } | null;
}

type Translate = Awaited<ReturnType<typeof getTranslations<"editor">>>;

/** A service's refusal as a localized sentence (never the service's English text). */
function refusal(error: ApiError, t: Translate): string {
  const byCode: Partial<Record<string, string>> = { forbidden: t("forbidden"), "not-found": t("notFound"), unauthorized: t("forbidden"), "bad-request": t("badRequest") };
  if (error.code === "conflict") return error.message === DRAFT_PUBLISHED ? t("alreadyPublished") : t("conflict");
  return byCode[error.code] ?? t("unexpected");
}

/** saveDraft's refusals of the typed original (translation-of.ts), as message keys. */
const ORIGINAL_PROBLEMS: Partial<Record<string, "invalid" | "unknown">> = { [TRANSLATION_OF_INVALID]: "invalid", [TRANSLATION_OF_UNKNOWN]: "unknown" };

/** Why the link the draft was to make refused its publication, in the visitor's language. */
function translationRefusal(error: TranslationOfRefused, t: Translate): string {
  if (error.code === "not-found") return t("translationOf.unknown");
  if (error.code === "forbidden" || error.code === "unauthorized") return t("translationOf.forbidden");
  if (/^both notices are in /.test(error.message)) return t("translationOf.sameLanguage");
  // The reason names the notices involved; ids read the same in both languages.
  return t("translationOf.refused", { reason: error.message });
}

export async function saveDraftAction(locale: string, draftId: string, previous: EditorState, form: FormData): Promise<EditorState> {
  locale = actionLocale(locale);
  const t = await getTranslations({ locale, namespace: "editor" });
  const values = typedValues(form);
  const translationOf = String(form.get("translationOf") ?? "").slice(0, 200);
  const keep = { ...previous, seq: previous.seq + 1, values, translationOf, fieldErrors: {}, attachmentErrors: [] };
  const parsed = editorInputSchema.safeParse(formObject(form));
  if (!parsed.success) {
    const unknown = parsed.error.issues.some((i) => i.code === "unrecognized_keys");
    return { ...keep, message: { tone: "error", text: unknown ? t("unknownField") : t("badRequest") } };
  }
  const { intent, revision, attachments, removeAttachment, translationOf: typedOriginal, ...fields } = parsed.data;
  // A value the draft cannot hold (over its limit: the inputs' maxLength stops this in a
  // browser) is named next to its field, with everything typed kept, instead of a bare 400.
  const unstorable = draftFieldsSchema.safeParse(fields);
  if (!unstorable.success) {
    return { ...keep, fieldErrors: localizedFieldErrors(fieldProblems(unstorable.error), values, t), message: { tone: "error", text: t("needsAttention") } };
  }
  const outcome = await callService(
    async () => {
      const add = await Promise.all(attachments.map(async (f) => ({ fileName: f.name, declaredType: f.type, content: new Uint8Array(await f.arrayBuffer()) })));
      return saveDraft(
        { db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) },
        { draftId, revision, fields, add, remove: removeAttachment, translationOf: typedOriginal },
      );
    },
    {
      what: "draft action",
      refused: (error): EditorState => {
        const original = ORIGINAL_PROBLEMS[error.message];
        if (original) return { ...keep, fieldErrors: { translationOf: t(`translationOf.${original}`) }, message: { tone: "error", text: t("notSavedTranslationOf") } };
        return { ...keep, message: { tone: "error", text: refusal(error, t) } };
      },
      unexpected: { ...keep, message: { tone: "error", text: t("unexpected") } },
    },
  );
  if (!outcome.ok) return outcome.answer;
  const saved = outcome.value;
  // The page around the form (the diff preview) shows the saved draft.
  revalidatePath(`/${locale}/admin/drafts/${draftId}`);
  const size = humanSize(attachmentMaxBytes(), locale);
  const attachmentErrors = saved.rejected.map((r) => t("attachmentRefused", { name: r.fileName, problem: t(`problem.${r.problem}`, { size, max: MAX_ATTACHMENTS }) }));
  const next: EditorState = {
    ...keep,
    translationOf: saved.draft.translationOf ?? "",
    revision: saved.draft.revision,
    attachments: saved.draft.attachments,
    attachmentErrors,
    message: { tone: "ok", text: t("saved") },
  };
  if (intent === "save") return next;
  const problems = publishProblems(saved.draft.fields, saved.draft.kind);
  if (problems || attachmentErrors.length > 0) {
    return { ...next, fieldErrors: localizedFieldErrors(problems ?? {}, values, t), message: { tone: "error", text: t("needsAttention") } };
  }
  redirect({ href: `/admin/drafts/${draftId}/publish`, locale });
  return next;
}

/** Each field's problem as a localized sentence; a blank field is "required" whatever the schema said. */
function localizedFieldErrors(problems: Record<string, string>, values: EditorState["values"], t: Translate): EditorState["fieldErrors"] {
  const fieldErrors: EditorState["fieldErrors"] = {};
  for (const [name, problem] of Object.entries(problems)) {
    if (!(name in values)) continue;
    const { key, max } = values[name as DraftFieldName].trim() === "" ? { key: "required" } : fieldErrorKey(problem);
    fieldErrors[name as DraftFieldName] = t(`fieldError.${key}`, { max: max ?? 0 });
  }
  return fieldErrors;
}

const revisionOnly = (form: FormData) => editorInputSchema.pick({ revision: true }).strict().safeParse(formObject(form));

export interface SimpleState {
  message: string | null;
  /** Publishing was refused because a newer version of the notice was published meanwhile. */
  stale?: NewerVersion;
}

export async function publishDraftAction(locale: string, draftId: string, _previous: SimpleState, form: FormData): Promise<SimpleState> {
  locale = actionLocale(locale);
  const t = await getTranslations({ locale, namespace: "editor" });
  const parsed = revisionOnly(form);
  if (!parsed.success) return { message: t("badRequest") };
  const outcome = await callService(
    async () => publishDraft({ db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) }, { draftId, revision: parsed.data.revision }),
    {
      what: "draft action",
      refused: (error): SimpleState => {
        if (error instanceof StaleDraftError) return { message: null, stale: error.newer };
        return { message: error instanceof TranslationOfRefused ? translationRefusal(error, t) : refusal(error, t) };
      },
      unexpected: { message: t("unexpected") },
    },
  );
  if (!outcome.ok) return outcome.answer;
  redirect({ href: `/admin/notices/${outcome.value.noticeId}`, locale });
  return { message: null };
}

export async function deleteDraftAction(locale: string, draftId: string, _previous: SimpleState, form: FormData): Promise<SimpleState> {
  locale = actionLocale(locale);
  const t = await getTranslations({ locale, namespace: "editor" });
  const parsed = revisionOnly(form);
  if (!parsed.success) return { message: t("badRequest") };
  const outcome = await callService(
    async () => deleteDraft({ db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) }, { draftId, revision: parsed.data.revision }),
    {
      what: "draft action",
      refused: (error): SimpleState => ({ message: refusal(error, t) }),
      unexpected: { message: t("unexpected") },
    },
  );
  if (!outcome.ok) return outcome.answer;
  redirect({ href: "/admin", locale });
  return { message: null };
}

const rebaseInput = editorInputSchema.pick({ revision: true }).extend({ version: editorInputSchema.shape.revision }).strict();

/** Rebases a stale draft on the version the rebase page showed, then returns to the editor. */
export async function rebaseDraftAction(locale: string, draftId: string, _previous: SimpleState, form: FormData): Promise<SimpleState> {
  locale = actionLocale(locale);
  const t = await getTranslations({ locale, namespace: "editor" });
  const parsed = rebaseInput.safeParse(formObject(form));
  if (!parsed.success) return { message: t("badRequest") };
  const outcome = await callService(async () => rebaseDraft({ db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) }, { draftId, ...parsed.data }), {
    what: "draft action",
    refused: (error): SimpleState => ({ message: error.message === NOT_STALE ? t("stale.notStale") : refusal(error, t) }),
    unexpected: { message: t("unexpected") },
  });
  if (!outcome.ok) return outcome.answer;
  revalidatePath(`/${locale}/admin/drafts/${draftId}`);
  redirect({ href: `/admin/drafts/${draftId}`, locale });
  return { message: null };
}
