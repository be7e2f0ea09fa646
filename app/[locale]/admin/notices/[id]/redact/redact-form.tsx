"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { RedactableVersion, RedactionChoices, RedactablePath } from "@/lib/server/admin/get-redaction-choices";
import { FIELD_LIMITS } from "@/lib/shared/publishing/notice-fields";
import type { RedactState } from "./actions";

type Action = (state: RedactState, form: FormData) => Promise<RedactState>;

const errorText = "min-h-6 text-sm font-medium text-red-800";

/** Two screens on one action: choose (version, fields, basis), then confirm or go back. */
export function RedactForm({ action, choices }: { action: Action; choices: RedactionChoices }) {
  const t = useTranslations("revise.redact");
  const latestLogged = choices.versions.findLast((v) => v.logIndex !== null)?.version ?? null;
  const [state, formAction, pending] = useActionState(action, { attempt: 0, step: "choose", version: latestLogged, withhold: [], basis: "", errors: {} });
  return (
    <div className="space-y-4">
      <p aria-live="polite" role="status" data-testid="form-message" className="min-h-6 font-medium text-red-800">
        {state.message ? t(`errors.${state.message}`) : ""}
      </p>
      {state.step === "confirm" ? (
        <ConfirmStep key={state.attempt} state={state} choices={choices} formAction={formAction} pending={pending} />
      ) : (
        <ChooseStep key={state.attempt} state={state} choices={choices} formAction={formAction} pending={pending} />
      )}
    </div>
  );
}

type StepProps = { state: RedactState; choices: RedactionChoices; formAction: (form: FormData) => void; pending: boolean };

function usePathLabel() {
  const t = useTranslations("revise.redact");
  const tf = useTranslations("notice.field");
  return (p: RedactablePath) => (p.field === null ? t("attachmentName", { name: p.value ?? `#${p.attachment}` }) : tf.has(p.field) ? tf(p.field) : p.field);
}

function ChooseStep({ state, choices, formAction, pending }: StepProps) {
  const t = useTranslations("revise.redact");
  const tk = useTranslations("kind");
  const label = usePathLabel();
  const [version, setVersion] = useState(state.version);
  const [withhold, setWithhold] = useState(new Set(state.withhold));
  const chosen: RedactableVersion | undefined = choices.versions.find((v) => v.version === version);
  const toggle = (path: string, on: boolean) => setWithhold((s) => new Set(on ? [...s, path] : [...s].filter((p) => p !== path)));
  const { errors } = state;
  return (
    <form action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="noticeId" value={choices.noticeId} />
      <fieldset className="space-y-2" aria-describedby="version-error">
        <legend className="font-semibold">{t("versionLegend")}</legend>
        {choices.versions.map((v) => (
          <label key={v.version} className="flex items-center gap-2">
            <input
              type="radio"
              name="version"
              value={v.version}
              checked={version === v.version}
              disabled={v.logIndex === null}
              onChange={() => {
                setVersion(v.version);
                setWithhold(new Set());
              }}
              className="h-5 w-5"
            />
            <span>
              {v.logIndex === null
                ? t("versionPending", { version: v.version, kind: tk(v.kind) })
                : t("versionOption", { version: v.version, kind: tk(v.kind), index: v.logIndex })}
            </span>
          </label>
        ))}
        <p id="version-error" aria-live="polite" className={errorText}>
          {errors.version ? t(`errors.${errors.version}`) : ""}
        </p>
      </fieldset>
      <fieldset className="space-y-3" aria-describedby="withhold-error">
        <legend className="font-semibold">{t("fieldsLegend")}</legend>
        {chosen?.paths.map((p) => {
          const id = `withhold-${p.path.replaceAll("/", "-")}`;
          return (
            <div key={p.path}>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="withhold"
                  value={p.path}
                  checked={withhold.has(p.path)}
                  disabled={p.withheld !== null}
                  onChange={(e) => toggle(p.path, e.target.checked)}
                  aria-describedby={`${id}-preview`}
                  className="h-5 w-5"
                />
                <span className="font-medium">{label(p)}</span>
              </label>
              <p id={`${id}-preview`} className="ml-7 break-words text-sm text-stone-700">
                {p.withheld ? t("alreadyWithheld", { basis: p.withheld.basis }) : p.field === null ? <code>{p.path}</code> : (p.value ?? "")}
              </p>
            </div>
          );
        })}
        <p id="withhold-error" aria-live="polite" className={errorText}>
          {errors.withhold ? t(`errors.${errors.withhold}`) : ""}
        </p>
      </fieldset>
      <div>
        <label htmlFor="basis" className="font-semibold">
          {t("basisLabel")}
        </label>
        <p id="basis-hint" className="text-sm text-stone-700">
          {t("basisHint")} {t("basisWarning")}
        </p>
        <input
          id="basis"
          name="basis"
          type="text"
          required
          maxLength={FIELD_LIMITS.basis}
          defaultValue={state.basis}
          aria-invalid={errors.basis ? true : undefined}
          aria-describedby="basis-hint basis-error"
          className="mt-1 block w-full rounded border border-stone-500 px-3 py-2"
        />
        <p id="basis-error" aria-live="polite" className={errorText}>
          {errors.basis ? t(`errors.${errors.basis}`, { max: FIELD_LIMITS.basis }) : ""}
        </p>
      </div>
      <button type="submit" name="intent" value="review" disabled={pending} className="rounded bg-stone-800 px-4 py-2 font-medium text-white">
        {pending ? t("working") : t("review")}
      </button>
    </form>
  );
}

function ConfirmStep({ state, choices, formAction, pending }: StepProps) {
  const t = useTranslations("revise.redact");
  const label = usePathLabel();
  const heading = useRef<HTMLHeadingElement>(null);
  // The screen changed under the keyboard user: say so by moving focus to its heading.
  useEffect(() => heading.current?.focus(), []);
  const chosen = choices.versions.find((v) => v.version === state.version);
  const paths = chosen?.paths.filter((p) => state.withhold.includes(p.path)) ?? [];
  return (
    <form action={formAction} className="space-y-4 rounded border-2 border-red-800 bg-white p-4" data-testid="redact-confirm">
      <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
        {t("confirmHeading")}
      </h2>
      <p>{t("confirmIntro", { version: state.version ?? 0, id: choices.noticeId })}</p>
      <ul className="list-disc space-y-1 pl-6" data-testid="redact-summary">
        {paths.map((p) => (
          <li key={p.path}>
            <span className="font-medium">{label(p)}</span> <code className="text-sm">({p.path})</code>
            {p.field !== null && <span className="block break-words text-sm text-stone-700">{p.value ?? ""}</span>}
          </li>
        ))}
      </ul>
      <p>
        {t("confirmBasis")} <strong data-testid="redact-basis">{state.basis.trim()}</strong>
      </p>
      <p>{t("confirmAfter")}</p>
      <input type="hidden" name="noticeId" value={choices.noticeId} />
      <input type="hidden" name="version" value={state.version ?? ""} />
      {state.withhold.map((p) => (
        <input key={p} type="hidden" name="withhold" value={p} />
      ))}
      <input type="hidden" name="basis" value={state.basis} />
      <div className="flex flex-wrap gap-4">
        <button type="submit" name="intent" value="confirm" disabled={pending} className="rounded bg-red-800 px-4 py-2 font-medium text-white">
          {pending ? t("working") : t("confirm")}
        </button>
        <button type="submit" name="intent" value="back" disabled={pending} className="rounded border border-stone-700 px-4 py-2">
          {t("back")}
        </button>
      </div>
    </form>
  );
}
