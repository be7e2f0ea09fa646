import { useLocale, useTranslations } from "next-intl";
import { usePortalTime } from "@/components/portal-time";
import type { StepResult, WithheldField, WitnessReport } from "@/lib/core/verify";
import { STEP_ORDER } from "@/lib/core/verify/types";

/** Text, not colour alone: every mark has a word next to it (WCAG 1.4.1). */
const MARK: Record<StepResult["status"] | "pending", string> = { ok: "✓", failed: "✗", skipped: "–", info: "ℹ", waiting: "⏳", pending: "…" };

/** "waiting": nothing failed, but the witness policy's quorum is not met ("waiting for witnesses"). */
export type VerifyStatus = "verified" | "failed" | "pending" | "waiting";

/** The verdict the result region carries in data-verify-status. */
export function verifyStatusOf(results: readonly StepResult[] | null, done: boolean): VerifyStatus {
  if (results?.some((r) => r.status === "failed")) return "failed";
  if (done && results?.some((r) => r.status === "waiting")) return "waiting";
  return done && results ? "verified" : "pending";
}

/** Names joined the way the language joins them ("A and B", "A和B"). */
export function useNameList(): (names: readonly string[]) => string {
  const locale = useLocale();
  return (names) => (names.length ? new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(names) : "—");
}

/** "k of n" and who: the values every witness message uses. */
export function witnessValues(witnesses: readonly WitnessReport[] | undefined, list: (names: readonly string[]) => string) {
  const all = witnesses ?? [];
  const counted = all.filter((w) => w.status !== "unknown" && w.counts !== false);
  const cosigned = counted.filter((w) => w.status === "verified").map((w) => w.name);
  return {
    k: cosigned.length,
    n: counted.length,
    names: list(cosigned),
    missing: list(counted.filter((w) => w.status !== "verified").map((w) => w.name)),
    invalid: list(all.filter((w) => w.status === "invalid").map((w) => w.name)),
  };
}

/** One line naming the first failed step (and, for content, the field), or saying all passed. */
export function VerdictLine({ results, done }: { results: readonly StepResult[] | null; done: boolean }) {
  const t = useTranslations("verify");
  const list = useNameList();
  const failed = results?.find((r) => r.status === "failed");
  const witnesses = results?.find((r) => r.step === "witnesses");
  if (failed) {
    const number = STEP_ORDER.indexOf(failed.step) + 1;
    const step = t(`step.${failed.step}`);
    return (
      <p className="font-semibold text-red-800" data-testid="verify-verdict">
        <span aria-hidden="true">✗ </span>
        {failed.fields?.length ? t("verdict.failedFields", { number, step, fields: failed.fields.join(", ") }) : t("verdict.failed", { number, step })}
      </p>
    );
  }
  if (done && witnesses?.status === "waiting") {
    return (
      <p className="font-semibold text-amber-900" data-testid="verify-verdict">
        <span aria-hidden="true">⏳ </span>
        {t("verdict.waiting", witnessValues(witnesses.witnesses, list))}
      </p>
    );
  }
  const cosigned = witnesses?.status === "ok" && witnesses.code.startsWith("quorum-met");
  return (
    <p className={done && results ? "font-semibold text-green-800" : ""} data-testid="verify-verdict">
      {done && results ? (
        <>
          <span aria-hidden="true">✓ </span>
          {cosigned ? t("verdict.verifiedCosigned", witnessValues(witnesses.witnesses, list)) : t("verdict.verified")}
        </>
      ) : (
        t("verdict.pending")
      )}
    </p>
  );
}

function useStepMessage() {
  const t = useTranslations("verify");
  const list = useNameList();
  return (r: StepResult): string => {
    const values = {
      ...witnessValues(r.witnesses, list),
      newest: r.newerCheckpoint?.size ?? 0,
      fields: (r.fields ?? []).join(", "),
      size: r.checkpoint?.size ?? r.earlierCheckpoint?.size ?? 0,
      from: Math.min(r.earlierCheckpoint?.size ?? 0, r.checkpoint?.size ?? 0),
      to: Math.max(r.earlierCheckpoint?.size ?? 0, r.checkpoint?.size ?? 0),
    };
    const key = `message.${r.code}`;
    // Codes without a translation keep lib/core/verify's English sentence (marked lang="en" by the caller).
    return t.has(key) ? t(key, values) : r.detail;
  };
}

/**
 * The six steps in order. `results` may be shorter than six while they are revealed; the rest
 * show as waiting. A failing content step lists the fields by their commitment path.
 */
export function VerifySteps({ results }: { results: readonly StepResult[] }) {
  const t = useTranslations("verify");
  const format = usePortalTime();
  const when = (ms: number) => format(new Date(ms));
  const message = useStepMessage();
  return (
    <ol className="space-y-2">
      {STEP_ORDER.map((step, i) => {
        const r = results.find((x) => x.step === step);
        const status = r?.status ?? "pending";
        const translated = r ? t.has(`message.${r.code}`) : true;
        return (
          <li key={step} data-step={step} data-step-status={status} className={`flex gap-2 ${status === "failed" ? "text-red-800" : ""}`}>
            <span aria-hidden="true" className="w-4 shrink-0 text-center font-bold">
              {MARK[status]}
            </span>
            <span>
              <strong>
                {i + 1}. {t(`step.${step}`)}
              </strong>
              : {t(`status.${status}`)}
              {r && (
                <>
                  {" — "}
                  <span lang={translated ? undefined : "en"}>{message(r)}</span>
                </>
              )}
              {r?.witnesses && r.witnesses.length > 0 && (
                <ul className="ms-4 list-disc">
                  {r.witnesses.map((w) => (
                    <li key={`${w.name}+${w.keyId}`} data-witness={w.name} data-witness-status={w.status}>
                      {w.name} (<code className="break-all">{w.keyName === w.name ? w.keyId : `${w.keyName}+${w.keyId}`}</code>):{" "}
                      {t(`witnessStatus.${w.status}`, {
                        time: w.timestamp === undefined ? "—" : when(w.timestamp * 1000),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Withheld fields are part of a passing verdict: shown with when and why, not hidden. */
export function WithheldList({ withheld }: { withheld: readonly WithheldField[] }) {
  const t = useTranslations("verify");
  const format = usePortalTime();
  if (withheld.length === 0) return null;
  return (
    <div className="space-y-1">
      <h3 className="font-semibold">{t("withheldTitle")}</h3>
      <ul className="ms-4 list-disc" data-testid="verify-withheld">
        {withheld.map((w) => (
          <li key={w.path}>
            <code>{w.path}</code>: {t("withheldItem", { date: w.at ? format(w.at, "date") : "—", basis: w.basis || "—" })}
          </li>
        ))}
      </ul>
    </div>
  );
}
