/**
 * What the administrators' forms may submit, as zod `.strict()` schemas (unknown fields are
 * rejected). Every check names a message key of the "adminForm" namespace, so the same schema
 * gives localized errors next to the field in the form and a 400 inside the service.
 */
import { z } from "zod";
import { ROLES } from "@/lib/server/auth/authorize";
import { passwordProblem } from "@/lib/server/auth/password-policy";

/** The message keys the schemas use (messages/<locale>/admin.json, namespace adminForm). */
export const FORM_MESSAGE_KEYS = new Set([
  "invalid",
  "unknownField",
  "required",
  "tooLong",
  "emailInvalid",
  "passwordTooShort",
  "passwordTooLong",
  "passwordIsEmail",
  "roleInvalid",
  "agencyIdInvalid",
  "agencyUnknown",
  "emailTaken",
  "agencyIdTaken",
  "clerkNeedsAgency",
  "reviewNeedsAgency",
  "selfDemotion",
  "selfDisable",
  "userUnknown",
  "dateInvalid",
  "dateOrder",
  "currentPasswordWrong",
]);

const text = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const optionalText = (max: number) => z.string().trim().max(max, { error: "tooLong" });

/** Agency ids appear in URLs and log leaves: lower-case words joined by hyphens. */
export const AGENCY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const agencyId = z.string().trim().min(2, { error: "agencyIdInvalid" }).max(64, { error: "agencyIdInvalid" }).regex(AGENCY_ID, { error: "agencyIdInvalid" });
const agencyIds = z.array(agencyId).max(200, { error: "tooLong" });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const email = z.string().trim().toLowerCase().min(1, { error: "required" }).max(320, { error: "tooLong" }).regex(EMAIL, { error: "emailInvalid" });
const role = z.enum(ROLES, { error: "roleInvalid" });
const userId = z.string().min(1, { error: "invalid" }).max(100, { error: "invalid" });

/** lib/server/auth/password-policy problems -> message keys. */
export const PASSWORD_KEYS = { "too-short": "passwordTooShort", "too-long": "passwordTooLong", "is-email": "passwordIsEmail" } as const;

function checkPassword(password: string, forEmail: string, ctx: z.RefinementCtx) {
  const problem = passwordProblem(password, forEmail);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_KEYS[problem] });
}

/** An HTML checkbox: "on" when ticked, absent when not (a boolean from a service caller). */
const checkbox = z
  .union([z.literal("on"), z.boolean()], { error: "invalid" })
  .optional()
  .transform((value) => value === "on" || value === true);

export const agencyCreateInput = z
  .object({
    id: agencyId,
    nameZh: text(200),
    nameEn: text(200),
    descriptionZh: optionalText(2000),
    descriptionEn: optionalText(2000),
    /** Every draft needs a reviewer's approval before it is published (docs/review.md). */
    requiresReview: checkbox,
    /** The public notice page names who signed a version off. */
    showSignOff: checkbox,
  })
  .strict();

/**
 * The id is not editable: it is part of every notice's URL and of every leaf in the log.
 * @alias of agencyCreateInput, named for the action that uses it
 */
export const agencyUpdateInput = agencyCreateInput;

/**
 * The agencies whose drafts a clerk may also review: each must be one of the clerk's agencies.
 * Absent (a caller that does not manage reviewers) keeps the reviewer rights as they are.
 */
const reviewAgencyIds = agencyIds.optional();

function checkReviewAgencies(value: { role: string; agencyIds: string[]; reviewAgencyIds?: string[] }, ctx: z.RefinementCtx) {
  if (value.role === "clerk" && value.reviewAgencyIds?.some((id) => !value.agencyIds.includes(id))) {
    ctx.addIssue({ code: "custom", path: ["reviewAgencyIds"], message: "reviewNeedsAgency" });
  }
}

export const userCreateInput = z
  .object({ email, name: text(200), password: z.string(), role, agencyIds, reviewAgencyIds })
  .strict()
  .superRefine((value, ctx) => {
    checkPassword(value.password, value.email, ctx);
    if (value.role === "clerk" && value.agencyIds.length === 0) ctx.addIssue({ code: "custom", path: ["agencyIds"], message: "clerkNeedsAgency" });
    checkReviewAgencies(value, ctx);
  });

/** A role and, for a clerk, the agencies they publish for and review in (ignored for other roles). */
export const userAccessInput = z
  .object({ userId, role, agencyIds, reviewAgencyIds })
  .strict()
  .superRefine((value, ctx) => {
    if (value.role === "clerk" && value.agencyIds.length === 0) ctx.addIssue({ code: "custom", path: ["agencyIds"], message: "clerkNeedsAgency" });
    checkReviewAgencies(value, ctx);
  });

export const userDisableInput = z.object({ userId }).strict();

/** The password rules need the account's email, so the service checks `is-email` too. */
export const passwordResetInput = z.object({ userId, password: z.string().max(1000, { error: "passwordTooLong" }) }).strict();

/** A signed-in user's own password: the current one, then the new one (rules checked by the service). */
export const ownPasswordInput = z
  .object({ currentPassword: z.string().min(1, { error: "required" }).max(1000, { error: "passwordTooLong" }), password: z.string().max(1000, { error: "passwordTooLong" }) })
  .strict();

/** A signed-in user's own display name. */
export const ownNameInput = z.object({ name: text(200) }).strict();
