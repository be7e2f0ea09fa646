/**
 * What a draft may hold: the notice's field names only (anything else is refused, as in a
 * published version), each any string up to the published limit — incomplete or invalid
 * values are kept, because a draft exists to hold unfinished work. The full check
 * (noticeFieldsSchema) runs when publishing. Pure: forms and tests import it.
 */
import { z } from "zod";
import { fieldProblems, FIELD_LIMITS, NOTICE_FIELD_NAMES, noticeFieldsSchema, type NoticeFieldName } from "@/lib/publishing/notice-fields";

export type DraftFields = Partial<Record<NoticeFieldName, string>>;

/** Languages and dates are short; the limit only stops a draft from holding a megabyte there. */
const LIMITS: Record<NoticeFieldName, number> = { ...FIELD_LIMITS, language: 10, effectiveDate: 20 };

/** Drafts keep almost anything typed; only text that cannot be stored is refused. */
export const DRAFT_INVALID_CHARACTERS = "contains invalid characters";
const draftValue = (max: number) => z.string().max(max, `at most ${max} characters`).refine((s) => s.isWellFormed(), DRAFT_INVALID_CHARACTERS);

export const draftFieldsSchema = z
  .object(Object.fromEntries(NOTICE_FIELD_NAMES.map((name) => [name, draftValue(LIMITS[name]).optional()])) as Record<NoticeFieldName, z.ZodOptional<ReturnType<typeof draftValue>>>)
  .strict();

/** The fields as published: blank optional values left out, so `number: ""` is "no number". */
export function publishableFields(fields: DraftFields): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([name, value]) => value !== undefined && !(name === "number" && value.trim() === "")));
}

/** Reads a stored jsonb value back, keeping only known string fields. */
export function storedDraftFields(value: unknown): DraftFields {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const fields: DraftFields = {};
  for (const name of NOTICE_FIELD_NAMES) {
    const v = (value as Record<string, unknown>)[name];
    if (typeof v === "string") fields[name] = v;
  }
  return fields;
}

/**
 * Field-by-field problems that would stop this draft from being published (zod messages in
 * English, keyed by field: forms translate them by field and kind), or null when none.
 */
export function publishProblems(fields: DraftFields): Record<string, string> | null {
  const parsed = noticeFieldsSchema.safeParse(publishableFields(fields));
  return parsed.success ? null : fieldProblems(parsed.error);
}
