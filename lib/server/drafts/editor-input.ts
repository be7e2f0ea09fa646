/**
 * The editor form's FormData as a strict zod shape: a field the form does not have is refused
 * (never silently ignored), each value bounded, files and removals as lists. Next's own
 * `$ACTION_…` keys (progressive enhancement) are not the form's and are dropped first.
 */
import { z } from "zod";
import { PROBLEMS } from "@/lib/shared/publishing/notice-fields";
import { DRAFT_FIELD_NAMES, DRAFT_INVALID_CHARACTERS, NO_REASON_FOR_NEW, type DraftFieldName } from "../../shared/drafts/draft-fields";
import { MAX_ATTACHMENTS } from "@/lib/server/publishing/attachment-policy";

const MULTI = new Set(["attachments", "removeAttachment"]);

export const editorInputSchema = z
  .object({
    intent: z.enum(["save", "review"]).default("save"),
    revision: z.coerce.number().int().min(0).max(2_147_483_647),
    title: z.string().default(""),
    number: z.string().default(""),
    category: z.string().default(""),
    language: z.string().default(""),
    effectiveDate: z.string().default(""),
    body: z.string().default(""),
    // Only an amendment's or correction's editor has them (a new notice's saves drop blank ones).
    reason: z.string().default(""),
    reasonDetail: z.string().default(""),
    // Only a new notice's editor has it; an id is at most 100 characters (translation-of.ts).
    translationOf: z.string().max(200).optional(),
    attachments: z
      .array(z.instanceof(File))
      .max(MAX_ATTACHMENTS * 2)
      .default([]),
    removeAttachment: z.array(z.uuid()).max(100).default([]),
  })
  .strict();

/**
 * FormData → plain object: repeated keys as arrays, empty file pickers left out (a picker with
 * no file arrives as an empty file named "" — or "undefined" through React's action encoding).
 */
export function formObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v) => !(v instanceof File && v.size === 0 && (v.name === "" || v.name === "undefined")));
    object[key] = MULTI.has(key) ? values : values[0];
  }
  return object;
}

/** What the clerk typed, as strings, whatever else is wrong with the form (to show it back). */
export function typedValues(form: FormData): Record<DraftFieldName, string> {
  return Object.fromEntries(DRAFT_FIELD_NAMES.map((name) => [name, String(form.get(name) ?? "").slice(0, 250_000)])) as Record<DraftFieldName, string>;
}

/** The English problem texts of notice-fields.ts and draft-fields.ts as message keys. */
export function fieldErrorKey(problem: string): { key: string; max?: number } {
  const max = /^at most (\d+) characters$/.exec(problem);
  if (max) return { key: "tooLong", max: Number(max[1]) };
  const keys: Record<string, string> = {
    [PROBLEMS.required]: "required",
    [PROBLEMS.oneLine]: "oneLine",
    [PROBLEMS.unpublishable]: "invalidChars",
    [DRAFT_INVALID_CHARACTERS]: "invalidChars",
    [PROBLEMS.directionControls]: "directionControls",
    [PROBLEMS.dateFormat]: "dateFormat",
    [PROBLEMS.invalidDate]: "invalidDate",
    [PROBLEMS.language]: "language",
    [PROBLEMS.category]: "category",
    [NO_REASON_FOR_NEW]: "noReasonForNew",
  };
  return { key: keys[problem] ?? "invalid" };
}
