"use client";
/**
 * The amendment's diff while the clerk types: the fields are read from the editor form
 * (components/editor/rich-text-body.tsx announces each toolbar edit as an input event) a
 * moment after typing stops, and compared in the browser with the same pure code the server
 * uses (lib/shared/notices/version-diff.ts). Until the first keystroke, and again after every save,
 * it shows the saved draft. Attachments are compared as saved: a file picked but not yet
 * uploaded has no digest to compare.
 */
import { useEffect, useState } from "react";
import { DraftDiffPreview } from "@/components/editor/draft-diff-preview";
import { publishableFields, type DraftFields } from "@/lib/shared/drafts/draft-fields";
import { NOTICE_FIELD_NAMES } from "@/lib/shared/publishing/notice-fields";

export const DRAFT_FORM_ID = "draft-form";
const DEBOUNCE_MS = 300;

type Facts = { fileName: string; sha256: string; size: number };

function typedFields(form: HTMLFormElement): Record<string, string> {
  const data = new FormData(form);
  const fields: DraftFields = {};
  for (const name of NOTICE_FIELD_NAMES) {
    const value = data.get(name);
    if (typeof value === "string") fields[name] = value;
  }
  return publishableFields(fields);
}

export function LiveDraftDiff({
  saved,
  ...props
}: {
  before: Record<string, string>;
  saved: Record<string, string>;
  beforeAttachments: Facts[];
  afterAttachments: Facts[];
  baseVersion: number;
}) {
  const [typed, setTyped] = useState<{ basis: Record<string, string>; fields: Record<string, string> } | null>(null);
  useEffect(() => {
    const form = document.getElementById(DRAFT_FORM_ID);
    if (!(form instanceof HTMLFormElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setTyped({ basis: saved, fields: typedFields(form) }), DEBOUNCE_MS);
    };
    form.addEventListener("input", read);
    form.addEventListener("change", read);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", read);
      form.removeEventListener("change", read);
    };
  }, [saved]);
  // A save re-renders the page with a new saved draft: typing read before it is stale.
  const after = typed && typed.basis === saved ? typed.fields : saved;
  return <DraftDiffPreview {...props} after={after} />;
}
