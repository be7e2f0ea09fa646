"use client";
/**
 * A proof bundle checked with no request to the server: the file is read here, and every step
 * runs against the key built into the page (not the key the bundle names, which anyone making
 * a bundle could choose).
 */
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { checkSignature, judgeKeptCheckpoint, parseBundleFile, verifyBundle, type ProofBundle, type SplitVerdict, type StepResult } from "@/lib/core/verify";
import { BUILT_IN_LOG, builtInWitnessPolicy } from "@/lib/browser/verify/built-in-log";
import { loadKeptCheckpoint } from "@/lib/browser/verify/checkpoint-store";
import { TwoHistoriesWarning } from "./two-histories-warning";
import { VerdictLine, VerifySteps, WithheldList, verifyStatusOf } from "./verify-steps";

interface Checked {
  bundle: ProofBundle;
  results: StepResult[];
  split: SplitVerdict | null;
}

function checkOffline(bundle: ProofBundle): Checked {
  const log = BUILT_IN_LOG;
  const policy = builtInWitnessPolicy() ?? undefined;
  const stored = loadKeptCheckpoint(log.origin);
  const kept = stored !== null && checkSignature(stored, log).status === "ok" ? stored : null;
  // The bundle's checkpoint carries its cosignatures; the page's own policy decides if they suffice.
  const results = verifyBundle(bundle, { verifierKey: log.verifierKey, origin: log.origin, ...(policy ? { policy } : {}), ...(kept ? { earlier: { checkpoint: kept } } : {}) });
  // No proof asked for: the bundle is a file, not the server answering now (lib/core/verify/kept-checkpoint-verdict.ts).
  return kept
    ? { bundle, ...judgeKeptCheckpoint({ kept, current: bundle.checkpoint, log, proof: undefined, ...(policy ? { policy } : {}) }, results) }
    : { bundle, results, split: null };
}

export function VerifyBundleForm() {
  const t = useTranslations("verify.page");
  const inputId = useId();
  const [checked, setChecked] = useState<Checked[]>([]);
  const [error, setError] = useState("");

  const verify = async (file: File | undefined) => {
    setError("");
    setChecked([]);
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setError(t("error.read"));
      return;
    }
    try {
      setChecked(parseBundleFile(text).map(checkOffline));
    } catch (e) {
      setError(t("error.badBundle", { reason: (e as Error).message }));
    }
  };

  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={inputId} className="block font-medium">
          {t("bundleLabel")}
        </label>
        <input id={inputId} type="file" accept=".json,application/json" onChange={(e) => void verify(e.currentTarget.files?.[0])} className="block max-w-full" />
      </div>
      <p aria-live="assertive" className="font-semibold text-red-800">
        {error}
      </p>
      {checked.map(({ bundle, results, split }) => (
        <div key={`${bundle.notice}/${bundle.version}/${bundle.entry.index}`} className="space-y-2 border-t border-stone-300 pt-3" data-testid="bundle-result">
          <h3 className="font-semibold">{t("bundleResult", { notice: bundle.notice, version: bundle.version })}</h3>
          {bundle.log.verifierKey !== BUILT_IN_LOG.verifierKey && <p>{t("bundleOtherKey", { key: bundle.log.verifierKey })}</p>}
          <div role="status" aria-atomic="false" className="space-y-2" data-verify-status={verifyStatusOf(results, true)}>
            <VerdictLine results={results} done />
            <VerifySteps results={results} />
          </div>
          {split && <TwoHistoriesWarning evidence={split} />}
          <WithheldList withheld={results.find((r) => r.step === "content")?.withheld ?? []} />
        </div>
      ))}
    </div>
  );
}
