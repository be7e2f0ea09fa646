/**
 * What a draft may hold: the notice's field names and, for an amendment or correction, its
 * reason (anything else is refused, as in a published version), each any string up to the
 * published limit — incomplete or invalid values are kept, because a draft exists to hold
 * unfinished work. The full check (noticeFieldsSchema, revisionReasonSchema) runs when
 * publishing. Pure: forms and tests import it.
 */
import { z } from "zod";
import { fieldProblems, FIELD_LIMITS, NOTICE_FIELD_NAMES, noticeFieldsSchema, revisionReasonSchema, type NoticeFieldName } from "@/lib/shared/publishing/notice-fields";
import { REASON_FIELD_NAMES, type ReasonFieldName } from "@/lib/shared/notices/reason-fields";

export const DRAFT_FIELD_NAMES = [...NOTICE_FIELD_NAMES, ...REASON_FIELD_NAMES] as const;
export type DraftFieldName = NoticeFieldName | ReasonFieldName;
export type DraftFields = Partial<Record<DraftFieldName, string>>;
export type DraftKindName = "publish" | "amend" | "correct";

/** Languages and dates are short; the limit only stops a draft from holding a megabyte there. */
const LIMITS: Record<DraftFieldName, number> = { ...FIELD_LIMITS, language: 10, effectiveDate: 20 };

/** Drafts keep almost anything typed; only text that cannot be stored is refused. */
export const DRAFT_INVALID_CHARACTERS = "contains invalid characters";
/** A new notice has nothing to give a reason for: only its amendments and corrections do. */
export const NO_REASON_FOR_NEW = "a new notice states no reason (only an amendment, correction or retraction does)";
const draftValue = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((s) => s.isWellFormed(), DRAFT_INVALID_CHARACTERS);

export const draftFieldsSchema = z
  .object(Object.fromEntries(DRAFT_FIELD_NAMES.map((name) => [name, draftValue(LIMITS[name]).optional()])) as Record<DraftFieldName, z.ZodOptional<ReturnType<typeof draftValue>>>)
  .strict();

/** The notice fields as published: blank optional values left out, so `number: ""` is "no number"; never the reason. */
export function publishableFields(fields: DraftFields): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([name, value]) => value !== undefined && (NOTICE_FIELD_NAMES as readonly string[]).includes(name) && !(name === "number" && value.trim() === ""),
    ),
  );
}

/** The reason an amend/correct draft states, as the publishing service takes it (a blank detail left out). */
export function draftReason(fields: DraftFields): { reason: string; reasonDetail?: string } {
  const detail = fields.reasonDetail ?? "";
  return { reason: fields.reason ?? "", ...(detail.trim() ? { reasonDetail: detail } : {}) };
}

/** Whether a draft holds any reason text (which only an amend/correct draft may). */
export function hasReason(fields: DraftFields): boolean {
  return REASON_FIELD_NAMES.some((name) => (fields[name] ?? "").trim() !== "");
}

/** Reads a stored jsonb value back, keeping only known string fields. */
export function storedDraftFields(value: unknown): DraftFields {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const fields: DraftFields = {};
  for (const name of DRAFT_FIELD_NAMES) {
    const v = (value as Record<string, unknown>)[name];
    if (typeof v === "string") fields[name] = v;
  }
  return fields;
}

/**
 * A version's content as a new draft's starting point: the notice fields only. The reason
 * belongs to the version that stated it, so an amendment starts with none.
 */
export function draftContentOf(fields: Readonly<Record<string, string>>): DraftFields {
  const content: DraftFields = {};
  for (const name of NOTICE_FIELD_NAMES) if (typeof fields[name] === "string") content[name] = fields[name];
  return content;
}

/**
 * Field-by-field problems that would stop this draft from being published (zod messages in
 * English, keyed by field: forms translate them by field and kind), or null when none. An
 * amendment or correction must state a reason; a new notice must not.
 */
export function publishProblems(fields: DraftFields, kind: DraftKindName = "publish"): Record<string, string> | null {
  const parsed = noticeFieldsSchema.safeParse(publishableFields(fields));
  const problems = parsed.success ? {} : fieldProblems(parsed.error);
  if (kind === "publish") {
    for (const name of REASON_FIELD_NAMES) if ((fields[name] ?? "").trim() !== "") problems[name] = NO_REASON_FOR_NEW;
  } else {
    const reason = revisionReasonSchema.safeParse(draftReason(fields));
    if (!reason.success) Object.assign(problems, fieldProblems(reason.error));
  }
  return Object.keys(problems).length > 0 ? problems : null;
}
