/**
 * What a clerk or an agency system may put in a notice version, as zod schemas shared by the
 * admin forms, the agency API and the services (which validate again: a service never trusts
 * its caller). Pure: no I/O, so forms and tests import it freely.
 *
 * The field names are the log's (docs/log-format.md): each becomes a salted commitment in the
 * leaf, so an unknown field is refused rather than logged forever.
 */
import { z } from "zod";
import { FIELD_LIMITS } from "./field-limits";
import { hasDirectionControls } from "./direction-controls";
import { toCategorySlug } from "@/lib/shared/categories/vocabulary";

export { FIELD_LIMITS };

export const NOTICE_LANGUAGES = ["zh-CN", "en"] as const;

/** The problems this schema names, exported so forms can turn each into a translated message. */
export const PROBLEMS = {
  required: "required",
  oneLine: "must be one line of text",
  unpublishable: "contains characters that cannot be published (control characters or broken text)",
  directionControls: "contains invisible text-direction controls (U+200E, U+200F, U+061C, U+202A to U+202E, U+2066 to U+2069)",
  dateFormat: "must be a date written YYYY-MM-DD",
  invalidDate: "is not a valid date",
  language: "must be zh-CN or en",
  category: "is not a category of the vocabulary (GET /api/v1/categories lists them)",
} as const;

/** No control characters except tab and newlines; no lone surrogates (they cannot be logged). */
function printable(text: string): boolean {
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text) && text.isWellFormed();
}

/** Text-direction controls reorder a logged line on screen (direction-controls.ts says why). */
const noDirectionControls = (s: string) => !hasDirectionControls(s);

/** One line of printable text, NFC and trimmed: the rule for titles, numbers and a redaction's basis. */
export const line = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, PROBLEMS.required)
        .max(max, `at most ${max} characters`)
        .refine((s) => printable(s) && !/[\r\n]/.test(s), PROBLEMS.oneLine)
        .refine(noDirectionControls, PROBLEMS.directionControls),
    );

const optionalLine = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .max(max, `at most ${max} characters`)
        .refine((s) => printable(s) && !/[\r\n]/.test(s), PROBLEMS.oneLine)
        .refine(noDirectionControls, PROBLEMS.directionControls),
    );

const text = (max: number, min = 1) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(min, PROBLEMS.required)
        .max(max, `at most ${max} characters`)
        .refine(printable, PROBLEMS.unpublishable)
        .refine(noDirectionControls, PROBLEMS.directionControls),
    );

/** A day that exists (not 2026-02-30), written YYYY-MM-DD, within the years a notice can carry. */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= "1949-10-01" && s <= "2199-12-31";
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, PROBLEMS.dateFormat)
  .refine(isCalendarDate, PROBLEMS.invalidDate);

/**
 * A category of the vocabulary (lib/shared/categories/vocabulary.ts), given as its slug or a label or
 * older name in either language; what is logged is the slug, so a notice commits the same value
 * whichever language the clerk's screen was in.
 */
const category = line(FIELD_LIMITS.category).transform((value, ctx) => {
  const slug = toCategorySlug(value);
  if (slug === null) {
    ctx.addIssue({ code: "custom", message: PROBLEMS.category });
    return z.NEVER;
  }
  return slug;
});

/** A publish, amend or correct version: the complete field set of that version. */
export const noticeFieldsSchema = z
  .object({
    title: line(FIELD_LIMITS.title),
    number: optionalLine(FIELD_LIMITS.number).optional(),
    category,
    language: z.enum(NOTICE_LANGUAGES, { error: PROBLEMS.language }),
    effectiveDate: isoDate,
    body: text(FIELD_LIMITS.body),
  })
  .strict();

export type NoticeFields = z.infer<typeof noticeFieldsSchema>;
export const NOTICE_FIELD_NAMES = ["title", "number", "category", "language", "effectiveDate", "body"] as const;
export type NoticeFieldName = (typeof NOTICE_FIELD_NAMES)[number];

/**
 * Why a version amends, corrects or retracts the notice: a one-line reason (the rule of a
 * title) and optional detail. Logged with that version as their own committed fields, but they
 * are about the version, not the notice's content: lib/shared/notices/reason-fields.ts keeps them out of
 * carried-over fields and diffs. A new notice states none. Retractions logged before this rule
 * have a multi-line `reason`; only new input is held to one line.
 */
export const revisionReasonSchema = z
  .object({
    reason: line(FIELD_LIMITS.reason),
    reasonDetail: text(FIELD_LIMITS.reasonDetail, 0).optional(),
  })
  .strict();

export type RevisionReason = z.infer<typeof revisionReasonSchema>;

/**
 * A retraction states why; its title repeats the notice's so lists still name it.
 * @alias of revisionReasonSchema, named for the action that uses it
 */
export const retractionSchema = revisionReasonSchema;

/** The reason as the log stores it: an empty detail left out. */
export function toLoggedReason(reason: RevisionReason): Record<string, string> {
  return reason.reasonDetail ? { reason: reason.reason, reasonDetail: reason.reasonDetail } : { reason: reason.reason };
}

/** The fields as the log stores them: strings only, an empty number left out. */
export function toLoggedFields(fields: NoticeFields): Record<string, string> {
  const { number, ...rest } = fields;
  return number ? { ...rest, number } : { ...rest };
}

/** Field-by-field problems, for forms that show each message next to its field. */
export function fieldProblems(error: z.ZodError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.code === "unrecognized_keys" ? issue.keys.join(",") : String(issue.path[0] ?? "_");
    problems[key] ??= issue.code === "unrecognized_keys" ? "unknown field" : issue.message;
  }
  return problems;
}

/** One line naming each problem, for API answers: "title: required; language: must be zh-CN or en". */
export function describeProblems(error: z.ZodError): string {
  return Object.entries(fieldProblems(error))
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
}
