"use client";
/**
 * The notice editor: labelled fields with their errors beside them (aria-live), the body with
 * a live preview, the draft's stored attachments and a picker for more. After every answer the
 * inputs remount with what the server sent back — the clerk's own typing — because React
 * resets a form after its action runs and file pickers cannot be refilled.
 */
import { useActionState, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { MarkdownPreview } from "@/components/editor/markdown-preview";
import { RichTextBody } from "@/components/editor/rich-text-body";
import { DRAFT_FORM_ID } from "@/components/editor/live-draft-diff";
import { DraftAttachmentList } from "@/components/editor/draft-attachment-list";
import { humanSize } from "@/components/notice-format";
import { BUILT_IN_ENV } from "@/lib/shared/built-in-env";
import { FIELD_LIMITS } from "@/lib/shared/publishing/field-limits";
import type { NoticeFieldName } from "@/lib/shared/publishing/notice-fields";
import { CATEGORIES, toCategorySlug } from "@/lib/shared/categories/vocabulary";
import type { EditorState, SimpleState } from "@/lib/server/drafts/draft-actions";
import { ReasonInputs } from "./reason-inputs";

/** The largest request the server takes (next.config.ts); larger selections are stopped here. */
const UPLOAD_BODY_LIMIT = BUILT_IN_ENV.uploadBodyLimit;
const FORM_OVERHEAD = 1024 * 1024;

interface Props {
  action: (state: EditorState, form: FormData) => Promise<EditorState>;
  initial: EditorState;
  accept: string;
  maxBytes: number;
  isAmendment: boolean;
  /** An amendment or correction: the clerk states its reason (reason-inputs.tsx). */
  revisionKind?: "amend" | "correct";
  deleteAction: (state: SimpleState, form: FormData) => Promise<SimpleState>;
  /** The second button's words when it leads elsewhere than publishing (review: "Submit for review…"). */
  continueLabel?: string;
}

export function EditorForm({ action, initial, accept, maxBytes, isAmendment, revisionKind, deleteAction, continueLabel }: Props) {
  const t = useTranslations("editor");
  const tc = useTranslations("categories");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, initial);
  const [body, setBody] = useState(initial.values.body);
  const [bodySeq, setBodySeq] = useState(initial.seq);
  const [tooLarge, setTooLarge] = useState(false);
  if (bodySeq !== state.seq) {
    // A new answer: the preview follows the body the server sent back.
    setBodySeq(state.seq);
    setBody(state.values.body);
  }
  const input = "mt-1 block w-full rounded border border-stone-500 px-3 py-2";
  const describedBy = (name: NoticeFieldName | "translationOf", hint?: boolean) => [hint ? `${name}-hint` : "", `${name}-error`].filter(Boolean).join(" ");
  const error = (name: NoticeFieldName | "translationOf") => (
    <p id={`${name}-error`} aria-live="polite" className="mt-1 min-h-5 text-sm font-medium text-red-800">
      {state.fieldErrors[name] ?? ""}
    </p>
  );
  const invalid = (name: NoticeFieldName | "translationOf") => (state.fieldErrors[name] ? true : undefined);

  function checkSize(event: FormEvent<HTMLFormElement>) {
    const files = (event.currentTarget.elements.namedItem("attachments") as HTMLInputElement | null)?.files;
    const total = Array.from(files ?? []).reduce((sum, f) => sum + f.size, 0);
    const over = total + FORM_OVERHEAD > UPLOAD_BODY_LIMIT;
    setTooLarge(over);
    if (over) event.preventDefault();
  }

  return (
    <>
      <form id={DRAFT_FORM_ID} action={formAction} onSubmit={checkSize} className="space-y-6" noValidate>
        <div role="status" aria-live="polite" className="min-h-6 font-medium">
          {state.message && <p className={state.message.tone === "ok" ? "text-green-900" : "text-red-800"}>{state.message.text}</p>}
        </div>
        <input key={`rev-${state.seq}`} type="hidden" name="revision" value={state.revision} />
        {revisionKind && <ReasonInputs kind={revisionKind} state={state} />}
        <div>
          <label htmlFor="title" className="font-medium">
            {t("title")}
          </label>
          <input
            key={`title-${state.seq}`}
            id="title"
            name="title"
            maxLength={FIELD_LIMITS.title}
            defaultValue={state.values.title}
            aria-invalid={invalid("title")}
            aria-describedby={describedBy("title")}
            className={input}
          />
          {error("title")}
        </div>
        <div>
          <label htmlFor="number" className="font-medium">
            {t("number")}
          </label>
          <input
            key={`number-${state.seq}`}
            id="number"
            name="number"
            maxLength={FIELD_LIMITS.number}
            defaultValue={state.values.number}
            aria-invalid={invalid("number")}
            aria-describedby={describedBy("number", true)}
            className={input}
          />
          <p id="number-hint" className="mt-1 text-sm text-stone-700">
            {t("numberHint")}
          </p>
          {error("number")}
        </div>
        <div>
          <label htmlFor="category" className="font-medium">
            {t("category")}
          </label>
          {/* A choice from the vocabulary; a draft or amended notice from before it keeps its old value only as a hint. */}
          <select
            key={`category-${state.seq}`}
            id="category"
            name="category"
            defaultValue={toCategorySlug(state.values.category) ?? ""}
            aria-invalid={invalid("category")}
            aria-describedby={describedBy("category", true)}
            className={input}
          >
            <option value="">{tc("choose")}</option>
            {CATEGORIES.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.label[locale === "en" ? "en" : "zh-CN"]}
              </option>
            ))}
          </select>
          <p id="category-hint" className="mt-1 text-sm text-stone-700">
            {state.values.category && toCategorySlug(state.values.category) === null ? tc("previous", { value: state.values.category }) : tc("hint")}
          </p>
          {error("category")}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="language" className="font-medium">
              {t("language")}
            </label>
            <select
              key={`language-${state.seq}`}
              id="language"
              name="language"
              defaultValue={state.values.language}
              aria-invalid={invalid("language")}
              aria-describedby={describedBy("language")}
              className={input}
            >
              <option value="">{t("chooseLanguage")}</option>
              <option value="zh-CN">{t("languageZh")}</option>
              <option value="en">{t("languageEn")}</option>
            </select>
            {error("language")}
          </div>
          <div>
            <label htmlFor="effectiveDate" className="font-medium">
              {t("effectiveDate")}
            </label>
            <input
              key={`date-${state.seq}`}
              id="effectiveDate"
              name="effectiveDate"
              type="date"
              defaultValue={state.values.effectiveDate}
              aria-invalid={invalid("effectiveDate")}
              aria-describedby={describedBy("effectiveDate")}
              className={input}
            />
            {error("effectiveDate")}
          </div>
        </div>
        {!isAmendment && (
          <div>
            <label htmlFor="translationOf" className="font-medium">
              {t("translationOfLabel")}
            </label>
            <input
              key={`translationOf-${state.seq}`}
              id="translationOf"
              name="translationOf"
              maxLength={100}
              defaultValue={state.translationOf}
              aria-invalid={invalid("translationOf")}
              aria-describedby={describedBy("translationOf", true)}
              className={input}
            />
            <p id="translationOf-hint" className="mt-1 text-sm text-stone-700">
              {t("translationOfHint")}
            </p>
            {error("translationOf")}
          </div>
        )}
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <RichTextBody
              key={`body-${state.seq}`}
              initial={state.values.body}
              onChange={setBody}
              maxLength={FIELD_LIMITS.body}
              invalid={!!invalid("body")}
              describedBy={describedBy("body", true)}
              className={`${input} font-mono text-sm`}
            />
            <p id="body-hint" className="mt-1 text-sm text-stone-700">
              {t("bodyHint")}
            </p>
            {error("body")}
          </div>
          <section aria-labelledby="preview-heading" className="rounded border border-stone-300 bg-white p-3">
            <h2 id="preview-heading" className="text-lg font-semibold">
              {t("preview")}
            </h2>
            <p className="text-sm text-stone-700">{t("previewHint")}</p>
            <MarkdownPreview source={body} emptyText={t("previewEmpty")} />
          </section>
        </div>
        <fieldset className="space-y-3 rounded border border-stone-300 p-3">
          <legend className="px-1 font-semibold">{t("attachments")}</legend>
          {isAmendment && <p className="text-sm">{t("keepAttachments")}</p>}
          <DraftAttachmentList
            attachments={state.attachments}
            locale={locale}
            disabled={pending}
            labels={{
              fileName: t("fileName"),
              size: t("size"),
              sha256: t("sha256"),
              remove: t("remove"),
              removeLabel: (name) => t("removeLabel", { name }),
              none: t("noAttachments"),
              caption: t("attachments"),
            }}
          />
          <div>
            <label htmlFor="attachments" className="font-medium">
              {t("addAttachments")}
            </label>
            <input
              key={`files-${state.seq}`}
              id="attachments"
              name="attachments"
              type="file"
              multiple
              accept={accept}
              aria-describedby="attachments-hint attachments-error"
              className="mt-1 block"
            />
            <p id="attachments-hint" className="mt-1 text-sm text-stone-700">
              {t("attachmentsHint", { size: humanSize(maxBytes, locale) })}
            </p>
            <div id="attachments-error" aria-live="polite" className="text-sm font-medium text-red-800">
              {tooLarge && <p>{t("bodyTooLarge", { size: humanSize(UPLOAD_BODY_LIMIT - FORM_OVERHEAD, locale) })}</p>}
              {state.attachmentErrors.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="save" disabled={pending} className="rounded border border-stone-800 px-4 py-2 font-medium">
            {t("save")}
          </button>
          <button type="submit" name="intent" value="review" disabled={pending} className="rounded bg-stone-800 px-4 py-2 font-medium text-white">
            {continueLabel ?? t("review")}
          </button>
          {pending && <span className="self-center text-stone-700">{t("saving")}</span>}
        </div>
      </form>
      <DeleteDraftForm action={deleteAction} revision={state.revision} />
    </>
  );
}

/** Deleting asks twice (the button is inside a disclosure that explains it is final). */
function DeleteDraftForm({ action, revision }: { action: Props["deleteAction"]; revision: number }) {
  const t = useTranslations("editor");
  const [state, formAction, pending] = useActionState(action, { message: null });
  return (
    <details className="rounded border border-stone-300 p-3">
      <summary className="cursor-pointer font-medium">{t("delete")}</summary>
      <form action={formAction} className="mt-2 space-y-2">
        <p id="delete-hint" className="text-sm">
          {t("deleteHint")}
        </p>
        <input type="hidden" name="revision" value={revision} />
        <p role="status" aria-live="polite" className="min-h-5 text-sm font-medium text-red-800">
          {state.message ?? ""}
        </p>
        <button type="submit" disabled={pending} aria-describedby="delete-hint" className="rounded border border-red-800 px-4 py-2 font-medium text-red-900">
          {t("delete")}
        </button>
      </form>
    </details>
  );
}
