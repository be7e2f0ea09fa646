"use client";
/**
 * The browser verifier for one notice version: loaded only when a visitor asks for it (see
 * verify-control.tsx), so the notice page's own JavaScript carries none of the crypto.
 */
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { StepResult } from "@/lib/core/verify";
import { BUILT_IN_LOG, builtInWitnessPolicy, keyFingerprint } from "@/lib/browser/verify/built-in-log";
import type { WitnessWait } from "@/lib/browser/verify/choose-checkpoint";
import { FetchFailure } from "@/lib/browser/verify/fetch-version-proof";
import { plainVerdict } from "@/lib/browser/verify/plain-verdict";
import { verifyOnline, type OnlineOutcome, type Phase } from "@/lib/browser/verify/verify-online";
import { AttachmentChecks, AttachmentProgress, type DownloadProgress } from "./attachment-checks";
import { PlainVerdictView } from "./plain-verdict";
import { TwoHistoriesWarning } from "./two-histories-warning";
import { VerdictLine, VerifySteps, WithheldList, useNameList, verifyStatusOf } from "./verify-steps";

// Long enough for a screen reader to announce each step, short enough not to feel staged.
const REVEAL_MS = 60;

export default function VerifyPanel({ noticeId, version }: { noticeId: string; version?: number }) {
  const t = useTranslations("verify");
  const [run, setRun] = useState(0);
  const [phase, setPhase] = useState<Phase>("notice");
  const [wait, setWait] = useState<WitnessWait | null>(null);
  const list = useNameList();
  const [shown, setShown] = useState<StepResult[]>([]);
  const [outcome, setOutcome] = useState<OnlineOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloads, setDownloads] = useState<DownloadProgress[]>([]);
  const [headingId] = useState(`verify-${noticeId}-${version ?? "latest"}`);

  // A run starts from empty results: the first from the initial state, each later one from
  // againClicked, so the effect only runs the verification.
  const againClicked = () => {
    setShown([]);
    setOutcome(null);
    setError(null);
    setDownloads([]);
    setRun((n) => n + 1);
  };

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      try {
        const onPhase = (p: Phase, w?: WitnessWait) => {
          setPhase(p);
          setWait(w ?? null);
        };
        const onAttachment = (position: number, name: string, received: number, total: number) =>
          setDownloads((all) => [...all.filter((d) => d.position !== position), { position, name, received, total }].sort((a, b) => a.position - b.position));
        const trust = { log: BUILT_IN_LOG, policy: builtInWitnessPolicy() };
        const result = await verifyOnline(noticeId, version, trust, onPhase, controller.signal, onAttachment);
        for (let i = 1; i <= result.results.length; i++) {
          setShown(result.results.slice(0, i));
          await new Promise((r) => setTimeout(r, REVEAL_MS));
          if (controller.signal.aborted) return;
        }
        setOutcome(result);
        // Read by e2e/verify and scripts measuring docs/performance.md.
        console.info(`gongshi-verify ${noticeId} v${result.version}: network ${result.timing.networkMs.toFixed(1)} ms, computation ${result.timing.computeMs.toFixed(1)} ms`);
      } catch (e) {
        if ((e as Error).name === "AbortError") return;
        setError(e instanceof FetchFailure ? e.code : "unknown");
      }
    })();
    return () => controller.abort();
  }, [noticeId, version, run]);

  const done = outcome !== null;
  const verdict = plainVerdict(shown.length ? shown : null, outcome?.attachments ?? null, done);
  // While no checkpoint meeting the witness quorum covers the version, the region says so.
  const status = error ? "failed" : !done && phase === "witnesses" ? "waiting" : verdict.kind === "failed" ? "failed" : verifyStatusOf(shown.length ? shown : null, done);
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded border border-stone-300 bg-white p-4 text-sm" data-testid="verify-panel">
      <h2 id={headingId} className="text-lg font-semibold">
        {t("panelTitle")}
      </h2>
      <div
        role="status"
        aria-atomic="false"
        className="space-y-3"
        data-verify-status={status}
        data-verify-network-ms={outcome ? outcome.timing.networkMs.toFixed(1) : undefined}
        data-verify-compute-ms={outcome ? outcome.timing.computeMs.toFixed(1) : undefined}
      >
        <PlainVerdictView verdict={verdict} subject={outcome} error={error ? t(`error.${error}`) : undefined} />
        {!done && !error && (
          <p data-testid="verify-phase">
            {phase === "witnesses" && wait
              ? t("phase.witnesses", { k: wait.cosigned.length, n: wait.total, names: list(wait.cosigned), missing: list(wait.missing) })
              : t(`phase.${phase}`)}
          </p>
        )}
        {!done && !error && phase === "attachments" && <AttachmentProgress downloads={downloads} />}
        {/* The proof itself, for those who want it: closed by default, so the verdict comes first. */}
        <details className="group space-y-2 rounded border border-stone-300" data-testid="verify-details">
          <summary className="cursor-pointer px-3 py-2 font-medium text-blue-800 underline-offset-2 hover:underline">{t("details")}</summary>
          <div className="space-y-3 px-3 pb-3">
            <p>{t("runsHere")}</p>
            <KeyFingerprint />
            {!error && (
              <>
                <VerdictLine results={shown.length ? shown : null} done={done} />
                <VerifySteps results={shown} />
              </>
            )}
            {outcome && <AttachmentChecks attachments={outcome.attachments} />}
            {outcome && <p className="text-stone-700">{t("timing", { network: Math.round(outcome.timing.networkMs), compute: Math.round(outcome.timing.computeMs) })}</p>}
          </div>
        </details>
      </div>
      {outcome?.split && <TwoHistoriesWarning evidence={outcome.split} />}
      {outcome && <WithheldList withheld={outcome.withheld} />}
      {(done || error) && (
        <button type="button" onClick={againClicked} className="rounded border border-stone-500 px-3 py-1 underline-offset-2 hover:underline">
          {t("again")}
        </button>
      )}
    </section>
  );
}

/** The key this page checks signatures with, in the form the About page shows, for comparing by eye. */
export function KeyFingerprint() {
  const t = useTranslations("verify");
  if (!BUILT_IN_LOG.verifierKey) return <p className="font-semibold text-red-800">{t("noKey")}</p>;
  return (
    <div>
      <p>
        {t("fingerprint")}:{" "}
        <code className="font-mono" data-testid="verify-key-fingerprint">
          {keyFingerprint(BUILT_IN_LOG.verifierKey)}
        </code>
      </p>
      <p className="text-stone-700">
        {t.rich("fingerprintHint", {
          about: (chunks) => (
            <Link href="/about#identity" className="text-blue-800 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
