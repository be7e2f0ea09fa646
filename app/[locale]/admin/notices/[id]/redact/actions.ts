"use server";
/**
 * The redact form's action, in two steps: "review" checks the choices and answers with the
 * confirmation screen; "confirm" checks them again (a hand-made request cannot skip the
 * checks) and calls redactNoticeVersion, which authorizes the administrator itself; "back"
 * returns to the choices as they were. Every answer keeps what was chosen and typed.
 */
import { actionLocale } from "@/i18n/action-locale";
import { headers } from "next/headers";
import { formFields } from "@/lib/shared/admin/form-fields";
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { getRedactionChoices, type RedactionChoices } from "@/lib/server/admin/get-redaction-choices";
import { hasDirectionControls } from "@/lib/shared/publishing/direction-controls";
import { callService } from "@/lib/server/admin/server-action";
import type { ErrorCode } from "@/lib/server/api/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { requestOrigin } from "@/lib/server/auth/request-origin";
import { db } from "@/lib/server/db/client";
import { NOTICE_ID_PATTERN } from "@/lib/core/log/notice-leaf-schema";
import { FIELD_LIMITS } from "@/lib/shared/publishing/notice-fields";
import { redactNoticeVersion } from "@/lib/server/publishing/redact-notice-version";

export type RedactFieldError =
  "versionRequired" | "versionNotLogged" | "withholdRequired" | "withholdUnknown" | "basisRequired" | "basisTooLong" | "basisOneLine" | "basisInvalid" | "invalid";
export type RedactMessage = "forbidden" | "signedOut" | "notFound" | "unexpected" | "unknownField";

export interface RedactState {
  /** Bumped on every answer, so the form remounts with what was sent. */
  attempt: number;
  step: "choose" | "confirm";
  version: number | null;
  withhold: string[];
  basis: string;
  errors: { version?: RedactFieldError; withhold?: RedactFieldError; basis?: RedactFieldError };
  message?: RedactMessage;
}

const REFUSALS: Partial<Record<ErrorCode, RedactMessage>> = { unauthorized: "signedOut", forbidden: "forbidden", "not-found": "notFound" };

const redactForm = z
  .object({
    noticeId: z.string().regex(NOTICE_ID_PATTERN),
    intent: z.enum(["review", "confirm", "back"]),
    version: z.string().optional(),
    withhold: z.array(z.string()),
    basis: z.string().optional(),
  })
  .strict();

/** The leaf format's basis rules (docs/log-format.md), as messages a person can act on. */
function basisError(basis: string): RedactFieldError | undefined {
  if (basis.length === 0) return "basisRequired";
  if (/[\r\n\u2028\u2029]/.test(basis)) return "basisOneLine";
  if ([...basis].length > FIELD_LIMITS.basis) return "basisTooLong";
  if (/[\u0000-\u001F\u007F-\u009F]/.test(basis) || hasDirectionControls(basis) || !basis.isWellFormed()) return "basisInvalid";
  return undefined;
}

function choiceErrors(choices: RedactionChoices, version: number | null, withhold: string[], basis: string): RedactState["errors"] {
  const chosen = choices.versions.find((v) => v.version === version);
  const open = new Set(chosen?.paths.filter((p) => !p.withheld).map((p) => p.path));
  return {
    version: !chosen ? "versionRequired" : chosen.logIndex === null ? "versionNotLogged" : undefined,
    withhold: withhold.length === 0 ? "withholdRequired" : chosen && withhold.some((p) => !open.has(p)) ? "withholdUnknown" : undefined,
    basis: basisError(basis),
  };
}

export async function redactAction(locale: string, previous: RedactState, form: FormData): Promise<RedactState> {
  locale = actionLocale(locale);
  const values = formFields(form, ["withhold"]);
  const parsed = redactForm.safeParse(values);
  const answer: RedactState = { attempt: previous.attempt + 1, step: "choose", version: previous.version, withhold: previous.withhold, basis: previous.basis, errors: {} };
  if (!parsed.success) {
    const unknown = parsed.error.issues.some((i) => i.code === "unrecognized_keys");
    return { ...answer, ...(unknown ? { message: "unknownField" } : { errors: { basis: "invalid" } }) };
  }
  const { noticeId, intent } = parsed.data;
  const version = parsed.data.version && /^[1-9][0-9]{0,5}$/.test(parsed.data.version) ? Number(parsed.data.version) : null;
  const withhold = [...new Set(parsed.data.withhold)];
  const basis = (parsed.data.basis ?? "").normalize("NFC").trim();
  const kept = { ...answer, version, withhold, basis: parsed.data.basis ?? "" };
  if (intent === "back") return kept;

  const actor = await currentActor();
  const outcome = await callService(
    async (): Promise<RedactState | null> => {
      const errors = choiceErrors(await getRedactionChoices(db(), actor, noticeId), version, withhold, basis);
      if (errors.version || errors.withhold || errors.basis) return { ...kept, errors };
      if (intent === "review") return { ...kept, step: "confirm" };
      await redactNoticeVersion({ db: db(), actor, origin: requestOrigin(await headers()) }, { noticeId, version: version!, withhold, basis });
      return null;
    },
    {
      what: "redaction",
      refused: (error): RedactState => {
        if (error.code === "conflict") return { ...kept, errors: { version: "versionNotLogged" } };
        if (error.code === "bad-request") return { ...kept, errors: { basis: "basisInvalid" } };
        return { ...kept, message: REFUSALS[error.code] ?? "unexpected" };
      },
      unexpected: { ...kept, message: "unexpected" },
    },
  );
  if (!outcome.ok) return outcome.answer;
  // An answer before redacting: the choices' problems, or the confirmation step.
  if (outcome.value) return outcome.value;
  redirect({ href: `/n/${noticeId}/v/${version}`, locale });
  return kept;
}
