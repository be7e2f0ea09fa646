"use client";
/**
 * Creates an agency API token. The new secret is shown once, from the action's answer: it is
 * not in the page, so a reload (or the next visitor of this screen) cannot see it again.
 */
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { CreateTokenState } from "@/app/[locale]/admin/tokens/actions";

const INITIAL: CreateTokenState = { values: { agencyId: "", label: "", publishDirectly: false }, fieldErrors: {}, error: null, created: null };

export function CreateTokenForm({
  action,
  agencies,
}: {
  action: (state: CreateTokenState, form: FormData) => Promise<CreateTokenState>;
  agencies: { id: string; name: string }[];
}) {
  const t = useTranslations("adminTokens");
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const input = "mt-1 block w-full rounded border border-stone-500 px-3 py-2";
  // key: remount the fields with what was typed after each answer (React resets forms after actions).
  const formKey = JSON.stringify(state.values) + (state.created?.id ?? "");
  return (
    <div className="space-y-4">
      {state.created && <NewTokenSecret created={state.created} agencyName={agencies.find((a) => a.id === state.created!.agencyId)?.name ?? state.created.agencyId} />}
      <form key={formKey} action={formAction} className="max-w-lg space-y-4" noValidate>
        <p aria-live="polite" role="status" className="min-h-6 font-medium text-red-800">
          {state.error ? t(state.error === "forbidden" ? "forbidden" : "errorUnexpected") : ""}
        </p>
        <div>
          <label htmlFor="token-agency" className="font-medium">
            {t("agency")}
          </label>
          <select
            id="token-agency"
            name="agencyId"
            defaultValue={state.values.agencyId}
            aria-invalid={!!state.fieldErrors.agencyId}
            aria-describedby="token-agency-error"
            className={input}
          >
            <option value="">{t("chooseAgency")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <p id="token-agency-error" aria-live="polite" className="min-h-5 text-sm text-red-800">
            {state.fieldErrors.agencyId ? t(state.fieldErrors.agencyId) : ""}
          </p>
        </div>
        <div>
          <label htmlFor="token-label" className="font-medium">
            {t("label")}
          </label>
          <input
            id="token-label"
            name="label"
            type="text"
            maxLength={200}
            defaultValue={state.values.label}
            aria-invalid={!!state.fieldErrors.label}
            aria-describedby="token-label-hint token-label-error"
            className={input}
          />
          <p id="token-label-hint" className="text-sm text-stone-700">
            {t("labelHint")}
          </p>
          <p id="token-label-error" aria-live="polite" className="min-h-5 text-sm text-red-800">
            {state.fieldErrors.label ? t(state.fieldErrors.label) : ""}
          </p>
        </div>
        <div className="flex gap-2">
          <input
            id="token-publish-directly"
            name="publishDirectly"
            type="checkbox"
            defaultChecked={state.values.publishDirectly}
            aria-describedby="token-publish-directly-hint"
            className="mt-1.5 size-4"
          />
          <div>
            <label htmlFor="token-publish-directly" className="font-medium">
              {t("publishDirectly")}
            </label>
            <p id="token-publish-directly-hint" className="text-sm text-stone-700">
              {t("publishDirectlyHint")}
            </p>
          </div>
        </div>
        <button type="submit" disabled={pending} className="rounded bg-stone-800 px-4 py-2 font-medium text-white">
          {t("create")}
        </button>
      </form>
    </div>
  );
}

function NewTokenSecret({ created, agencyName }: { created: NonNullable<CreateTokenState["created"]>; agencyName: string }) {
  const t = useTranslations("adminTokens");
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  return (
    <section aria-labelledby="new-token" className="max-w-3xl space-y-2 rounded border-2 border-amber-700 bg-amber-50 p-4">
      <h3 id="new-token" className="text-lg font-semibold">
        {t("createdHeading", { label: created.label, agency: agencyName })}
      </h3>
      <p role="alert" className="font-medium">
        {t("showOnceWarning")}
      </p>
      <p>{t(created.publishDirectly ? "createdPublishesDirectly" : "createdSubmitsForReview")}</p>
      <label htmlFor="new-token-secret" className="font-medium">
        {t("secret")}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="new-token-secret"
          readOnly
          value={created.secret}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-stone-500 bg-white px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={copy} className="rounded border border-stone-800 bg-white px-4 py-2 font-medium">
          {t("copy")}
        </button>
      </div>
      <p aria-live="polite" className="min-h-5 text-sm">
        {copied ? t(copied === "yes" ? "copied" : "copyFailed") : ""}
      </p>
    </section>
  );
}
