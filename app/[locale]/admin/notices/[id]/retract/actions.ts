"use server";
/**
 * The retract form's action: parse the form (strict: an unknown field is refused), show each
 * problem next to its field, then let retractNotice decide — it authorizes the clerk against
 * the notice's agency whatever id the form carries, so a tampered hidden field earns a 403,
 * never a retraction. On success the clerk lands on the public page with its banner.
 */
import { actionLocale } from "@/i18n/action-locale";
import { headers } from "next/headers";
import { formFields } from "@/lib/shared/admin/form-fields";
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { getRetractionTarget } from "@/lib/server/admin/get-retraction-target";
import { callService } from "@/lib/server/admin/server-action";
import type { ErrorCode } from "@/lib/server/api/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { requestOrigin } from "@/lib/server/auth/request-origin";
import { db } from "@/lib/server/db/client";
import { NOTICE_ID_PATTERN } from "@/lib/core/log/notice-leaf-schema";
import { PROBLEMS, retractionSchema } from "@/lib/shared/publishing/notice-fields";
import { retractNotice } from "@/lib/server/publishing/retract-notice";

export type RetractFieldError = "required" | "tooLong" | "oneLine" | "controlChars" | "confirmRequired" | "invalid";
export type RetractMessage = "conflict" | "retracted" | "forbidden" | "signedOut" | "notFound" | "unexpected" | "unknownField";

export interface RetractState {
  /** Bumped on every answer, so the form remounts with what was typed. */
  attempt: number;
  reason: string;
  reasonDetail: string;
  confirmed: boolean;
  errors: { reason?: RetractFieldError; reasonDetail?: RetractFieldError; confirm?: RetractFieldError };
  message?: RetractMessage;
  /** After a conflict: the notice's version now, which the next attempt is based on. */
  latest?: { version: number; kind: string };
}

const REFUSALS: Partial<Record<ErrorCode, RetractMessage>> = { unauthorized: "signedOut", forbidden: "forbidden", "not-found": "notFound" };

const retractForm = z
  .object({
    noticeId: z.string().regex(NOTICE_ID_PATTERN),
    baseVersion: z
      .string()
      .regex(/^[1-9][0-9]{0,5}$/)
      .transform(Number),
    reason: z.string(),
    reasonDetail: z.string().optional(),
    confirm: z.literal("yes").optional(),
  })
  .strict();

/** Each field's first problem under retractionSchema (one line of reason, optional detail). */
function reasonErrors(reason: string, reasonDetail: string): Pick<RetractState["errors"], "reason" | "reasonDetail"> {
  const parsed = retractionSchema.safeParse({ reason, reasonDetail });
  if (parsed.success) return {};
  const errors: Pick<RetractState["errors"], "reason" | "reasonDetail"> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === "reasonDetail" ? "reasonDetail" : "reason";
    // A newline in the one-line reason is its own problem (the detail is where paragraphs go).
    const oneLine = field === "reason" && issue.message === PROBLEMS.oneLine && /[\r\n]/.test(reason.trim());
    errors[field] ??= issue.code === "too_small" ? "required" : issue.code === "too_big" ? "tooLong" : oneLine ? "oneLine" : "controlChars";
  }
  return errors;
}

export async function retractAction(locale: string, previous: RetractState, form: FormData): Promise<RetractState> {
  locale = actionLocale(locale);
  const values = formFields(form);
  const reason = typeof values.reason === "string" ? values.reason : "";
  const reasonDetail = typeof values.reasonDetail === "string" ? values.reasonDetail : "";
  const answer = { attempt: previous.attempt + 1, reason, reasonDetail, confirmed: values.confirm === "yes", errors: {}, latest: previous.latest };
  const parsed = retractForm.safeParse(values);
  if (!parsed.success && parsed.error.issues.some((i) => i.code === "unrecognized_keys")) return { ...answer, message: "unknownField" };
  const errors = { ...reasonErrors(reason, reasonDetail), confirm: values.confirm === "yes" ? undefined : ("confirmRequired" as const) };
  if (!parsed.success || errors.reason || errors.reasonDetail || errors.confirm) {
    const other = !parsed.success && !errors.reason && !errors.reasonDetail && !errors.confirm ? "invalid" : undefined;
    return { ...answer, errors: { reason: errors.reason ?? other, reasonDetail: errors.reasonDetail, confirm: errors.confirm } };
  }
  const { noticeId, baseVersion } = parsed.data;
  const actor = await currentActor();
  const outcome = await callService(async () => retractNotice({ db: db(), actor, origin: requestOrigin(await headers()) }, { noticeId, baseVersion, reason, reasonDetail }), {
    what: "retraction",
    refused: async (error): Promise<RetractState> => {
      if (error.code === "conflict") return { ...answer, ...(await conflict(actor, noticeId)) };
      if (error.code === "bad-request") return { ...answer, errors: { reason: "invalid" } };
      return { ...answer, message: REFUSALS[error.code] ?? "unexpected" };
    },
    unexpected: { ...answer, message: "unexpected" },
  });
  if (!outcome.ok) return outcome.answer;
  redirect({ href: `/n/${noticeId}`, locale });
  return answer;
}

/** A 409: either retracted meanwhile, or a newer version the clerk has not seen yet. */
async function conflict(actor: Awaited<ReturnType<typeof currentActor>>, noticeId: string): Promise<Pick<RetractState, "message" | "latest">> {
  const target = await getRetractionTarget(db(), actor, noticeId);
  if (target.retracted) return { message: "retracted" };
  return { message: "conflict", latest: { version: target.latestVersion, kind: target.latestKind } };
}
