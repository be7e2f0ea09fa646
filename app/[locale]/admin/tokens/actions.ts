"use server";
/**
 * Creating and revoking agency API tokens from the administrators' page. Next checks the
 * Origin of every server action; the services check the role. A new token's secret travels
 * back once, in this action's answer, and is never stored or logged.
 */
import { actionLocale } from "@/i18n/action-locale";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { callService } from "@/lib/server/admin/server-action";
import { createApiToken } from "@/lib/server/auth/tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/auth/tokens/revoke-api-token";
import { createTokenSchema } from "@/lib/server/auth/tokens/token-inputs";
import { currentActor } from "@/lib/server/auth/current-actor";
import { requestOrigin } from "@/lib/server/auth/request-origin";
import { db } from "@/lib/server/db/client";

export interface CreateTokenState {
  /** What the administrator typed, kept after a failed attempt. */
  values: { agencyId: string; label: string; publishDirectly: boolean };
  fieldErrors: { agencyId?: "agencyRequired"; label?: "labelRequired" | "labelTooLong" | "labelInvalid" };
  error: "forbidden" | "unexpected" | null;
  created: { id: string; agencyId: string; label: string; prefix: string; publishDirectly: boolean; secret: string } | null;
}

export interface RevokeTokenState {
  error: "forbidden" | "notFound" | "alreadyRevoked" | "unexpected" | null;
  revokedId: string | null;
}

function labelError(message: string): NonNullable<CreateTokenState["fieldErrors"]["label"]> {
  if (message === "required") return "labelRequired";
  return message.startsWith("at most") ? "labelTooLong" : "labelInvalid";
}

export async function createTokenAction(locale: string, _previous: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  locale = actionLocale(locale);
  const values = { agencyId: String(form.get("agencyId") ?? ""), label: String(form.get("label") ?? ""), publishDirectly: form.get("publishDirectly") === "on" };
  const base: CreateTokenState = { values, fieldErrors: {}, error: null, created: null };
  const parsed = createTokenSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: CreateTokenState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "agencyId") fieldErrors.agencyId = "agencyRequired";
      if (issue.path[0] === "label") fieldErrors.label ??= labelError(issue.message);
    }
    return { ...base, fieldErrors };
  }
  const outcome = await callService(
    async () => {
      const token = await createApiToken({ db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) }, parsed.data);
      revalidatePath(`/${locale}/admin/tokens`);
      return token;
    },
    {
      what: "creating an API token",
      refused: (error): CreateTokenState | undefined => {
        if (error.code === "forbidden" || error.code === "unauthorized") return { ...base, error: "forbidden" };
        if (error.code === "bad-request") return { ...base, fieldErrors: { agencyId: "agencyRequired" } };
        return undefined;
      },
      unexpected: { ...base, error: "unexpected" },
      logMessageOnly: true,
    },
  );
  if (!outcome.ok) return outcome.answer;
  const token = outcome.value;
  // A fresh form for the next token; the secret is shown once, from this answer only.
  return {
    values: { agencyId: "", label: "", publishDirectly: false },
    fieldErrors: {},
    error: null,
    created: { id: token.id, agencyId: token.agencyId, label: token.label, prefix: token.prefix, publishDirectly: token.publishDirectly, secret: token.secret },
  };
}

export async function revokeTokenAction(locale: string, _previous: RevokeTokenState, form: FormData): Promise<RevokeTokenState> {
  locale = actionLocale(locale);
  const outcome = await callService(
    async () => {
      const revoked = await revokeApiToken({ db: db(), actor: await currentActor(), origin: requestOrigin(await headers()) }, String(form.get("tokenId") ?? ""));
      revalidatePath(`/${locale}/admin/tokens`);
      return revoked;
    },
    {
      what: "revoking an API token",
      refused: (error): RevokeTokenState | undefined => {
        if (error.code === "forbidden" || error.code === "unauthorized") return { error: "forbidden", revokedId: null };
        // A malformed id (bad-request) names no token either: the same answer, not an "unexpected" one.
        if (error.code === "not-found" || error.code === "bad-request") return { error: "notFound", revokedId: null };
        if (error.code === "conflict") return { error: "alreadyRevoked", revokedId: null };
        return undefined;
      },
      unexpected: { error: "unexpected", revokedId: null },
      logMessageOnly: true,
    },
  );
  if (!outcome.ok) return outcome.answer;
  return { error: null, revokedId: outcome.value.id };
}
